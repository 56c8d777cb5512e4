/**
 * The multi-head network: one shared trunk (any DJL {@code Block}) and one head per task, with the
 * trunk factories {@link dev.avil.model.Trunks#lenet()} and {@link
 * dev.avil.model.Trunks#mlp(int...)}.
 */
package dev.avil.model;
