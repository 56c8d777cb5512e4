/**
 * The process's settings for DJL and PyTorch, made once before any engine starts: offline mode and
 * the usage-tracking opt-out, the thread counts, and glibc's allocator kept from handing tensor
 * memory back after every step ({@link dev.avil.runtime.DjlRuntime}). Every package that starts an
 * engine (training, text encoding) goes through it, so it sits below them all.
 */
package dev.avil.runtime;
