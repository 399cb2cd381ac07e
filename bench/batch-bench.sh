#!/usr/bin/env bash
# Benchmark of `wijktoets batch`: generates seeded flat CSVs of 10,000 and 1,000,000 rows, times
# the batch with -Xmx256m (rows per second, peak memory), and times Miller (mlr) reading the
# same CSV, computing one derived column and writing CSV, as the comparison point. Each size runs
# three rounds, both tools in every round (so both meet the same machine load); the table shows
# the median of the three, the highest peak memory, the median user and system CPU seconds (the
# system share shows what the machine charges for handing out memory, which differs a lot between
# machines and weighs on a tool that holds gigabytes), and the load average before and after.
#
#   bash bench/batch-bench.sh            # both sizes
#   bash bench/batch-bench.sh 10000      # one size
#   ROUNDS=5 bash bench/batch-bench.sh   # more rounds
#
# Needs the jar (mvn -B -q package -DskipTests), python3, GNU time and Miller; as root it
# installs the last two from Debian's packages when they are missing. Files go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 1000000)
rounds=${ROUNDS:-3}

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

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

mkdir -p bench/out
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1), $(mlr --version)"
echo "load average (1, 5, 15 min) before: $(load)"
printf '%-10s %-10s %8s %12s %12s %10s %8s %8s %6s %8s\n' \
  rows tool rounds median_s rows/s peak_MiB user_s sys_s exit ratio
for n in "${sizes[@]}"; do
  csv="bench/out/flat-$n.csv"
  [ -f "$csv" ] || python3 bench/generate.py "$n" "$csv" 42
  : > bench/out/times-w.txt
  : > bench/out/times-m.txt
  wexit=0
  for ((r = 1; r <= rounds; r++)); do
    # wijktoets: results and the overview to files, no progress line, 256 MiB heap
    set +e
    /usr/bin/time -f '%e %M %U %S' -o bench/out/time-w.txt \
      java -Xmx256m -jar target/wijktoets.jar batch "$csv" -o "bench/out/results-$n.csv" \
        --report "bench/out/overview-$n.html" --no-progress -q
    wexit=$?
    set -e
    cat bench/out/time-w.txt >> bench/out/times-w.txt

    # Miller: read, one derived column, write
    /usr/bin/time -f '%e %M %U %S' -o bench/out/time-m.txt \
      mlr --icsv --ocsv put '$jobs = $residents_hired + 0.5 * $entry_jobs' "$csv" > "bench/out/mlr-$n.csv"
    cat bench/out/time-m.txt >> bench/out/times-m.txt
  done
  wsec=$(awk '{print $1}' bench/out/times-w.txt | median)
  msec=$(awk '{print $1}' bench/out/times-m.txt | median)
  wkb=$(awk '{print $2}' bench/out/times-w.txt | sort -g | tail -1)
  mkb=$(awk '{print $2}' bench/out/times-m.txt | sort -g | tail -1)
  wusr=$(awk '{print $3}' bench/out/times-w.txt | median)
  musr=$(awk '{print $3}' bench/out/times-m.txt | median)
  wsys=$(awk '{print $4}' bench/out/times-w.txt | median)
  msys=$(awk '{print $4}' bench/out/times-m.txt | median)
  wrate=$(awk -v n="$n" -v s="$wsec" 'BEGIN{printf "%.0f", n / (s > 0 ? s : 0.001)}')
  mrate=$(awk -v n="$n" -v s="$msec" 'BEGIN{printf "%.0f", n / (s > 0 ? s : 0.001)}')
  ratio=$(awk -v a="$wrate" -v b="$mrate" 'BEGIN{printf "%.2f", a / b}')
  printf '%-10s %-10s %8s %12s %12s %10s %8s %8s %6s %8s\n' "$n" wijktoets "$rounds" "$wsec" \
    "$wrate" "$((wkb / 1024))" "$wusr" "$wsys" "$wexit" "$ratio"
  printf '%-10s %-10s %8s %12s %12s %10s %8s %8s %6s %8s\n' "$n" miller "$rounds" "$msec" \
    "$mrate" "$((mkb / 1024))" "$musr" "$msys" 0 1.00
  echo "  every round (s): wijktoets $(awk '{printf "%s ", $1}' bench/out/times-w.txt)| miller $(awk '{printf "%s ", $1}' bench/out/times-m.txt)"
done
echo "load average (1, 5, 15 min) after: $(load)"
echo "ratio = wijktoets rows/s divided by Miller rows/s, medians of the same rounds (1.0: as fast as Miller)"
