#!/usr/bin/env bash
# Throughput of bedsim sweep on this machine: runs the fixed sweep bench/sweep/throughput.yaml (8 variants x 40
# replications in 64 units) embedded at local[1] and at local[2], each in a fresh process through ./bedsim, and prints
# for each master the variant-replications a minute of the units (from the sweep's own summary line: Spark running
# the units, without its start-up) and the wall time of the whole command (Java and Spark start-up, checks, outputs).
#
#   bench/sweep/throughput.sh            # both masters
#   bench/sweep/throughput.sh local[4]   # other masters
#
# The machines are shared: the load average before and after is printed with the figures. Not run by mvn test.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
masters=("$@")
[ ${#masters[@]} -gt 0 ] || masters=("local[1]" "local[2]")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
for master in "${masters[@]}"; do
  started=$(date +%s.%N)
  summary="$("$root/bedsim" sweep "$root/bench/sweep/throughput.yaml" --master "$master" --out "$out/${master//[^a-z0-9]/-}" \
      --quiet | grep '^Sweep ')"
  ended=$(date +%s.%N)
  rate="$(sed -n 's/.*, \([0-9]*\) variant-replications a minute.*/\1/p' <<<"$summary")"
  units="$(sed -n 's/.* run in \([0-9.]*\) s,.*/\1/p' <<<"$summary")"
  printf '%-10s %6s variant-replications a minute (units: %s s for 320 replications); wall %.1f s\n' \
      "$master" "$rate" "$units" "$(echo "$ended - $started" | bc)"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
