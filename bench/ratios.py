"""Ratios of bedsim's benchmark figures to the PriorityQueue reference of the same JMH run (see bench/run.sh).

  ratios.py RESULTS [BASELINE]     print events/s, the ratio to the reference, and the baseline's ratio
  ratios.py --wrap JMH OUT COMMAND LOAD_BEFORE LOAD_AFTER
                                   wrap a JMH JSON file with the machine's description into OUT
"""
import json
import os
import platform
import subprocess
import sys
import time

REFERENCE = "priority-queue"
# the demand fast path's reference: the event-driven model on the same configurations (DemandModelBenchmark)
REFERENCES = (REFERENCE, "event-driven")


def machine():
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    memory = "unknown"
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            memory = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    except (OSError, IndexError):
        java = "unknown"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": memory, "os": platform.platform(), "java": java}


def wrap(jmh, out, command, before, after):
    with open(jmh) as f:
        results = json.load(f)
    doc = {"date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": machine(),
           "load_average_before": before, "load_average_after": after, "command": command, "jmh": results}
    with open(out, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


def figures(path):
    """(benchmark, params without the event list) -> {event list: (events/s, error)}"""
    with open(path) as f:
        doc = json.load(f)
    out = {}
    for r in doc["jmh"]:
        params = dict(r.get("params", {}))
        lst = params.pop("eventList", None) or params.pop("path", "default")
        metrics = r.get("secondaryMetrics", {})
        events = metrics.get("events") or metrics.get("patients")
        if events is None:
            continue
        key = (r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1],
               ",".join(f"{k}={v}" for k, v in sorted(params.items())))
        out.setdefault(key, {})[lst] = (float(events["score"]), float(events.get("scoreError", "nan")))
    return doc, out


def ratios(path, base=None):
    doc, now = figures(path)
    print(f"{path}: {doc['date']}, {doc['machine']['cpu']}, {doc['machine']['cores']} cores, "
          f"load {doc['load_average_before']} -> {doc['load_average_after']}")
    old = figures(base)[1] if base else {}
    print(f"{'benchmark':34} {'params':12} {'path':15} {'events/s':>16} {'vs ref':>7} {'baseline':>9}")
    print("(events/s: events of the event-driven benchmarks, patients of DemandModelBenchmark)")
    for key in sorted(now):
        lists = now[key]
        reference = next((r for r in REFERENCES if r in lists), REFERENCE)
        ref = lists.get(reference)
        for lst, (score, err) in sorted(lists.items(), key=lambda x: x[0] == reference):
            ratio = score / ref[0] if ref else float("nan")
            was = ""
            if key in old and lst in old[key] and reference in old[key]:
                was = f"{old[key][lst][0] / old[key][reference][0]:8.2f}x"
            print(f"{key[0]:34} {key[1]:12} {lst:15} {score / 1e6:8.2f} M ± {err / 1e6:4.2f} {ratio:6.2f}x {was:>9}")


def seconds(path):
    """Single-shot benchmarks (the bridge alone): seconds an operation, no reference."""
    with open(path) as f:
        doc = json.load(f)
    for r in doc["jmh"]:
        if r.get("mode") == "ss" and r["benchmark"].endswith("llrAcuteBridge"):
            m = r["primaryMetric"]
            params = ",".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
            print(f"{r['benchmark'].split('.')[-2] + '.' + r['benchmark'].split('.')[-1]:34} {params:28} "
                  f"{float(m['score']):8.2f} s ± {float(m['scoreError']):.2f} (wall, all cores)")


if __name__ == "__main__":
    if sys.argv[1] == "--wrap":
        wrap(*sys.argv[2:7])
    else:
        ratios(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
        seconds(sys.argv[1])
