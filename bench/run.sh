#!/usr/bin/env bash
# Runs the speed benchmarks and prints each figure beside the PriorityQueue reference measured in the same run, and
# beside the committed baseline's ratio. Use it before submitting a change to the kernel or the models.
#
#   bench/run.sh                  # build, run, write bench/results/<date>-<host>.json, print ratios vs the baseline
#   bench/run.sh --save baseline  # the same, written to bench/results/baseline.json (commit it with its machine)
#   bench/run.sh --compare FILE   # only print the ratios of an existing results file against the baseline
#   bench/run.sh --quick          # shorter: 2 warm-up and 3 measured iterations of 2 s (a shared machine)
#   MVN_FLAGS=-o bench/run.sh     # build offline
#
# It runs the kernel (BedPoolBenchmark), the event-driven flow model (FlowModelBenchmark), the demand fast path
# (DemandModelBenchmark, patients a second beside the event-driven model on the same configurations) and the LLR
# acute bridge alone at 100 replications (BridgeBenchmark, seconds of wall time on all cores; its set-up solves the
# bridge's calibrations first, about half a minute).
#
# The figure that counts is the ratio to the reference in the same run: the machines are shared and noisy, absolute
# events/s are not comparable between runs. The load average before and after is recorded with the results.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
results="$root/bench/results"
baseline="$results/baseline.json"
name="$(date -u +%Y-%m-%d)-$(hostname -s 2>/dev/null || echo host)"
if [ "${1:-}" = "--compare" ]; then
  exec python3 "$root/bench/ratios.py" "$2" "$baseline"
fi
quick=()
while [ $# -gt 0 ]; do
  case "$1" in
    --save) name="$2"; shift 2 ;;
    --quick) quick=(-wi 2 -w 2 -i 3 -r 2); shift ;;
    *) echo "bench/run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
out="$results/$name.json"
benchmarks='BedPoolBenchmark.tenYears|FlowModelBenchmark.oneReplication|DemandModelBenchmark|BridgeBenchmark'
params=(-p eventList=timing-wheel,priority-queue)

(cd "$root" && mvn -B -q ${MVN_FLAGS:-} -DskipTests -pl bench -am package)
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
jmh="$(mktemp)"
command=(java -jar bench/target/benchmarks.jar "$benchmarks" "${params[@]}" ${quick[@]+"${quick[@]}"} -rf json -rff "$jmh")
(cd "$root" && "${command[@]}")
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/bench/ratios.py" --wrap "$jmh" "$out" "${command[*]}" "$load_before" "$load_after"
rm -f "$jmh"
echo "wrote $out"
if [ -f "$baseline" ] && [ "$out" != "$baseline" ]; then
  python3 "$root/bench/ratios.py" "$out" "$baseline"
else
  python3 "$root/bench/ratios.py" "$out"
fi
