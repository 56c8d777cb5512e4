package dev.avil.train;

/**
 * A loss and the gradient of it with respect to all parameters.
 *
 * @param loss the loss
 * @param gradient the gradient, in parameter-vector order; the caller closes it
 */
public record LossGradient(double loss, ParamVector gradient) {}
