package dev.avil.task;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One split of a task: a view of rows of a shared feature array with their labels. Views share
 * storage, so slicing a split or relabelling a task copies no features.
 *
 * <pre>{@code
 * Split s = Split.of(features, labels, 784);
 * Split first100 = s.first(100);
 * Split rest = s.after(100);
 * }</pre>
 */
public final class Split {
  private final float[] features;
  private final int featureSize;
  private final int[] labels;
  private final int[] rows;

  private Split(float[] features, int featureSize, int[] labels, int[] rows) {
    this.features = features;
    this.featureSize = featureSize;
    this.labels = labels;
    this.rows = rows;
  }

  /**
   * A split over all rows of {@code features} (row-major, {@code featureSize} values per row). The
   * arrays are not copied; do not change them afterwards.
   */
  public static Split of(float[] features, int[] labels, int featureSize) {
    if (featureSize <= 0) {
      throw new IllegalArgumentException("feature size " + featureSize + " must be > 0");
    }
    if ((long) labels.length * featureSize != features.length) {
      throw new IllegalArgumentException(
          labels.length
              + " labels × "
              + featureSize
              + " features need "
              + (long) labels.length * featureSize
              + " values, got "
              + features.length);
    }
    int[] rows = new int[labels.length];
    Arrays.setAll(rows, i -> i);
    return new Split(features, featureSize, labels, rows);
  }

  /** The same rows of the same features, with {@code labels} indexed like the original array. */
  Split withLabels(int[] newLabels) {
    return new Split(features, featureSize, newLabels, rows);
  }

  /**
   * The first {@code n} rows.
   *
   * @param n how many rows, in [0, size]
   * @return the rows
   */
  public Split first(int n) {
    checkCount("first", n);
    return new Split(features, featureSize, labels, Arrays.copyOfRange(rows, 0, n));
  }

  /**
   * The rows after the first {@code n}.
   *
   * @param n how many rows to leave out, in [0, size]
   * @return the remaining rows
   */
  public Split after(int n) {
    checkCount("after", n);
    return new Split(features, featureSize, labels, Arrays.copyOfRange(rows, n, rows.length));
  }

  /** Fails unless {@code n}, given to {@code method}, is a row count in [0, size]. */
  private void checkCount(String method, int n) {
    if (n < 0 || n > rows.length) {
      throw new IllegalArgumentException(
          method
              + "("
              + n
              + ") of a split of "
              + rows.length
              + " rows: give a number in [0, "
              + rows.length
              + "]");
    }
  }

  /** The rows {@code which} of this split, in that order. */
  public Split rows(int[] which) {
    int[] r = new int[which.length];
    for (int i = 0; i < which.length; i++) {
      if (which[i] < 0 || which[i] >= rows.length) {
        throw new IllegalArgumentException(
            "row " + which[i] + " is outside [0, " + rows.length + ")");
      }
      r[i] = rows[which[i]];
    }
    return new Split(features, featureSize, labels, r);
  }

  /**
   * Whether this split has exactly the same inputs as {@code other}, row for row (labels may
   * differ): tasks built from one image set can then share one forward pass of the trunk.
   */
  public boolean sameInputsAs(Split other) {
    return features == other.features
        && featureSize == other.featureSize
        && Arrays.equals(rows, other.rows);
  }

  /** Number of rows. */
  public int size() {
    return rows.length;
  }

  /** Number of feature values per row. */
  public int featureSize() {
    return featureSize;
  }

  /** Label of row {@code i}. */
  public int label(int i) {
    return labels[rows[i]];
  }

  /** All labels, in row order (a copy). */
  public int[] labels() {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = labels[rows[i]];
    }
    return out;
  }

  /** Index of row {@code i} in the underlying label array. */
  int baseRow(int i) {
    return rows[i];
  }

  /** Number of rows in the underlying arrays. */
  int baseSize() {
    return labels.length;
  }

  /**
   * Puts the features of the rows {@code which[0..count)} into {@code dest} at its position, one
   * after another.
   */
  public void gather(int[] which, int count, FloatBuffer dest) {
    for (int k = 0; k < count; k++) {
      dest.put(features, rows[which[k]] * featureSize, featureSize);
    }
  }

  /** All feature values, row after row, in row order (a copy). */
  public float[] features() {
    float[] out = new float[rows.length * featureSize];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(features, rows[k] * featureSize, out, k * featureSize, featureSize);
    }
    return out;
  }

  /** The first non-finite feature value, as "row r, value v", or null if all are finite. */
  String firstNonFinite() {
    for (int i = 0; i < rows.length; i++) {
      int base = rows[i] * featureSize;
      for (int j = 0; j < featureSize; j++) {
        float v = features[base + j];
        if (!Float.isFinite(v)) {
          return "row " + i + " feature " + j + " is " + v;
        }
      }
    }
    return null;
  }
}
