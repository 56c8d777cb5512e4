package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.avil.runtime.DjlRuntime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class ParamVectorTest {
  private static NDManager manager;

  @BeforeContainer
  static void open() {
    manager = DjlRuntime.newManager();
  }

  @AfterContainer
  static void close() {
    manager.close();
  }

  record Pair(double[] a, double[] b, double c) {}

  @Provide
  Arbitrary<Pair> pairs() {
    Arbitrary<Integer> n = Arbitraries.integers().between(1, 40);
    return n.flatMap(
        k -> {
          Arbitrary<double[]> v =
              Arbitraries.doubles().between(-100, 100).array(double[].class).ofSize(k);
          return Combinators.combine(v, v, Arbitraries.doubles().between(-10, 10)).as(Pair::new);
        });
  }

  private static ParamVector vec(double[] v) {
    return ParamVector.of(v, manager, DataType.FLOAT64);
  }

  /**
   * DJL's {@code toType(sameType, true)} returns a view, not a copy, and an array made from Java
   * values reads a direct buffer that is freed once that array is closed and collected: a vector
   * made from Java values must own its memory, or it reads whatever is allocated there next.
   */
  @net.jqwik.api.Example
  void aVectorFromJavaValuesOwnsItsMemory() {
    double[] values = new double[64];
    java.util.Arrays.setAll(values, i -> i + 0.5);
    for (DataType dtype : List.of(DataType.FLOAT64, DataType.FLOAT32)) {
      List<ParamVector> made = new java.util.ArrayList<>();
      for (int i = 0; i < 50; i++) {
        made.add(ParamVector.of(values, manager, dtype));
      }
      List<java.nio.ByteBuffer> scribble = new java.util.ArrayList<>();
      for (int round = 0; round < 5; round++) {
        System.gc();
        for (int i = 0; i < 200; i++) {
          java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(values.length * 8);
          while (b.hasRemaining()) {
            b.put((byte) 0x7f);
          }
          scribble.add(b);
        }
      }
      for (ParamVector v : made) {
        assertThat(v.toDoubleArray()).as("%s", dtype).containsExactly(values);
        v.close();
      }
      assertThat(scribble).hasSize(1000);
    }
  }

  @Property(tries = 60)
  void axpyAddsAScaledVector(@ForAll("pairs") Pair p) {
    try (ParamVector a = vec(p.a());
        ParamVector b = vec(p.b());
        ParamVector r = a.axpy(p.c(), b)) {
      double[] got = r.toDoubleArray();
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isCloseTo(p.a()[i] + p.c() * p.b()[i], within(1e-9));
      }
    }
  }

  @Property(tries = 60)
  void minusUndoesAxpyAndDotIsTheInnerProduct(@ForAll("pairs") Pair p) {
    try (ParamVector a = vec(p.a());
        ParamVector b = vec(p.b());
        ParamVector sum = a.axpy(1, b);
        ParamVector back = sum.minus(b)) {
      double[] got = back.toDoubleArray();
      for (int i = 0; i < got.length; i++) {
        assertThat(got[i]).isCloseTo(p.a()[i], within(1e-9));
      }
      double dot = 0;
      for (int i = 0; i < p.a().length; i++) {
        dot += p.a()[i] * p.b()[i];
      }
      assertThat(a.dot(b)).isCloseTo(dot, within(1e-7 * (1 + Math.abs(dot))));
      assertThat(a.dot(b)).isEqualTo(b.dot(a));
      assertThat(a.norm() * a.norm()).isCloseTo(a.dot(a), within(1e-6 * (1 + a.dot(a))));
    }
  }

  @Property(tries = 40)
  void plusCombinationIsASumOfAxpys(@ForAll("pairs") Pair p) {
    double[] c = {p.c(), -0.5};
    try (ParamVector a = vec(p.a());
        ParamVector b = vec(p.b());
        ParamVector viaCombination = a.plusCombination(c, List.of(b, a));
        ParamVector step = a.axpy(c[0], b);
        ParamVector viaAxpy = step.axpy(c[1], a)) {
      assertThat(viaCombination.toDoubleArray())
          .containsExactly(viaAxpy.toDoubleArray(), within(1e-9));
    }
  }

  @Property(tries = 20)
  void writesIntoParametersAndSnapshotsThemBackInOrder(@ForAll("pairs") Pair p) {
    int n = p.a().length;
    try (NDManager m = manager.newSubManager()) {
      Parameter first = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
      Parameter second = Parameter.builder().setName("b").setType(Parameter.Type.BIAS).build();
      first.setShape(new Shape(1, n));
      second.setShape(new Shape(n));
      first.initialize(m, DataType.FLOAT64);
      second.initialize(m, DataType.FLOAT64);
      double[] both = new double[2 * n];
      System.arraycopy(p.a(), 0, both, 0, n);
      System.arraycopy(p.b(), 0, both, n, n);
      try (ParamVector v = vec(both)) {
        v.writeTo(List.of(first, second));
        assertThat(first.getArray().toDoubleArray()).containsExactly(p.a());
        assertThat(second.getArray().toDoubleArray()).containsExactly(p.b());
        try (ParamVector again = ParamVector.of(List.of(first, second), m)) {
          assertThat(again.toDoubleArray()).containsExactly(both);
        }
      }
    }
  }
}
