/** Display integration for Java Jupyter kernels built on JJava. */
package dev.avil.notebook;
