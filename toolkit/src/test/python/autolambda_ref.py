"""Auto-lambda's update of the task weights, as lorenmt/auto-lambda's auto_lambda.py and
trainer_cifar.py compute it (Liu, Johns & Davison 2022).

Input (refio.py): cases with the options "lr eta initial steps", then for each step "eps L+_1 .. L+_K
L-_1 .. L-_K" (the finite difference's epsilon and each task's training loss at theta + eps*d and
theta - eps*d), and the tasks' gradients. Each step sets the weights' gradient to
-eta * (L+ - L-) / (2 eps) (compute_hessian, then unrolled_backward) and takes one step of
torch.optim.Adam (betas 0.9 and 0.999, eps 1e-8, no weight decay); the model's step after the first
uses the weights it produced.
"""
import numpy as np

import refio

for case in refio.cases():
    k = len(case.grads)
    lr, eta, initial, steps = (float(v) for v in case.options[:4])
    values = np.array([float(v) for v in case.options[4:]]).reshape(int(steps), 1 + 2 * k)
    lam, m, v = np.full(k, initial), np.zeros(k), np.zeros(k)
    first = None
    for t in range(1, int(steps) + 1):
        eps, plus, minus = values[t - 1][0], values[t - 1][1:1 + k], values[t - 1][1 + k:]
        hessian = (plus - minus) / (2.0 * eps)
        g = -eta * hessian
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        lam = lam - lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
        if first is None:
            first = lam.copy()
    refio.write(gradient=first @ case.grads, weights=first, next=lam)
