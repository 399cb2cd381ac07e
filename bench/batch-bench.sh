#!/usr/bin/env bash
# Benchmark of `wijktoets batch`: generates seeded flat CSVs of 10,000 and 1,000,000 rows, times
# the batch with -Xmx256m (rows per second, peak memory), and times Miller (mlr) reading the
# same CSV, computing one derived column and writing CSV, as a comparison point.
#
#   bash bench/batch-bench.sh            # both sizes
#   bash bench/batch-bench.sh 10000      # one size
#
# Needs the jar (mvn -B -q package -DskipTests), python3, GNU time and Miller; as root it
# installs the last two from Debian's packages when they are missing. Files go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 1000000)

for tool in /usr/bin/time mlr; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get install -y -qq time miller >/dev/null
    else
      echo "missing $tool: apt-get install time miller" >&2
      exit 3
    fi
  fi
done
[ -f target/wijktoets.jar ] || mvn -B -q package -DskipTests

mkdir -p bench/out
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
printf '%-10s %-10s %12s %12s %14s %12s %8s\n' rows tool seconds rows/s peak_MiB exit ratio
for n in "${sizes[@]}"; do
  csv="bench/out/flat-$n.csv"
  [ -f "$csv" ] || python3 bench/generate.py "$n" "$csv" 42

  # wijktoets: results to a file, no progress line, 256 MiB heap
  set +e
  /usr/bin/time -f '%e %M' -o bench/out/time-w.txt \
    java -Xmx256m -jar target/wijktoets.jar batch "$csv" -o "bench/out/results-$n.csv" \
      --report "bench/out/overview-$n.html" --no-progress -q
  wexit=$?
  set -e
  read -r wsec wkb < bench/out/time-w.txt

  # Miller: read, one derived column, write
  /usr/bin/time -f '%e %M' -o bench/out/time-m.txt \
    mlr --icsv --ocsv put '$jobs = $residents_hired + 0.5 * $entry_jobs' "$csv" > "bench/out/mlr-$n.csv"
  read -r msec mkb < bench/out/time-m.txt

  wrate=$(awk -v n="$n" -v s="$wsec" 'BEGIN{printf "%.0f", n / (s > 0 ? s : 0.001)}')
  mrate=$(awk -v n="$n" -v s="$msec" 'BEGIN{printf "%.0f", n / (s > 0 ? s : 0.001)}')
  ratio=$(awk -v a="$wrate" -v b="$mrate" 'BEGIN{printf "%.2f", a / b}')
  printf '%-10s %-10s %12s %12s %14s %12s %8s\n' "$n" wijktoets "$wsec" "$wrate" "$((wkb / 1024))" "$wexit" "$ratio"
  printf '%-10s %-10s %12s %12s %14s %12s %8s\n' "$n" miller "$msec" "$mrate" "$((mkb / 1024))" 0 1.00
done
echo "ratio = wijktoets rows/s divided by Miller rows/s (1.0: as fast as Miller)"
