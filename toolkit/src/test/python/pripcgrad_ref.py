"""PriPCGrad's combined gradient, as ForkMerge's LibMTL/weighting/PriPCGrad.py computes it.

Input (refio.py): cases of gradients, the target's first. Each auxiliary gradient whose inner
product with the target's is negative loses its component along the target's gradient, which
itself is left as it is; then all the gradients are summed.
"""
import refio

for case in refio.cases():
    grads = case.grads.copy()
    target = grads[0]
    for k in range(1, len(grads)):
        inner = grads[k] @ target
        if inner < 0:
            grads[k] = grads[k] - inner * target / (target @ target)
    refio.write(gradient=grads.sum(axis=0))
