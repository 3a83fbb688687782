#!/usr/bin/env bash
# Mirror read benchmark (docs/benchmarks.md): compiles the tests, then runs
# com.scopien.sync.MirrorBenchmark on the test classpath. It syncs Lead and Opportunity of a local org
# in-process into a fresh database and times, interleaved, the old JSON path, the SQL path over the
# typed mirror tables and live reads. Arguments: [runs=7] [scale=1.0] [engine=H2|POSTGRES]
# (scale 17.25 is about 1,000,000 records in the five big objects).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -Dspotless.check.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
exec java -Xmx${BENCH_HEAP:-3g} -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  com.scopien.sync.MirrorBenchmark "$@"
