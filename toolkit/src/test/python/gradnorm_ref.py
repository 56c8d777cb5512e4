"""GradNorm's step, as LibMTL's weighting/GradNorm.py computes it (Chen et al. 2018).

Input (refio.py): cases with the options "alpha eta s1 .. sK l1 .. lK" (the pull's strength, the
step size, the logits s and the initial losses), gradients and the batch's losses. The trunk moves
along sum_i w_i g_i with w = K softmax(s); then s takes one step down the gradient of
sum_i |w_i ||g_i|| - mean_j(w_j ||g_j||) r_i^alpha|, the second term held at its value, with
r_i = (L_i / L0_i) / mean(L / L0). The gradient is taken by central differences.
"""
import numpy as np

import refio


def weights(s):
    e = np.exp(s - s.max())
    return len(s) * e / e.sum()


for case in refio.cases():
    k = len(case.grads)
    alpha, eta = float(case.options[0]), float(case.options[1])
    s = np.array([float(v) for v in case.options[2 : 2 + k]])
    initial = np.array([float(v) for v in case.options[2 + k : 2 + 2 * k]])
    norms = np.linalg.norm(case.grads, axis=1)
    ratio = case.losses / initial
    r = ratio / ratio.mean()
    target = np.mean(weights(s) * norms) * r**alpha

    def loss(x):
        return np.sum(np.abs(weights(x) * norms - target))

    h = 1e-6
    grad = np.array([(loss(s + h * e) - loss(s - h * e)) / (2 * h) for e in np.eye(k)])
    refio.write(gradient=weights(s) @ case.grads, next=s - eta * grad)
