"""Starts the kernel jar under test with a kernelspec of its own, for the protocol scripts here."""
import json
import os
import shutil
import tempfile


def start(jar, name):
    """A started kernel and its client, and the temporary Jupyter home to remove afterwards."""
    home = tempfile.mkdtemp(prefix=name + "-")
    spec_dir = os.path.join(home, "kernels", name)
    os.makedirs(spec_dir)
    with open(os.path.join(spec_dir, "kernel.json"), "w") as f:
        json.dump({"argv": [shutil.which("java") or "java", "-jar", jar, "{connection_file}"],
                   "display_name": name, "language": "java", "interrupt_mode": "message"}, f)
    os.environ["JUPYTER_PATH"] = home
    from jupyter_client.manager import KernelManager
    km = KernelManager(kernel_name=name)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    return km, kc, home
