"""Nash-MTL's step, as the authors' methods/weight_methods.py and LibMTL's Nash_MTL.py compute it.

Input (refio.py): cases with the option max_norm, and gradients. The weights alpha > 0 solve
alpha_k (G G^T alpha)_k = 1 for every k, which the code's constraints make active; here by cyclic
coordinate descent on the convex 1/2 a^T A a - sum(log a), each coordinate set to the positive root
of A_kk a_k^2 + (sum_{j != k} A_kj a_j) a_k - 1 = 0, until the equations hold to 1e-12, or skipped after 20,000 sweeps (opposite gradients have no
solution). The trunk's
gradient, sum_k alpha_k g_k, is then clipped to norm max_norm (0: no clip). A task with a zero
gradient has no solution: the case is skipped.
"""
import numpy as np

import refio

for case in refio.cases():
    max_norm = float(case.options[0])
    grads = case.grads
    a = grads @ grads.T
    if np.any(np.diag(a) <= 0):
        refio.skip()
        continue
    alpha = np.ones(len(a))
    for sweep in range(20_000):
        for k in range(len(a)):
            b = a[k] @ alpha - a[k, k] * alpha[k]
            alpha[k] = (-b + np.sqrt(b * b + 4 * a[k, k])) / (2 * a[k, k])
        if np.max(np.abs(alpha * (a @ alpha) - 1)) < 1e-12:
            break
    else:
        refio.skip()
        continue
    gradient = alpha @ grads
    norm = np.linalg.norm(gradient)
    scale = max_norm / norm if 0 < max_norm < norm else 1.0
    refio.write(gradient=scale * gradient, weights=scale * alpha)
