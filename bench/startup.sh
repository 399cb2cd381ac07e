#!/usr/bin/env bash
# Start-up benchmark: `assess` of one example and `--version`, run through the launcher, against a
# Java hello-world on the same JVM. Runs are interleaved (hello, assess, version, hello, ...) so
# that load on this shared machine hits all of them alike; prints the median of each and the
# ratio to the hello-world's median.
#
#   bash bench/startup.sh                  # the launcher of the unpacked release (builds it if missing)
#   bash bench/startup.sh --jar            # also `java -jar target/wijktoets.jar` (no class-data sharing)
#   RUNS=31 bash bench/startup.sh          # more runs (default 15)
#
# The launcher's class-data sharing archive is made by a warm-up run that is not counted, in a
# cache folder under bench/out/ (not the user's). Targets (issue 16): assess <= 4x, --version <= 3x.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-15}
with_jar=false
[ "${1:-}" = --jar ] && with_jar=true

launcher=$(ls -d target/wijktoets-*/bin/wijktoets 2>/dev/null | head -1 || true)
if [ -z "$launcher" ]; then
  mvn -B -q package -DskipTests
  launcher=$(ls -d target/wijktoets-*/bin/wijktoets | head -1)
fi
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

mkdir -p bench/out/hello bench/out/cache
if [ ! -f bench/out/hello/Hello.class ]; then
  printf 'public class Hello {\n  public static void main(String[] a) {\n    System.out.println("hello");\n  }\n}\n' \
    >bench/out/hello/Hello.java
  "${JAVA_HOME:+$JAVA_HOME/bin/}javac" -d bench/out/hello bench/out/hello/Hello.java
fi
export XDG_CACHE_HOME=$PWD/bench/out/cache
rm -rf bench/out/cache/wijktoets

example=examples/moerwijk.yaml
names=(hello assess version)
cmds=(
  "$java -cp bench/out/hello Hello"
  "$launcher assess $example"
  "$launcher --version"
)
if $with_jar; then
  names+=("assess (java -jar)" "version (java -jar)")
  cmds+=("$java -jar target/wijktoets.jar assess $example" "$java -jar target/wijktoets.jar --version")
fi

# milliseconds of one run, output discarded; a failing command stops the benchmark
time_ms() {
  local start end
  start=$EPOCHREALTIME
  $1 >/dev/null 2>bench/out/startup-stderr.txt || { echo "failed: $1" >&2; cat bench/out/startup-stderr.txt >&2; exit 3; }
  end=$EPOCHREALTIME
  echo $(( (${end/./} - ${start/./}) / 1000 ))
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# warm-up: file caches, and the launcher's class-data sharing archives (one per command)
for c in "${cmds[@]}"; do time_ms "$c" >/dev/null; done

declare -A samples
for ((i = 0; i < runs; i++)); do
  for k in "${!cmds[@]}"; do
    samples[$k]+="$(time_ms "${cmds[$k]}") "
  done
done

echo "machine: $(nproc) cores, $("$java" -version 2>&1 | head -1), $runs runs each, interleaved"
hello=$(tr ' ' '\n' <<<"${samples[0]}" | grep . | median)
printf '%-22s %10s %8s\n' command median_ms ratio
for k in "${!cmds[@]}"; do
  m=$(tr ' ' '\n' <<<"${samples[$k]}" | grep . | median)
  printf '%-22s %10s %8s\n' "${names[$k]}" "$m" "$(awk -v a="$m" -v b="$hello" 'BEGIN { printf "%.1f", a / b }')"
done
