/**
 * Texts as vectors: the {@link dev.avil.text.TextEncoder} interface, the built-in frozen sentence
 * encoder (all-MiniLM-L6-v2 on DJL's ONNX Runtime engine, with its Hugging Face tokenizer), the
 * disk cache of its vectors, and encoding progress. Everything loads from the classpath and local
 * files: nothing is fetched from the network.
 */
package dev.avil.text;
