#!/usr/bin/env bash
# Time and memory of `wijktoets validate` on a proposal with many unknown top-level keys
# (`k0: 1`, `k1: 1`, ...): each key is one schema/unknown-key warning, and each must cost the same
# small amount of work. Before the schema check kept its lookups per run, every unknown key scanned
# its block and walked back over the unknown keys above it: 20,000 keys took 27 s and 200,000
# more than ten minutes. Every run must end with exit 1 (the file lacks required keys) and no
# heap error, at -Xmx256m.
#
#   bash bench/unknown-keys.sh                   # 5,000, 20,000 and 200,000 keys
#   bash bench/unknown-keys.sh 1000 400000       # other sizes
#
# Needs the jar (mvn -B -q package -DskipTests) and GNU time (as root it installs time from
# Debian's packages when missing). Files go to bench/out/.
set -euo pipefail
cd "$(dirname "$0")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000 20000 200000)
if ! command -v /usr/bin/time >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y -qq time >/dev/null; else echo "apt-get install time" >&2; exit 3; fi
fi
[ -f target/wijktoets.jar ] || mvn -B -q package -DskipTests

mkdir -p bench/out
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
printf '%-8s %10s %10s %6s\n' keys seconds peak_MiB exit
status=0
for n in "${sizes[@]}"; do
  file="bench/out/unknown-keys-$n.yaml"
  [ -f "$file" ] || awk -v n="$n" 'BEGIN{print "version: 1"; print "name: A"; for (i = 0; i < n; i++) print "k" i ": 1"}' > "$file"
  set +e
  /usr/bin/time -f '%e %M' -o bench/out/time-k.txt \
    java -Xmx256m -jar target/wijktoets.jar validate "$file" > bench/out/out-k$n.txt 2> bench/out/err-k$n.txt
  code=$?
  set -e
  read -r sec kb < <(tail -1 bench/out/time-k.txt)
  printf '%-8s %10s %10s %6s\n' "$n" "$sec" "$((kb / 1024))" "$code"
  if [ "$code" != 1 ] || grep -q "heap\|Exception" bench/out/err-k$n.txt; then
    cat bench/out/err-k$n.txt >&2
    status=1
  fi
done
exit $status
