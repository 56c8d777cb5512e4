package dev.avil.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * All parameters of a network as one flat vector, in the network's fixed parameter order, with the
 * algebra αVIL needs: difference, axpy, dot. Vectors are immutable; operations return new vectors
 * attached to the same manager. Use outside a gradient collector only.
 *
 * <pre>{@code
 * ParamVector theta = ParamVector.of(params, manager);
 * ... train ...
 * ParamVector delta = ParamVector.of(params, manager).minus(theta);
 * theta.axpy(0.5, delta).writeTo(params);
 * }</pre>
 */
public final class ParamVector implements AutoCloseable {
  private final NDArray flat;

  private ParamVector(NDArray flat) {
    this.flat = flat;
  }

  /** Snapshot of the parameters' current values. */
  public static ParamVector of(List<Parameter> params, NDManager manager) {
    NDList parts = new NDList(params.size());
    for (Parameter p : params) {
      parts.add(p.getArray().flatten());
    }
    NDArray flat = parts.size() == 1 ? parts.get(0).duplicate() : NDArrays.concat(parts);
    flat.attach(manager);
    parts.close();
    return new ParamVector(flat);
  }

  /** Snapshot of the parameters' gradients (zero where a parameter has none). */
  public static ParamVector gradientOf(List<Parameter> params, NDManager manager) {
    NDList parts = new NDList(params.size());
    for (Parameter p : params) {
      NDArray a = p.getArray();
      if (a.hasGradient()) {
        try (NDArray g = a.getGradient()) {
          parts.add(g.flatten());
        }
      } else {
        try (NDArray z = a.zerosLike()) {
          parts.add(z.flatten());
        }
      }
    }
    NDArray flat = NDArrays.concat(parts);
    flat.attach(manager);
    parts.close();
    return new ParamVector(flat);
  }

  /**
   * A vector that takes over the one-dimensional array {@code flat}, attached to {@code manager};
   * an array made inside an {@link ai.djl.ndarray.NDScope} must leave it first.
   */
  static ParamVector own(NDArray flat, NDManager manager) {
    if (flat.getShape().dimension() != 1) {
      throw new IllegalArgumentException("a parameter vector of shape " + flat.getShape());
    }
    flat.attach(manager);
    return new ParamVector(flat);
  }

  /**
   * A vector from Java values (tests and tools), in memory of its own: DJL's array of Java values
   * reads a buffer that is freed once that array is closed, and its {@code toType} to the same type
   * returns a view whatever its {@code copy} flag says.
   */
  public static ParamVector of(
      double[] values, NDManager manager, ai.djl.ndarray.types.DataType dtype) {
    try (NDArray raw = manager.create(values)) {
      return new ParamVector(
          raw.getDataType() == dtype ? raw.duplicate() : raw.toType(dtype, false));
    }
  }

  /** A copy of this vector, in memory of its own. */
  public ParamVector copy() {
    return new ParamVector(flat.duplicate());
  }

  /** Writes this vector into the parameters, in place. */
  public void writeTo(List<Parameter> params) {
    writeInto(params, false);
  }

  /** Writes this vector into the gradients of {@code params}, in place, in their order. */
  public void writeGradientsTo(List<Parameter> params) {
    writeInto(params, true);
  }

  /** Writes this vector into the values, or the gradients, of {@code params}, in their order. */
  private void writeInto(List<Parameter> params, boolean gradients) {
    long at = 0;
    for (Parameter p : params) {
      NDArray value = p.getArray();
      long n = value.size();
      try (NDArray part = flat.get(new NDIndex("{}:{}", at, at + n));
          NDArray shaped = part.reshape(value.getShape());
          NDArray target = gradients ? value.getGradient() : null) {
        (gradients ? target : value).set(new NDIndex("..."), shaped);
      }
      at += n;
    }
    if (at != size()) {
      throw new IllegalArgumentException(
          "parameter vector has "
              + size()
              + " values, the "
              + (gradients ? "gradients " : "parameters ")
              + at);
    }
  }

  /** Number of values. */
  public long size() {
    return flat.size();
  }

  /** {@code this − other}. */
  public ParamVector minus(ParamVector other) {
    return new ParamVector(flat.sub(other.flat));
  }

  /** {@code this + a · x}. */
  public ParamVector axpy(double a, ParamVector x) {
    try (NDArray scaled = x.flat.mul(a)) {
      return new ParamVector(flat.add(scaled));
    }
  }

  /** {@code this + Σ c[i] · xs[i]}, summed in order. */
  public ParamVector plusCombination(double[] c, List<ParamVector> xs) {
    requireOnePer(c, xs);
    return new ParamVector(addTo(flat.duplicate(), c, xs, 0));
  }

  /** {@code Σ c[i] · xs[i]}, summed in order; at least one vector. */
  public static ParamVector combination(double[] c, List<ParamVector> xs) {
    requireOnePer(c, xs);
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("a combination of no vectors");
    }
    return new ParamVector(addTo(xs.get(0).flat.mul(c[0]), c, xs, 1));
  }

  private static void requireOnePer(double[] c, List<ParamVector> xs) {
    if (c.length != xs.size()) {
      throw new IllegalArgumentException(c.length + " coefficients for " + xs.size() + " vectors");
    }
  }

  /** Adds {@code c[i] · xs[i]} for i from {@code from} on to {@code sum}, in place. */
  private static NDArray addTo(NDArray sum, double[] c, List<ParamVector> xs, int from) {
    for (int i = from; i < c.length; i++) {
      try (NDArray scaled = xs.get(i).flat.mul(c[i])) {
        sum.addi(scaled);
      }
    }
    return sum;
  }

  /** The inner product, accumulated in double precision. */
  public double dot(ParamVector other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException(
          "dot of vectors of " + size() + " and " + other.size() + " values");
    }
    try (NDArray a = flat.toType(ai.djl.ndarray.types.DataType.FLOAT64, true);
        NDArray b = other.flat.toType(ai.djl.ndarray.types.DataType.FLOAT64, true);
        NDArray d = a.dot(b)) {
      return d.getDouble();
    }
  }

  /** The Euclidean norm. */
  public double norm() {
    return Math.sqrt(dot(this));
  }

  /** The values as Java doubles. */
  public double[] toDoubleArray() {
    try (NDArray d = flat.toType(ai.djl.ndarray.types.DataType.FLOAT64, true)) {
      return d.toDoubleArray();
    }
  }

  /** The values {@code [from, to)} as Java doubles. */
  public double[] slice(int from, int to) {
    try (NDArray part = flat.get(new NDIndex("{}:{}", from, to));
        NDArray d = part.toType(ai.djl.ndarray.types.DataType.FLOAT64, true)) {
      return d.toDoubleArray();
    }
  }

  @Override
  public void close() {
    flat.close();
  }
}
