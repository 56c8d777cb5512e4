"""Measures how the installed "java" kernel starts and stops; prints one JSON object.

    /usr/bin/python3 kernel_lifecycle.py shutdown   # start, first result, shutdown_request, exit
    /usr/bin/python3 kernel_lifecycle.py orphan     # start under a parent that then dies, exit

Times are in seconds; "exited" is false if the kernel was still running after the wait.
"""
import json
import os
import signal
import subprocess
import sys
import time

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

WAIT = 30


def gone(pid):
    """True once pid has exited (a zombie counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_gone(pid):
    start = time.monotonic()
    while time.monotonic() - start < WAIT:
        if gone(pid):
            return True, time.monotonic() - start
        time.sleep(0.05)
    return False, time.monotonic() - start


def shutdown():
    start = time.monotonic()
    km = KernelManager(kernel_name="java")
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda msg: None)
    first_result = time.monotonic() - start
    assert reply["content"]["status"] == "ok", reply
    process = km.provisioner.process
    sent = time.monotonic()
    kc.shutdown()
    try:
        process.wait(timeout=WAIT)
        exited = True
    except subprocess.TimeoutExpired:
        exited = False
    exit_seconds = time.monotonic() - sent
    kc.stop_channels()
    if not exited:
        km.shutdown_kernel(now=True)
    return {"first_result": first_result, "exited": exited, "exit_seconds": exit_seconds}


def orphan():
    """The kernel's client dies without a word to the kernel (JPY_PARENT_PID names it, as Jupyter does)."""
    connection_file, _ = write_connection_file()
    argv = [a.replace("{connection_file}", connection_file)
            for a in KernelSpecManager().get_kernel_spec("java").argv]
    client = subprocess.Popen(
        [sys.executable, "-c",
         "import os, subprocess, sys, time\n"
         "p = subprocess.Popen(sys.argv[1:], env=dict(os.environ, JPY_PARENT_PID=str(os.getpid())))\n"
         "print(p.pid, flush=True)\n"
         "time.sleep(3600)\n"] + argv,
        stdout=subprocess.PIPE, text=True)
    kernel_pid = int(client.stdout.readline())
    kc = BlockingKernelClient(connection_file=connection_file)
    kc.load_connection_file()
    kc.start_channels(hb=False)  # without a manager, a fresh heartbeat reads as "dead"
    kc.wait_for_ready(timeout=60)
    kc.stop_channels()
    killed = time.monotonic()
    client.send_signal(signal.SIGKILL)
    client.wait()
    exited, seconds = wait_gone(kernel_pid)
    if not exited:
        os.kill(kernel_pid, signal.SIGKILL)
    os.remove(connection_file)
    return {"exited": exited, "exit_seconds": seconds, "since": time.monotonic() - killed}


if __name__ == "__main__":
    print(json.dumps({"shutdown": shutdown, "orphan": orphan}[sys.argv[1]]()))
