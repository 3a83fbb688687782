# Scopien in a container: built with Maven, run on a JRE as an unprivileged user.
# docker build -t scopien . && docker run -p 7070:7070 -v scopien-data:/data scopien
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY prompts prompts
COPY tools tools
COPY web web
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app scopien \
    && mkdir -p /data && chown scopien /data
WORKDIR /app
COPY --from=build /src/target/scopien.jar /app/scopien.jar
# Listen on every interface inside the container; keep the database and key file on a volume.
ENV SCOPIEN_HOST=0.0.0.0 \
    SCOPIEN_DATA_DIR=/data
VOLUME /data
USER scopien
EXPOSE 7070
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/scopien.jar"]
CMD ["serve"]
