"""MGDA's weights and combined gradient, as the authors' min_norm_solvers.py and
train_multi_task.py compute them (Sener & Koltun 2018, isl-org/MultiObjectiveOptimization).

Input (refio.py): cases with the option none, l2, loss or loss+, gradients and losses.
The gradients are divided by their normalisers; the weights are the minimum-norm point of their
convex hull (best pair, then projected steps with a line search); they scale the raw gradients.
Prints "skip" where a normaliser is zero or not finite.
"""
import numpy as np

import refio

MAX_ITER = 250
STOP_CRIT = 1e-5


def from_two(v1v1, v1v2, v2v2):
    if v1v2 >= v1v1:
        return 0.999, v1v1
    if v1v2 >= v2v2:
        return 0.001, v2v2
    gamma = -1.0 * ((v1v2 - v2v2) / (v1v1 + v2v2 - 2 * v1v2))
    return gamma, v2v2 + gamma * (v1v2 - v2v2)


def projection_to_simplex(y):
    m = len(y)
    sorted_y = np.flip(np.sort(y), axis=0)
    tmpsum = 0.0
    tmax_f = (np.sum(y) - 1.0) / m
    for i in range(m - 1):
        tmpsum += sorted_y[i]
        tmax = (tmpsum - 1) / (i + 1.0)
        if tmax > sorted_y[i + 1]:
            tmax_f = tmax
            break
    return np.maximum(y - tmax_f, np.zeros(y.shape))


def next_point(cur, grad, n):
    proj = grad - np.sum(grad) / n
    tm1 = -1.0 * cur[proj < 0] / proj[proj < 0]
    tm2 = (1.0 - cur[proj > 0]) / proj[proj > 0]
    t = 1
    if len(tm1[tm1 > 1e-7]) > 0:
        t = np.min(tm1[tm1 > 1e-7])
    if len(tm2[tm2 > 1e-7]) > 0:
        t = min(t, np.min(tm2[tm2 > 1e-7]))
    return projection_to_simplex(proj * t + cur)


def min_norm_weights(vecs):
    n = len(vecs)
    dps = vecs @ vecs.T
    best, sol = np.inf, None
    for i in range(n):
        for j in range(i + 1, n):
            c, d = from_two(dps[i, i], dps[i, j], dps[j, j])
            if d < best:
                best = d
                sol = np.zeros(n)
                sol[i], sol[j] = c, 1 - c
    if n < 3:
        return sol
    for _ in range(MAX_ITER):
        new_point = next_point(sol, -1.0 * dps @ sol, n)
        nc, _ = from_two(sol @ dps @ sol, sol @ dps @ new_point, new_point @ dps @ new_point)
        new_sol = nc * sol + (1 - nc) * new_point
        if np.sum(np.abs(new_sol - sol)) < STOP_CRIT:
            return sol
        sol = new_sol
    return sol


for case in refio.cases():
    grads, losses = case.grads, case.losses
    norms = np.sqrt(np.sum(grads**2, axis=1))
    normalisers = {
        "none": np.ones(len(grads)),
        "l2": norms,
        "loss": losses,
        "loss+": losses * norms,
    }[case.options[0]]
    if not np.all((normalisers > 0) & np.isfinite(normalisers)):
        refio.skip()
    else:
        weights = min_norm_weights(grads / normalisers[:, None])
        refio.write(weights=weights, gradient=weights @ grads)
