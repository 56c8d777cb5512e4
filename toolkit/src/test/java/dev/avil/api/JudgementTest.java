package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.avil.results.Metric;
import dev.avil.results.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdicts of {@link Results#judgement()} on weights written by hand. */
class JudgementTest {
  /** A run of target "t" and auxiliary tasks "a" and "b" with these weights, epoch by epoch. */
  private static Results run(double[] t, double[] a, double[] b) {
    List<Record> records = new ArrayList<>();
    String[] names = {"t", "a", "b"};
    double[][] weights = {t, a, b};
    for (int e = 1; e <= t.length; e++) {
      for (int k = 0; k < 3; k++) {
        records.add(new Record("m", 1, e, names[k], Metric.WEIGHT, weights[k][e - 1]));
      }
    }
    return Results.of("m", 1, records, Map.of("target", "t"));
  }

  private static List<String> verdicts(Results r) {
    return r.judgement().stringColumn("verdict").asList();
  }

  @Test
  void weightsThatMovedAreJudgedAgainstTheTargetsFinalWeight() {
    Results r = run(new double[] {1, 1, 1}, new double[] {1, 0.5, 0.4}, new double[] {1, 1.5, 1});
    assertThat(verdicts(r)).containsExactly("harmful", "helpful");
    assertThat(r.judgement().doubleColumn("effective epochs ÷ target's").getDouble(0))
        .isCloseTo(1.9 / 3, within(1e-12));
    Results between = run(new double[] {1, 1, 1}, new double[] {1, 1, 0.6}, new double[] {1, 1, 1});
    assertThat(verdicts(between)).containsExactly("unclear", "helpful");
  }

  @Test
  void aTaskDroppedToZeroAtOnceCountsAsMoved() {
    // the additive rule can send every auxiliary weight from 1 to 0 after the first epoch
    Results r = run(new double[] {1, 1, 1}, new double[] {1, 0, 0}, new double[] {0, 0, 0});
    assertThat(verdicts(r)).containsExactly("harmful", "harmful");
  }

  @Test
  void aMethodThatMeasuredAlphasIsJudgedEvenIfNoRecordedWeightChanged() {
    // weights are recorded after each epoch's update: the additive rule can send the auxiliary
    // weights to 0 in the first epoch, and then they look like single-task's, but the αs say that
    // the method measured the tasks
    List<Record> records =
        new ArrayList<>(
            run(new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0}).records());
    records.add(new Record("m", 1, 1, "a", Metric.ALPHA, -0.4));
    Results r = Results.of("m", 1, records, Map.of("target", "t"));
    assertThat(verdicts(r)).containsExactly("harmful", "harmful");
  }

  @Test
  void weightsThatNeverMovedAreNotJudged() {
    Results uniform = run(new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1});
    Results single = run(new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0});
    assertThat(verdicts(uniform)).containsOnly("not judged");
    assertThat(verdicts(single)).containsOnly("not judged");
  }

  @Test
  void aTargetAtWeightZeroLeavesNothingToCompareWith() {
    Results r = run(new double[] {1, 0}, new double[] {1, 0.5}, new double[] {1, 2});
    assertThat(verdicts(r)).containsOnly("target stopped");
  }
}
