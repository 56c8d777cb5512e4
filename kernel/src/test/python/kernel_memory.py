"""Resident memory of one kernel session over many αVIL runs (a measurement, not a test).

    /usr/bin/python3 kernel_memory.py KERNEL_JAR [RUNS]

Starts the kernel jar under a temporary kernelspec (in the current folder, so that the data
set-up's data/ is found), loads the toolkit with %maven, and runs RUNS (default 20) one-epoch
αVIL runs on MultiMNIST (negative transfer: left digit, 1,000 training images; right digit and
random labels, 6,000 each), one cell each. Prints one JSON object with the kernel's resident
memory (VmRSS, MB) after every run.
"""
import json
import shutil
import sys

import kernel_under_test

SETUP = """
import dev.avil.api.*;
import dev.avil.train.*;

var e = Settings.mnistNegative().epochs(1).listener(TrainingListener.silent());
"""


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def run(jar, runs):
    km, kc, home = kernel_under_test.start(jar, "avil-memory-test")
    rss = []
    try:
        kc.wait_for_ready(timeout=60)
        pid = km.provisioner.process.pid
        for code in ["%maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT", SETUP]:
            reply = kc.execute_interactive(code, timeout=600, output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", reply["content"]
        for i in range(runs):
            reply = kc.execute_interactive(f"e.seed({i + 1}).alphaVil().run().testAtBest()", timeout=600,
                                           output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", reply["content"]
            rss.append(round(rss_mb(pid), 1))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(home, ignore_errors=True)
    return {"runs": runs, "rss_mb": rss, "min": min(rss), "max": max(rss),
            "first_half_mean": sum(rss[:runs // 2]) / (runs // 2),
            "second_half_mean": sum(rss[runs // 2:]) / (runs - runs // 2)}


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)))
