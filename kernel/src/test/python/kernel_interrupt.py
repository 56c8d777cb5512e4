"""Interrupts a comparison through the Jupyter protocol (interrupt_request) and checks what is kept.

    /usr/bin/python3 kernel_interrupt.py KERNEL_JAR

Starts the kernel jar under a temporary kernelspec, loads the toolkit with %maven, starts a
comparison of 3 methods x 2 seeds, sends interrupt_request once the first run has finished, and
prints one JSON object: how long the cell took to stop, its reply status, what the assigned
variable holds, and whether the next cell ran.
"""
import json
import shutil
import sys
import time

import kernel_under_test

SETUP = """
import dev.avil.api.*;
import dev.avil.task.*;
import dev.avil.model.*;
import dev.avil.train.*;

var rng = new java.util.Random(1);
float[][] xs = new float[300][6];
int[] ys = new int[300];
for (int i = 0; i < 300; i++) {
    ys[i] = rng.nextInt(3);
    for (int j = 0; j < 6; j++) xs[i][j] = (float) (rng.nextGaussian() + (j % 3 == ys[i] ? 2 : 0));
}
Task target = Task.builder("target").classes(3).examples(xs, ys)
        .split(Share.dev(0.2), Share.test(0.2)).splitSeed(1).build();
Task noise = Tasks.randomLabels("noise", target, 2);
TrainingListener marks = new TrainingListener() {
    public void onEpoch(TrainingListener.EpochProgress p) {}
    public void onRunEnd(String m, long s) { System.out.println("RUN-END " + m + " " + s); }
};
var plan = Experiment.target(target).aux(noise).trunk(Trunks.mlp(8)).epochs(150).batchSize(32)
        .listener(marks).compare(Method.singleTask(), Method.uniform(), Method.alphaVil()).seeds(1, 2);
"""


def run(jar):
    km, kc, home = kernel_under_test.start(jar, "avil-interrupt-test")
    out = {}
    try:
        kc.wait_for_ready(timeout=60)
        for code in ["%maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT", SETUP]:
            reply = kc.execute_interactive(code, timeout=300, output_hook=lambda m: None)
            assert reply["content"]["status"] == "ok", reply["content"]
        msg_id = kc.execute("var c = plan.run();")
        seen = ""
        deadline = time.monotonic() + 300
        while "RUN-END" not in seen and time.monotonic() < deadline:
            msg = kc.get_iopub_msg(timeout=300)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
                seen += msg["content"]["text"]
        out["first_run_finished"] = "RUN-END" in seen
        time.sleep(0.3)
        sent = time.monotonic()
        km.interrupt_kernel()
        while True:
            reply = kc.get_shell_msg(timeout=120)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        out["stop_seconds"] = time.monotonic() - sent
        out["status"] = reply["content"]["status"]
        if out["status"] != "ok":
            out["error"] = reply["content"].get("ename", "") + ": " + reply["content"].get("evalue", "")
        values = {}

        def keep(m):
            if m["msg_type"] == "execute_result":
                values["v"] = m["content"]["data"].get("text/plain")
            elif m["msg_type"] == "error":
                values["v"] = "ERROR " + m["content"]["ename"] + ": " + m["content"]["evalue"]

        kc.execute_interactive('c.interrupted() + " " + c.runs().size() + " " + c.failures().size()',
                               timeout=60, output_hook=keep)
        out["assigned"] = values.get("v")
        values.clear()
        kc.execute_interactive("1 + 1", timeout=60, output_hook=keep)
        out["next_cell"] = values.get("v")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        shutil.rmtree(home, ignore_errors=True)
    return out


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1])))
