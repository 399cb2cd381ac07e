#!/usr/bin/env bash
# Memory of `wijktoets batch` for any number of threads: 40,000 seeded flat rows with --json (every
# assessment as JSON, the heaviest output) at -Xmx256m, with --threads 1, 8 and 64. Rows in flight
# are bounded (2,048) whatever the thread count, so every run must end with exit 0 and a flat
# peak; before that bound, 64 threads ran out of heap ("Java heap space").
#
#   bash bench/threads-memory.sh           # 40,000 rows
#   bash bench/threads-memory.sh 100000    # another size
#
# Needs the jar (mvn -B -q package -DskipTests), python3 and GNU time (as root it installs time
# from Debian's packages when missing). Files go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."

n=${1:-40000}
if ! command -v /usr/bin/time >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else echo "apt-get install time" >&2; exit 3; fi
fi
[ -f target/wijktoets.jar ] || mvn -B -q package -DskipTests

mkdir -p bench/out
csv="bench/out/flat-$n.csv"
[ -f "$csv" ] || python3 bench/generate.py "$n" "$csv" 42
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
printf '%-8s %8s %10s %12s %10s %6s\n' rows threads seconds rows/s peak_MiB exit
status=0
for t in 1 8 64; do
  set +e
  /usr/bin/time -f '%e %M' -o bench/out/time-t.txt \
    java -Xmx256m -jar target/wijktoets.jar batch "$csv" --threads "$t" -q --no-progress \
      -o "bench/out/results-t$t.csv" --json "bench/out/assessments-t$t.jsonl" 2> bench/out/err-t$t.txt
  code=$?
  set -e
  read -r sec kb < bench/out/time-t.txt
  rate=$(awk -v n="$n" -v s="$sec" 'BEGIN{printf "%.0f", n / (s > 0 ? s : 0.001)}')
  printf '%-8s %8s %10s %12s %10s %6s\n' "$n" "$t" "$sec" "$rate" "$((kb / 1024))" "$code"
  if [ "$code" != 0 ] || grep -q "heap\|Exception" bench/out/err-t$t.txt; then
    cat bench/out/err-t$t.txt >&2
    status=1
  fi
done
cmp -s bench/out/results-t1.csv bench/out/results-t64.csv || { echo "results differ between 1 and 64 threads" >&2; status=1; }
exit $status
