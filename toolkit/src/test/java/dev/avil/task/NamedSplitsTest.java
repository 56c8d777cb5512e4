package dev.avil.task;

import static dev.avil.task.Share.dev;
import static dev.avil.task.Share.test;
import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/** Random splits by named shares, and training ranges by named steps. */
class NamedSplitsTest {
  private static final int N = 50;

  /** Example i has the single feature i, so a split's features name its rows. */
  private static float[][] x() {
    float[][] x = new float[N][1];
    for (int i = 0; i < N; i++) {
      x[i][0] = i;
    }
    return x;
  }

  private static int[] y() {
    int[] y = new int[N];
    for (int i = 0; i < N; i++) {
      y[i] = i % 3;
    }
    return y;
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  /** The rows of {@code s}, read back from their features. */
  private static List<Integer> rows(Split s) {
    float[] f = new float[s.size()];
    s.gather(IntStream.range(0, s.size()).toArray(), s.size(), FloatBuffer.wrap(f));
    List<Integer> out = new ArrayList<>();
    for (float v : f) {
      out.add((int) v);
    }
    return out;
  }

  @Test
  void sharesNameTheirPartInEitherOrder() {
    Task a = Task.builder("t").examples(x(), y()).split(dev(0.2), test(0.3)).splitSeed(4).build();
    Task b = Task.builder("t").examples(x(), y()).split(test(0.3), dev(0.2)).splitSeed(4).build();
    assertThat(a.dev().size()).isEqualTo(10);
    assertThat(a.test().size()).isEqualTo(15);
    assertThat(a.train().size()).isEqualTo(25);
    assertThat(rows(b.dev())).isEqualTo(rows(a.dev()));
    assertThat(rows(b.test())).isEqualTo(rows(a.test()));
    List<Integer> every = new ArrayList<>(rows(a.train()));
    every.addAll(rows(a.dev()));
    every.addAll(rows(a.test()));
    assertThat(every).containsExactlyInAnyOrderElementsOf(range(0, N));
  }

  @Test
  void theSplitSeedDecidesTheRowsAndDefaultsToOne() {
    Task one = Task.builder("t").examples(x(), y()).build();
    Task seeded =
        Task.builder("t").examples(x(), y()).split(dev(0.2), test(0.2)).splitSeed(1).build();
    Task other = Task.builder("t").examples(x(), y()).splitSeed(2).build();
    assertThat(rows(one.dev())).isEqualTo(rows(seeded.dev()));
    assertThat(rows(other.dev())).isNotEqualTo(rows(one.dev()));
  }

  @Test
  void aTableAndArraysWithTheSameExamplesSplitAlike() {
    double[] column = IntStream.range(0, N).asDoubleStream().toArray();
    Table t =
        Table.create("points", DoubleColumn.create("x", column), IntColumn.create("label", y()));
    Task fromTable =
        Tasks.fromTable(t).label("label").split(dev(0.1), test(0.2)).splitSeed(7).build();
    Task fromArrays =
        Task.builder("points").examples(x(), y()).split(dev(0.1), test(0.2)).splitSeed(7).build();
    assertThat(fromTable.name()).isEqualTo("points");
    assertThat(rows(fromTable.dev())).isEqualTo(rows(fromArrays.dev()));
    assertThat(rows(fromTable.test())).isEqualTo(rows(fromArrays.test()));
    assertThat(Tasks.fromTable(t).named("quadrant").label("label").build().name())
        .isEqualTo("quadrant");
  }

  @Test
  void badSharesNameTheValueAndWhatIsAccepted() {
    assertRefused(() -> dev(1.5), "dev share 1.5 must be in (0, 1)");
    assertRefused(() -> test(0), "test share 0.0 must be in (0, 1)");
    assertRefused(
        () -> Task.builder("t").split(dev(0.2), dev(0.1)),
        "split(dev(0.2), dev(0.1)) needs one dev(...) and one test(...)");
    assertRefused(
        () -> Task.builder("t").split(dev(0.6), test(0.4)),
        "leaves no training part",
        "must sum to < 1");
    assertRefused(
        () -> Task.builder("t").examples(new float[2][1], new int[] {0, 1}).build(),
        "task 't': 2 examples are too few for 1 dev + 1 test");
  }

  @Test
  void examplesAndExplicitSplitsDoNotMix() {
    assertRefused(
        () -> Task.builder("t").examples(x(), y()).train(x(), y()).build(),
        "needs either train, dev and test examples, or examples",
        "got train examples");
    assertRefused(() -> Task.builder("t").build(), "got none");
    assertRefused(
        () -> Tasks.fromTable(Table.create("e", IntColumn.create("y", y()))).build(),
        "needs its label column: call .label(column), one of [y]");
  }

  @Test
  void trainAfterAndTrainSizeGiveDisjointTrainingRanges() {
    Task t = Task.builder("t").train(x(), y()).dev(x(), y()).test(x(), y()).build();
    Task target = t.trainSize(10);
    Task aux = t.trainAfter(10).trainSize(30);
    assertThat(rows(target.train())).isEqualTo(range(0, 10));
    assertThat(rows(aux.train())).isEqualTo(range(10, 40));
    assertThat(rows(aux.dev())).hasSize(N);
    assertRefused(
        () -> t.trainAfter(N),
        "trainAfter(50) for task 't' must leave at least 1 of its 50",
        "[0, 50)");
    assertRefused(
        () -> t.trainAfter(10).trainSize(41), "train size 41 for task 't' must be in [1, 40]");
  }
}
