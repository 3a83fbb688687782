#!/usr/bin/env bash
# Runs the chat benchmark (docs/benchmarks.md): compiles the tests, then runs
# com.scopien.bench.ChatBenchmark on the test classpath. Arguments: [iterations] [warmup] [scale].
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.scopien.bench.ChatBenchmark "$@"
