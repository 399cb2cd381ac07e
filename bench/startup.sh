#!/usr/bin/env bash
# Start-up benchmark: `assess` of one example and `--version`, run through the launcher, against a
# Java hello-world on the same JVM. Runs are interleaved (hello, assess, version, hello, ...) so
# that load on this shared machine hits all of them alike; prints the median of each and the
# ratio to the hello-world's median.
#
#   bash bench/startup.sh                  # the launcher of the unpacked release (builds it if missing)
#   bash bench/startup.sh --jar            # also `java -jar target/wijktoets.jar` (no class-data sharing)
#   bash bench/startup.sh --breakdown      # also where the time of `assess` goes (see below)
#   RUNS=31 bash bench/startup.sh          # more runs (default 15)
#
# The breakdown runs `assess` through the launcher with the JVM's class-loading log (-Xlog:class+load
# with uptime, which itself costs a little) and splits each run at the first class of each step:
# nl.wijktoets.cli.Main (the JVM has started), rubric.RubricLoader (the command line is parsed),
# proposal.ProposalReader (the built-in rubric is loaded), com.networknt.schema.JsonSchemaFactory
# (the proposal's YAML is read), scoring.Scorer (the JSON Schema check is done),
# freemarker.template.Configuration (scored), the last class loaded (the report is written); the
# rest of the wall time is the JVM's exit and the launcher. It prints the median of each step.
#
# The launcher's class-data sharing archive is made by a warm-up run that is not counted, in a
# cache folder under bench/out/ (not the user's). Targets (issue 16): assess <= 4x, --version <= 3x.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${RUNS:-15}
with_jar=false
breakdown=false
for a in "$@"; do
  case $a in
    --jar) with_jar=true ;;
    --breakdown) breakdown=true ;;
    *) echo "usage: bash bench/startup.sh [--jar] [--breakdown]" >&2; exit 2 ;;
  esac
done

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

$breakdown || exit 0

# where the time of one `assess` goes, from the class-loading log (see the top of this file)
steps=(jvm-start command-line builtin-rubric proposal-yaml schema-check scoring report exit)
labels=("JVM start (to wijktoets' Main)" "command line (picocli)" "built-in rubric (YAML, model)"
  "proposal (YAML, reading)" "JSON Schema (validator, check)" "scoring" "Markdown report (Freemarker)"
  "JVM exit and launcher")
: >bench/out/breakdown.txt
for ((i = 0; i < runs; i++)); do
  log=$PWD/bench/out/classes.log
  start=$EPOCHREALTIME
  WIJKTOETS_OPTS="-Xlog:class+load:file=$log:uptime" $launcher assess $example >/dev/null
  end=$EPOCHREALTIME
  wall=$(( (${end/./} - ${start/./}) / 1000 ))
  awk -v wall="$wall" '
    function t(line) { sub(/^\[/, "", line); sub(/s\].*/, "", line); return line * 1000 }
    / nl\.wijktoets\.cli\.Main / && !a { a = t($0) }
    / nl\.wijktoets\.rubric\.RubricLoader / && !b { b = t($0) }
    / nl\.wijktoets\.proposal\.ProposalReader / && !c { c = t($0) }
    / com\.networknt\.schema\.JsonSchemaFactory / && !d { d = t($0) }
    / nl\.wijktoets\.scoring\.Scorer / && !e { e = t($0) }
    / freemarker\.template\.Configuration / && !f { f = t($0) }
    { last = t($0) }
    END { printf "%d %d %d %d %d %d %d %d\n", a, b - a, c - b, d - c, e - d, f - e, last - f, wall - last }
  ' "$log" >>bench/out/breakdown.txt
done
echo
echo "where the time of \`assess $example\` goes (median ms of $runs runs with the class-loading log on):"
for k in "${!steps[@]}"; do
  m=$(awk -v k=$((k + 1)) '{ print $k }' bench/out/breakdown.txt | median)
  printf '%-34s %6s\n' "${labels[$k]}" "$m"
done
