"""META-TARTAN's update of the task weights, as ldery/TARTAN's simple_vision_tartan computes it
(tartan_plugin.py and tartan_utils.py; Dery et al. 2022).

Input (refio.py): cases with the options "beta scale steps", then for each step "h_1 .. h_K d_1 ..
d_n" (each task's squared gradient norm on its own head, then the dev head's gradient on the trunk),
and the tasks' gradients on the trunk. Each step combines the gradients with the weights
scale * softmax(omega) (weighted_grads), then adds -cos(g_k, g_dev) to omega's gradient, the cosine
as cosine() takes it over the task's whole gradient list (its head's part has no dev partner, so it
enters the norm alone) with 1e-8 added to the norms' product, and takes omega - beta * grad
(update_weights). omega starts at 0.
"""
import numpy as np

import refio

for case in refio.cases():
    k, n = case.grads.shape
    beta, scale, steps = (float(v) for v in case.options[:3])
    values = np.array([float(v) for v in case.options[3:]]).reshape(int(steps), k + n)
    omega = np.zeros(k)
    used = None
    for t in range(int(steps)):
        head, dev = values[t][:k], values[t][k:]
        e = np.exp(omega - omega.max())
        used = scale * e / e.sum()
        norms = np.sqrt(np.sum(case.grads**2, axis=1) + head)
        cos = case.grads @ dev / (norms * np.sqrt(dev @ dev) + 1e-8)
        grad = -cos
        omega = omega - beta * grad
    refio.write(gradient=used @ case.grads, weights=used, next=omega)
