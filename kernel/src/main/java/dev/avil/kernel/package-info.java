/**
 * A thin Jupyter kernel for Java, built on JJava's kernel library ({@code
 * org.dflib.jjava:jjava-jupyter}).
 *
 * <p>{@link dev.avil.kernel.KernelMain} is the entry point that Jupyter starts (through the {@code
 * java} kernelspec). {@link dev.avil.kernel.AvilKernel} evaluates cells with JShell running in the
 * kernel's own JVM, so a cell's value is a real object that JJava's renderers (including those
 * registered by {@code org.dflib.jjava.jupyter.Extension} services on the notebook's classpath)
 * turn into rich output. The magics {@code %maven}, {@code %mavenRepo} and {@code %classpath} add
 * libraries to a running notebook; Maven coordinates are resolved from the local repository first,
 * so installed artifacts work offline.
 */
package dev.avil.kernel;
