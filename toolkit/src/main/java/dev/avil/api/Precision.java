package dev.avil.api;

/**
 * The number type a run trains and evaluates in. Single precision is what a model is trained in;
 * double precision makes every sum exact to about 1e-16, so two machines whose kernels add in
 * another order agree to about 1e-13 instead of diverging from 1e-7: for checking numbers, at two
 * to four times the cost.
 *
 * <pre>{@code
 * experiment.precision(Precision.FLOAT64).run();
 * }</pre>
 */
public enum Precision {
  /** 32-bit floats: the default. */
  FLOAT32,
  /** 64-bit floats. */
  FLOAT64
}
