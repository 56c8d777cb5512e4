"""PCGrad's combined gradient, as LibMTL's weighting/PCGrad.py computes it (Yu et al. 2020).

Input (refio.py): cases with the option sum or mean, gradients, and one order of visits per task.
Each task's gradient, visiting the tasks in its order, loses its component along the original
gradient of every task it conflicts with; the projected gradients are summed (or averaged).
"""
import refio

for case in refio.cases():
    grads = case.grads
    projected = grads.copy()
    for i in range(len(grads)):
        for j in case.orders[i]:
            inner = projected[i] @ grads[j]
            if inner < 0:
                projected[i] = projected[i] - inner / (grads[j] @ grads[j]) * grads[j]
    sum_or_mean = case.options[0]
    refio.write(gradient=projected.sum(axis=0) if sum_or_mean == "sum" else projected.mean(axis=0))
