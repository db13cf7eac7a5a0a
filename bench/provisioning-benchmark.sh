#!/usr/bin/env bash
# Provisioning benchmark on the simulated cluster (docs/benchmarks.md, "Provisioning"): 200 instances set to
# running at once until all are observed running, then a steady-state sweep of 1,000 unchanged instances, each
# next to the same number of bare fabric8 create calls against the same simulated cluster in the same run.
# Needs the local PostgreSQL (127.0.0.1:5432, user postgres) like the tests; builds what it needs first.
# Usage: bench/provisioning-benchmark.sh [instances] [swept]      (MVN=... to use another Maven launcher)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn=${MVN:-./mvnw}
instances=${1:-200}
swept=${2:-1000}
cp_file=instance-provisioner/target/bench-classpath.txt

"$mvn" -B -q install -pl db,platform-common -DskipTests
"$mvn" -B -q compile -pl instance-provisioner
"$mvn" -B -q dependency:build-classpath -pl instance-provisioner -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/$cp_file"

java -Xmx2g -Dbench.instances="$instances" -Dbench.sweep="$swept" \
  -cp "instance-provisioner/target/classes:$(cat "$cp_file")" \
  bench/provisioning-benchmark/ProvisioningBenchmark.java
