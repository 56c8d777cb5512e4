"""FAMO's weights and its update of the logits, as the authors' famo.py computes them (Liu et al. 2023).

Input (refio.py): cases with the options "lr decay steps b_1 .. b_K a_1 .. a_K" (Adam's step size and
weight decay, then for each step the losses before and after it, K each), gradients and the losses
of the first step. The loss weights at the logits xi are the gradient of
sum_k z_k log(L_k + 1e-8) / c in L, z = softmax(xi), c = sum_k z_k / (L_k + 1e-8) held constant,
taken here by central differences; xi starts at 0 and takes, after each step, one step of
torch.optim.Adam (weight decay added to the gradient) on the softmax's Jacobian applied to the
decrease of each log loss.
"""
import numpy as np

import refio


def softmax(x):
    e = np.exp(x - x.max())
    return e / e.sum()


def weights(xi, losses):
    z = softmax(xi)
    c = np.sum(z / (losses + 1e-8))

    def objective(l):
        return np.sum(z * np.log(l + 1e-8)) / c

    h = 1e-7
    return np.array([(objective(losses + h * e) - objective(losses - h * e)) / (2 * h)
                     for e in np.eye(len(losses))])


for case in refio.cases():
    k = len(case.grads)
    lr, decay, steps = float(case.options[0]), float(case.options[1]), int(float(case.options[2]))
    values = np.array([float(v) for v in case.options[3:]]).reshape(steps, 2, k)
    xi, m, v = np.zeros(k), np.zeros(k), np.zeros(k)
    first = weights(xi, case.losses)
    for t in range(1, steps + 1):
        before, after = values[t - 1]
        delta = np.log(before + 1e-8) - np.log(after + 1e-8)
        z = softmax(xi)
        jacobian = np.diag(z) - np.outer(z, z)
        g = jacobian.T @ delta + decay * xi
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        xi = xi - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    refio.write(gradient=first @ case.grads, weights=first, next=xi)
