"""CAGrad's combined gradient, as the authors' nyuv2/utils.py computes it (Liu et al. 2021).

Input (refio.py): cases with the options calpha and rescale (0, 1 or 2), gradients of two or
three tasks.

A = G Gᵀ; c = calpha·√(mean(A) + 1e-8) + 1e-8; w on the simplex minimises wᵀA·1/K + c·√(wᵀAw + 1e-8);
g = mean gradient + c/(‖Gᵀw‖ + 1e-8)·Gᵀw, rescaled (0: as it is, 1: ÷ (1 + calpha²), 2: ÷ (1 +
calpha)) and multiplied by K "to match the sum loss". Where the code calls SciPy's SLSQP, w is
found here by golden-section searches (nested for three tasks), which converge for any convex
objective.
"""
import numpy as np

import refio

GOLDEN = (np.sqrt(5) - 1) / 2


def golden_min(f, lo, hi, iterations=120):
    """The minimiser of a convex f on [lo, hi], with the value there."""
    a, b = lo, hi
    x1, x2 = b - GOLDEN * (b - a), a + GOLDEN * (b - a)
    f1, f2 = f(x1), f(x2)
    for _ in range(iterations):
        if f1 <= f2:
            b, x2, f2 = x2, x1, f1
            x1 = b - GOLDEN * (b - a)
            f1 = f(x1)
        else:
            a, x1, f1 = x1, x2, f2
            x2 = a + GOLDEN * (b - a)
            f2 = f(x2)
    x = (a + b) / 2
    return x, f(x)


def worst_case_weights(A, c):
    """The w on the simplex that minimise the code's objective, for two or three tasks."""
    k = len(A)
    b = np.ones(k) / k

    def objective(w):
        return w @ A @ b + c * np.sqrt(w @ A @ w + 1e-8)

    if k == 2:
        t, _ = golden_min(lambda t: objective(np.array([t, 1 - t])), 0.0, 1.0)
        return np.array([t, 1 - t])

    def inner(t):
        return golden_min(lambda s: objective(np.array([t, s, 1 - t - s])), 0.0, 1 - t)

    t, _ = golden_min(lambda t: inner(t)[1], 0.0, 1.0)
    s, _ = inner(t)
    return np.array([t, s, 1 - t - s])


for case in refio.cases():
    calpha, rescale = float(case.options[0]), int(case.options[1])
    grads = case.grads
    k = len(grads)
    A = grads @ grads.T
    c = calpha * np.sqrt(A.mean() + 1e-8) + 1e-8
    w = worst_case_weights(A, c)
    gw = w @ grads
    g = grads.mean(axis=0) + c / (np.linalg.norm(gw) + 1e-8) * gw
    g = g / {0: 1, 1: 1 + calpha**2, 2: 1 + calpha}[rescale]
    refio.write(gradient=k * g)
