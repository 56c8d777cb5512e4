package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.Gcs;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine keeps its numbers: every method, run for a few epochs on small synthetic tasks, gives
 * exactly the records in {@code same-records.csv} (wall time left out). A change that means to keep
 * behaviour (a refactor) must leave this test green; a change that means to alter a method's
 * numbers regenerates that method's rows and says so in its commit message.
 *
 * <p>The options are spelled out, so a later change of a default does not touch these rows. The
 * numbers depend on the PyTorch thread setting, which also sets the number of lanes; the file was
 * written with the toolkit's default, 2. It trains nine small models (about half a minute), so it
 * carries the tag {@code slow}.
 *
 * <p>To write the file again: {@code mvn -pl toolkit test -Dtest=SameRecordsTest
 * -Davil.writeRecords=src/test/resources/dev/avil/train/same-records.csv}.
 */
@Tag("slow")
class SameRecordsTest {
  private static final String FIXTURE = "same-records.csv";
  private static final String HEADER = "method,seed,epoch,task,metric,value";
  private static final int LANES = 2;

  /** Every method, named so that its rows do not depend on how defaults name it. */
  static List<Method> methods() {
    return List.of(
        Method.singleTask(s -> s.passes(1)).named("single-task"),
        Method.uniform(),
        Method.alphaVil(SameRecordsTest::defaultsAtTheFixture).named("αVIL (explicit)"),
        Method.alphaVilPaper(),
        Method.gcs(g -> g.form(Gcs.Form.GATED)).named("GCS"),
        Method.olAux(o -> o.beta(0.5).horizon(5).maxWeight(2)).named("OL-AUX"),
        Method.forkMerge().named("ForkMerge"),
        Method.dwa(d -> d.temperature(2)).named("DWA"),
        Method.uncertainty().named("uncertainty"));
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
        .maxWeight(4)
        .evidence(2)
        .warmup(0)
        .onNonFinite(AlphaVilOptions.OnNonFinite.SKIP)
        .targetAlphaFixed(true)
        .stepLimit(Double.POSITIVE_INFINITY)
        .neutralAlpha(1)
        .calibrated(false);
  }

  /**
   * A target of 100 examples, a copy of it on the whole data (same inputs, so evaluation shares
   * them) and random labels; three epochs, so that DWA's weights move before the last one.
   */
  private static Experiment setting() {
    Task full = Synthetic.blobs("target", 1200, 8, 4, 1.0, 11);
    return Synthetic.copyAndNoise(full, 100)
        .epochs(3)
        .patience(0)
        .momentum(0.9)
        .devSplit(0.5)
        .seed(1);
  }

  /** The rows of every method's run, in the order they were made. */
  private static Map<String, List<String>> rowsNow() {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Method m : methods()) {
      List<String> mine = new ArrayList<>();
      for (Record r : setting().method(m).run().records()) {
        if (r.metric() != Metric.SECONDS) {
          mine.add(row(r));
        }
      }
      rows.put(m.name(), mine);
    }
    return rows;
  }

  /** A record as a line; {@link Double#toString} reads back to the same double. */
  private static String row(Record r) {
    return String.join(
        ",",
        r.method(),
        Long.toString(r.seed()),
        Integer.toString(r.epoch()),
        r.task(),
        r.metric().id(),
        Double.toString(r.value()));
  }

  @Test
  void everyMethodGivesTheRecordsItGaveBeforeTheRefactor() throws IOException {
    assertThat(Lanes.count())
        .as("lanes (ai.djl.pytorch.num_threads): the records were written with %d", LANES)
        .isEqualTo(LANES);
    Map<String, List<String>> now = rowsNow();
    String out = System.getProperty("avil.writeRecords");
    if (out != null) {
      List<String> lines = new ArrayList<>();
      lines.add(HEADER);
      now.values().forEach(lines::addAll);
      Files.write(Path.of(out), lines, StandardCharsets.UTF_8);
      Assumptions.abort("wrote " + out + "; nothing was compared");
    }
    Map<String, List<String>> before = rowsBefore();
    assertThat(now.keySet()).as("methods").containsExactlyElementsOf(before.keySet());
    for (String method : before.keySet()) {
      List<String> was = before.get(method);
      List<String> is = now.get(method);
      for (int i = 0; i < Math.min(was.size(), is.size()); i++) {
        assertThat(is.get(i))
            .as("%s, record %d of %d", method, i + 1, was.size())
            .isEqualTo(was.get(i));
      }
      assertThat(is).as("%s: number of records", method).hasSameSizeAs(was);
    }
  }

  /** The fixture's rows by method. */
  private static Map<String, List<String>> rowsBefore() throws IOException {
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
