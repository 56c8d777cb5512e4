"""Input and output of the reference scripts, which the Java tests run.

Standard input holds cases, each a block of lines: "case: a1 a2 ..." (the case's options), then
"grad: v1 v2 ..." for each task's gradient, in task order, "loss: l1 l2 ..." for the tasks' losses
and "order: j1 j2 ..." for each task's order of visits. Standard output holds, for each case,
"name: v1 v2 ..." lines (or the single line "skip"), then "end".
"""
import sys

import numpy as np


class Case:
    """One case: its options, gradients (tasks x values), losses and orders."""

    def __init__(self, options):
        self.options, self.grads, self.losses, self.orders = options, [], None, []


def cases():
    """The cases of standard input, in order."""
    out = []
    for line in sys.stdin:
        key, _, rest = line.partition(":")
        values = rest.split()
        if key == "case":
            out.append(Case(values))
        elif key == "grad":
            out[-1].grads.append([float(v) for v in values])
        elif key == "loss":
            out[-1].losses = np.array([float(v) for v in values])
        elif key == "order":
            out[-1].orders.append([int(v) for v in values])
    for case in out:
        case.grads = np.array(case.grads, dtype=np.float64)
    return out


def write(**named):
    """Each named vector on a line of its own, at full precision, then the case's end."""
    for name, vector in named.items():
        print(name + ": " + " ".join(repr(float(v)) for v in np.ravel(vector)))
    print("end")


def skip():
    """A case the rule skips."""
    print("skip")
    print("end")
