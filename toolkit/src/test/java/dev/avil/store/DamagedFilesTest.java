package dev.avil.store;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.avil.api.Comparison;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.api.TinyComparison;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged, truncated and half-written result files give named errors and are never used as
 * complete.
 */
class DamagedFilesTest {
  private static Comparison comparison;

  @BeforeAll
  static void run() {
    comparison = TinyComparison.run("noise", 3, Method.singleTask(), Method.uniform());
    assertThat(comparison.runs()).hasSize(4);
  }

  /** The comparison's runs as the store keeps them. */
  private static List<Results> runs() {
    return List.copyOf(comparison.runs());
  }

  private static List<String> lines(Path f) throws IOException {
    return new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
  }

  /** Rewrites {@code f} with {@code change} made to its lines. */
  private static void edit(Path f, Consumer<List<String>> change) throws IOException {
    List<String> l = lines(f);
    change.accept(l);
    writeLines(f, l);
  }

  private static void writeLines(Path f, List<String> lines) throws IOException {
    Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  @Test
  void aBlankLineIsNamedForResultsAndComparison(@TempDir Path dir) throws IOException {
    comparison.runs().get(0).save(dir);
    Path h = dir.resolve("history.csv");
    edit(h, l -> l.add(5, ""));
    assertRefused(
        () -> Results.read(dir), h.toString(), "line 6", "found a blank line", "expected 6 fields");
    assertThatThrownBy(() -> Comparison.read(dir))
        .hasMessageContaining("line 6")
        .hasMessageContaining("blank line");
  }

  @Test
  void aGarbageLineIsNamed(@TempDir Path dir) throws IOException {
    RunFiles.write(dir, runs());
    Path h = dir.resolve("history.csv");
    edit(h, l -> l.set(9, "§§ garbage §§"));
    assertRefused(
        () -> Comparison.read(dir), h + " line 10: expected 6 fields", "found 1: §§ garbage §§");
    edit(h, l -> l.set(9, "uniform,x1,1,target,dev_acc,0.5"));
    assertThatThrownBy(() -> Comparison.read(dir))
        .hasMessageContaining("line 10: expected a whole number (seed), found 'x1'");
    edit(h, l -> l.set(9, "uniform,1,1,target,dev_accuracy,0.5"));
    assertThatThrownBy(() -> Comparison.read(dir))
        .hasMessageContaining("line 10: unknown metric 'dev_accuracy'");
    edit(h, l -> l.set(9, "uniform,1,1,target,dev_acc,zero"));
    assertThatThrownBy(() -> Results.read(dir))
        .hasMessageContaining("line 10: expected a number (value), found 'zero'");
    Path c = dir.resolve("config.csv");
    Files.writeString(c, "method;seed;key;value\n");
    RunFiles.write(dir, runs());
    Files.writeString(c, "method;seed;key;value\n");
    assertThatThrownBy(() -> Comparison.read(dir))
        .hasMessageContaining(c + " line 1: expected the header method,seed,key,value");
  }

  @Test
  void aFileCutInTheMiddleOfALineIsNamed(@TempDir Path dir) throws IOException {
    RunFiles.write(dir, runs());
    Path h = dir.resolve("history.csv");
    byte[] all = Files.readAllBytes(h);
    Files.write(h, java.util.Arrays.copyOf(all, all.length / 2 + 3));
    int lastLine = lines(h).size();
    assertRefused(
        () -> Comparison.read(dir),
        h + " line " + lastLine,
        "the file ends in the middle of this line");
    // every field is quoted: a cut inside a field leaves a quote open, and is named the same way
    String header = lines(h).get(0);
    for (String cut : List.of("\"uniform\",\"1", "\"uniform\",\"1\",")) {
      Files.writeString(h, header + "\n" + cut);
      assertThatThrownBy(() -> Comparison.read(dir))
          .as(cut)
          .hasMessageContaining(h + " line 2: the file ends in the middle of this line");
    }
  }

  @Test
  void aFileCutAtALineBreakReadsOnlyTheCompleteRuns(@TempDir Path dir) throws IOException {
    RunFiles.write(dir, runs());
    Path h = dir.resolve("history.csv");
    List<String> l = lines(h);
    writeLines(h, l.subList(0, l.size() / 2 - 1));
    Comparison c = Comparison.read(dir);
    assertThat(c.runs())
        .hasSizeLessThan(2)
        .allSatisfy(r -> assertThat(comparison.runs()).contains(r));
    assertThat(c.failures()).isNotEmpty().anySatisfy(f -> assertThat(f).contains("epoch 3 lacks"));
    assertThat(c.failures())
        .anySatisfy(f -> assertThat(f).contains("in config.csv but not in history.csv"));
    assertThatThrownBy(() -> Results.read(writeOne(dir.resolve("one"), l)))
        .hasMessageContaining("incomplete run");
  }

  private static Path writeOne(Path dir, List<String> history) throws IOException {
    comparison.runs().get(0).save(dir);
    List<String> mine = new ArrayList<>(lines(dir.resolve("history.csv")));
    writeLines(dir.resolve("history.csv"), mine.subList(0, mine.size() - 3));
    return dir;
  }

  @Test
  void anUnclosedQuoteNamesWhereItOpened(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("x.csv");
    Files.writeString(f, "a,b\n1,\"two\n3,4\n");
    assertThatThrownBy(() -> Csv.read(f))
        .hasMessageContaining(f + " line 2: a quoted field is never closed");
    Files.write(f, new byte[] {'a', ',', (byte) 0xC3, '\n'});
    assertThatThrownBy(() -> Csv.read(f)).hasMessageContaining("not UTF-8");
  }

  @Test
  void cellsAreWrittenWholeAndReadBackEqual(@TempDir Path dir) {
    CellStore store = CellStore.at(dir);
    runs().forEach(store::write);
    CellStore.Scan s = store.scan();
    assertThat(s.damaged()).isEmpty();
    assertThat(s.complete()).containsExactlyInAnyOrderElementsOf(runs());
    assertThat(s.has("uniform", 2)).isTrue();
    assertThat(s.has("uniform", 3)).isFalse();
    store.write(runs().get(0)); // replaces
    assertThat(store.scan().complete()).hasSize(4);
    Comparison back = Comparison.read(dir);
    assertThat(back.runs()).containsExactlyInAnyOrderElementsOf(comparison.runs());
    assertThat(back.failures()).isEmpty();
  }

  @Test
  void damagedAndHalfWrittenCellsAreReportedByNameAndNeverUsed(@TempDir Path dir)
      throws IOException {
    CellStore store = CellStore.at(dir);
    runs().forEach(store::write);
    Path cells = dir.resolve("cells");
    Path truncated = cells.resolve(CellStore.cellName("single-task", 1)).resolve("history.csv");
    List<String> l = lines(truncated);
    writeLines(
        truncated, l.subList(0, l.size() - 4)); // cut at a line break: the last epoch is short
    Path blank = cells.resolve(CellStore.cellName("single-task", 2)).resolve("history.csv");
    l = lines(blank);
    l.add(3, "");
    writeLines(blank, l);
    Files.delete(cells.resolve(CellStore.cellName("uniform", 1)).resolve("config.csv"));
    Path leftover =
        Files.createDirectory(cells.resolve(".tmp-" + CellStore.cellName("uniform", 7) + "-123"));
    Files.writeString(
        leftover.resolve("history.csv"), "method,seed,epoch,task,metric,value\nuniform,7,1");

    CellStore.Scan s = store.scan();
    assertThat(s.complete())
        .containsExactly(
            comparison.runs().stream()
                .filter(r -> r.method().equals("uniform") && r.seed() == 2)
                .findFirst()
                .orElseThrow());
    assertThat(s.damaged())
        .extracting(CellStore.Damaged::name)
        .containsExactlyInAnyOrder(
            "single-task seed 1", "single-task seed 2", "uniform seed 1", "uniform seed 7");
    assertThat(s.damaged())
        .extracting(CellStore.Damaged::toString)
        .anySatisfy(d -> assertThat(d).startsWith("single-task seed 1").contains("epoch 3 lacks"));
    assertThat(s.damaged())
        .extracting(CellStore.Damaged::toString)
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith("single-task seed 2")
                    .contains("line 4")
                    .contains("blank line"));
    assertThat(s.damaged())
        .extracting(CellStore.Damaged::toString)
        .anySatisfy(d -> assertThat(d).startsWith("uniform seed 1").contains("no config.csv"));
    assertThat(s.damaged())
        .extracting(CellStore.Damaged::toString)
        .anySatisfy(d -> assertThat(d).startsWith("uniform seed 7").contains("never finished"));
    Comparison c = Comparison.read(dir);
    assertThat(c.runs()).hasSize(1);
    assertThat(c.failures()).hasSize(4).allSatisfy(f -> assertThat(f).startsWith("damaged cell "));

    s.damaged().forEach(store::discard);
    assertThat(store.scan().damaged()).isEmpty();
    assertThat(store.scan().complete()).hasSize(1);
  }

  @Test
  void theOlderLayoutMovesIntoCells(@TempDir Path dir) throws IOException {
    RunFiles.write(dir, runs());
    Path h = dir.resolve("history.csv");
    List<String> l = lines(h);
    writeLines(h, l.subList(0, l.size() - 2)); // the last run loses part of its last epoch
    List<CellStore.Damaged> dropped = CellStore.at(dir).migrate();
    assertThat(dropped)
        .singleElement()
        .satisfies(d -> assertThat(d.toString()).startsWith("uniform seed 2"));
    assertThat(Files.exists(h)).isFalse();
    assertThat(CellStore.at(dir).scan().complete()).hasSize(3);
    assertThat(Comparison.read(dir).runs()).hasSize(3);
  }

  @Test
  void cellNamesAreSafeForAnyMethodName() {
    assertThat(CellStore.cellName("αVIL(update=mean-normalised)", 3))
        .isEqualTo("%CE%B1VIL%28update%3Dmean-normalised%29__seed-3");
    assertThat(CellStore.cellName("../x_y", -2)).isEqualTo("%2E.%2Fx%5Fy__seed--2");
  }
}
