/**
 * The multi-head network: one shared trunk (any DJL {@code Block}) and one head per task, with the
 * trunk factories {@link dev.avil.model.Trunks#lenet()} and {@link
 * dev.avil.model.Trunks#mlp(int...)}, MiniLM's layers rebuilt as DJL blocks ({@link
 * dev.avil.model.BertEncoder}), and dropout a seed reproduces ({@link
 * dev.avil.model.SeededDropout}).
 */
package dev.avil.model;
