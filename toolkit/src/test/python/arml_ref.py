"""ARML's step, as ForkMerge's LibMTL/weighting/ARML.py computes it (Shi et al. 2020).

Input (refio.py): cases with the options "eta w1 w2 ..." (the step size and the auxiliary weights
before the step), gradients, the target's first. The trunk moves along g_0 + sum_k w_k g_k with the
weights as they were; then the weights take one gradient step on the loss
||g_0 - sum_k w_k g_k||^2, whose gradient in w_k is -2 g_k . (g_0 - sum_j w_j g_j); the
target's weight stays 1. The step is at most 0.5 / sum_k ||g_k||^2, where gradient descent on
the quadratic cannot diverge (the toolkit's cap; the code hands the weights to the model's
optimiser instead).
"""
import numpy as np

import refio

for case in refio.cases():
    eta = float(case.options[0])
    w = np.array([float(v) for v in case.options[1:]])
    target, aux = case.grads[0], case.grads[1:]
    eta = min(eta, 0.5 / np.sum(aux * aux)) if np.sum(aux * aux) > 0 else eta
    residual = target - w @ aux
    refio.write(gradient=target + w @ aux, next=np.concatenate([[1.0], w - eta * (-2 * aux @ residual)]))
