package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Precision;
import dev.avil.model.Trunks;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.task.Shuffle;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.AutoLambda;
import dev.avil.weighting.CaGrad;
import dev.avil.weighting.Gcs;
import dev.avil.weighting.Mgda;
import dev.avil.weighting.PcGrad;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps its numbers: every method, run for a few epochs on small synthetic tasks, gives
 * the records in {@code same-records.csv} (wall time left out). A change that means to keep
 * behaviour (a refactor) must leave this test green; a change that means to alter a method's
 * numbers regenerates that method's rows and says so in its commit message.
 *
 * <p>The fixture holds numbers written on one machine and is read on any other, whose kernels add
 * in another order. So the runs train in double precision ({@link Precision#FLOAT64}), where that
 * moves a number by about 1e-13 after three epochs (measured across MKL's and ATen's instruction
 * sets: 9e-14 at most, in αVIL's α), while in single precision αVIL's α search on a flat tuning
 * loss amplifies a last-bit difference into another weight by epoch 3. Names, epochs, counts and
 * target steps must match exactly; every other value within {@link GoldenRecords#TOLERANCE} of its
 * scale, which the tests below show a real change exceeds.
 *
 * <p>The options are spelled out, so a later change of a default does not touch these rows. The
 * numbers depend on the PyTorch thread setting, which also sets the number of lanes; the file was
 * written with the toolkit's default, 2.
 *
 * <p>To write the file again: {@code mvn -pl toolkit test -Dtest=SameRecordsTest
 * -Davil.writeRecords=src/test/resources/dev/avil/train/same-records.csv}.
 */
class SameRecordsTest {
  private static final String FIXTURE = "same-records.csv";
  private static final String HEADER = "method,seed,epoch,task,metric,value";
  private static final int LANES = 2;
  private static final int SEED = 1;

  /** Every method, named so that its rows do not depend on how defaults name it. */
  static List<Method> methods() {
    return List.of(
        single(),
        Method.uniform(),
        Method.alphaVil(SameRecordsTest::defaultsAtTheFixture).named("αVIL (explicit)"),
        Method.alphaVilPaper().named("αVIL (paper)"),
        Method.gcs(g -> g.form(Gcs.Form.GATED)).named("GCS"),
        Method.olAux(o -> o.beta(0.5).horizon(5).maxWeight(2)).named("OL-AUX"),
        Method.forkMerge().named("ForkMerge"),
        Method.dwa(d -> d.temperature(2)).named("DWA"),
        Method.uncertainty().named("uncertainty"),
        Method.pcGrad(p -> p.reduction(PcGrad.Reduction.SUM)).named("PCGrad"),
        Method.mgda(m -> m.normalization(Mgda.Normalization.LOSS_PLUS).upperBound(false))
            .named("MGDA"),
        Method.mgda(m -> m.normalization(Mgda.Normalization.LOSS_PLUS).upperBound(true))
            .named("MGDA-UB"),
        Method.caGrad(c -> c.calpha(0.4).rescale(CaGrad.Rescale.ONE_PLUS_ALPHA_SQUARED))
            .named("CAGrad"),
        Method.priPcGrad().named("PriPCGrad"),
        Method.arml(a -> a.learningRate(Double.NaN)).named("ARML"),
        Method.gradNorm(g -> g.alpha(1.5).learningRate(Double.NaN)).named("GradNorm"),
        Method.nashMtl(n -> n.maxNorm(1)).named("Nash-MTL"),
        Method.famo(f -> f.learningRate(0.025).weightDecay(1e-3)).named("FAMO"),
        Method.autoLambda(
                a ->
                    a.initial(1)
                        .learningRate(3e-3)
                        .outer(AutoLambda.Outer.TRAINING)
                        .hessianVector(AutoLambda.HessianVector.FINITE_DIFFERENCE))
            .named("Auto-λ"),
        Method.metaTartan(
                t ->
                    t.learningRate(5e-2)
                        .scale(Double.NaN)
                        .headSteps(10)
                        .headLearningRate(3e-2)
                        .headWeightDecay(0.1)
                        .headBatch(16))
            .named("META-TARTAN"));
  }

  private static Method single() {
    return Method.singleTask(s -> s.passes(1)).named("single-task");
  }

  /** αVIL's default options when the fixture was written, each one named. */
  private static AlphaVilOptions defaultsAtTheFixture(AlphaVilOptions a) {
    return a.rho(1.0)
        .alphaSteps(20)
        .alphaOptimizer(AlphaVilOptions.AlphaOptimizer.BFGS)
        .alphaLearningRate(0.05)
        .alphaInit(AlphaVilOptions.AlphaInit.ONE)
        .update(AlphaVilOptions.Update.MULTIPLICATIVE)
        .minWeight(0.05)
        .maxWeight(2)
        .evidence(2)
        .onNonFinite(AlphaVilOptions.OnNonFinite.SKIP)
        .targetAlphaFixed(true)
        .stepLimit(1)
        .neutralAlpha(0.25)
        .calibrated(false)
        .neutralSizePower(0)
        .guardStep(false)
        .whileAtChance(AlphaVilOptions.WhileAtChance.SOLVE)
        .initialWeight(1);
  }

  /** The full data of the setting, from which the target takes its first 100 training examples. */
  private static Task full() {
    return Synthetic.blobs("target", 1200, 8, 4, 1.0, 11);
  }

  /**
   * A target of 100 examples, a copy of it on the whole data (same inputs, so evaluation shares
   * them) and random labels; three epochs, so that DWA's weights move before the last one.
   */
  private static Experiment setting(Task target) {
    Task full = full();
    return Experiment.target(target)
        .aux(full.named("copy"), Tasks.randomLabels("noise", full, 5))
        .trunk(Trunks.mlp(16))
        .headHidden(8)
        .batchSize(16)
        .learningRate(0.05)
        .listener(TrainingListener.silent())
        .epochs(3)
        .patience(0)
        .optimizer(dev.avil.train.Optimizer.sgd().momentum(0.9))
        .devSplit(0.5)
        .precision(Precision.FLOAT64)
        .seed(SEED);
  }

  private static Experiment setting() {
    return setting(full().trainSize(100));
  }

  /** The rows of one run, in the order they were made. */
  private static List<String> rows(Experiment e) {
    List<String> mine = new ArrayList<>();
    for (Record r : e.run().records()) {
      if (r.metric() != Metric.SECONDS) {
        mine.add(GoldenRecords.row(r));
      }
    }
    return mine;
  }

  @Test
  void everyMethodGivesTheRecordsOfTheFixture() throws IOException {
    assertThat(Lanes.count())
        .as("lanes (ai.djl.pytorch.num_threads): the records were written with %d", LANES)
        .isEqualTo(LANES);
    Map<String, List<String>> now = new LinkedHashMap<>();
    for (Method m : methods()) {
      now.put(m.name(), rows(setting().method(m)));
    }
    String out = System.getProperty("avil.writeRecords");
    if (out != null) {
      List<String> lines = new ArrayList<>();
      lines.add(HEADER);
      now.values().forEach(lines::addAll);
      Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
      Assumptions.abort("wrote " + out + "; nothing was compared");
    }
    Map<String, List<String>> before = fixture();
    assertThat(now.keySet()).as("methods").containsExactlyElementsOf(before.keySet());
    for (String method : before.keySet()) {
      assertThat(GoldenRecords.differences(before.get(method), now.get(method)))
          .as("%s against the fixture", method)
          .isEmpty();
    }
  }

  @Test
  void aOneUlpChangePassesAndAChangedCountDoesNot() throws IOException {
    List<String> fixture = fixture().get("αVIL (explicit)");
    List<String> nudged =
        fixture.stream().map(r -> GoldenRecords.isCount(r) ? r : oneUlpUp(r)).toList();
    assertThat(nudged).isNotEqualTo(fixture);
    assertThat(GoldenRecords.differences(fixture, nudged)).isEmpty();

    List<String> recounted = new ArrayList<>(fixture);
    int steps = indexOf(recounted, Metric.TARGET_STEPS);
    recounted.set(steps, oneUlpUp(recounted.get(steps)));
    assertThat(GoldenRecords.differences(fixture, recounted))
        .as("target steps compare exactly")
        .hasSize(1);
  }

  @Test
  void aLearningRateChangedInItsSeventhDigitFails() throws IOException {
    List<String> fixture = fixture().get("single-task");
    assertThat(GoldenRecords.differences(fixture, rows(setting().method(single()))))
        .as("single-task as written")
        .isEmpty();
    List<String> changed = rows(setting().learningRate(0.0500001).method(single()));
    assertThat(GoldenRecords.differences(fixture, changed))
        .as("single-task at learning rate 0.0500001 instead of 0.05")
        .isNotEmpty();
  }

  /**
   * Reordering the target's training examples so that the first epoch's first two batches swap
   * places is a real change and fails; reordering the examples inside the first batch changes only
   * the order of its sums, what another processor's kernels do, and passes. Both are one-epoch runs
   * against the fixture's first epoch: a later epoch draws its batches from the reordered rows.
   */
  @Test
  void oneBatchInAnotherPlaceFailsAndOneBatchInAnotherOrderPasses() throws IOException {
    List<String> fixture =
        fixture().get("single-task").stream()
            .filter(r -> r.startsWith("single-task,1,1,"))
            .toList();
    int batch = 16;
    // single-task's first draw from the batches stream is the first epoch's order of the target
    int[] order = Shuffle.permutation(100, Streams.of(SEED, Streams.BATCHES));

    int[] swapped = identity(100);
    for (int i = 0; i < batch; i++) {
      swap(swapped, order[i], order[batch + i]);
    }
    assertThat(GoldenRecords.differences(fixture, rows(reordered(swapped))))
        .as("the first two batches of epoch 1 swapped")
        .isNotEmpty();

    int[] within = identity(100);
    for (int i = 0; i < batch / 2; i++) {
      swap(within, order[i], order[batch - 1 - i]);
    }
    assertThat(GoldenRecords.differences(fixture, rows(reordered(within))))
        .as("the first batch's examples in reverse order")
        .isEmpty();
  }

  /** The setting with the target's training rows permuted by {@code rows}. */
  private static Experiment reordered(int[] rows) {
    Task t = full().trainSize(100);
    Task permuted =
        Task.of(t.name(), t.classes(), t.inputShape(), t.train().rows(rows), t.dev(), t.test());
    return setting(permuted).epochs(1).method(single());
  }

  private static int[] identity(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  private static void swap(int[] a, int i, int j) {
    int x = a[i];
    a[i] = a[j];
    a[j] = x;
  }

  private static int indexOf(List<String> rows, Metric m) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).contains("," + m.id() + ",")) {
        return i;
      }
    }
    throw new AssertionError("no " + m.id() + " row");
  }

  /** A row with its value moved up by one unit in the last place. */
  private static String oneUlpUp(String row) {
    int comma = row.lastIndexOf(',');
    double v = Double.parseDouble(row.substring(comma + 1));
    return row.substring(0, comma + 1) + Math.nextUp(v);
  }

  /** The fixture's rows by method. */
  private static Map<String, List<String>> fixture() throws IOException {
    try (InputStream in = SameRecordsTest.class.getResourceAsStream(FIXTURE)) {
      assertThat(in).as("test resource %s", FIXTURE).isNotNull();
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      assertThat(lines).as("%s: header", FIXTURE).first().isEqualTo(HEADER);
      Map<String, List<String>> rows = new LinkedHashMap<>();
      for (String line : lines.subList(1, lines.size())) {
        String method = line.substring(0, line.indexOf(','));
        rows.computeIfAbsent(method, k -> new ArrayList<>()).add(line);
      }
      return rows;
    }
  }
}
