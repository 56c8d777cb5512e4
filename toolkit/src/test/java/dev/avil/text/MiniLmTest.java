package dev.avil.text;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in encoder on a handful of sentences: deterministic, unit length, meaningful, cached.
 */
class MiniLmTest {
  private static final MiniLm ENCODER =
      TextEncoder.miniLm().withoutCache().withProgress(EncodingProgress.silent());

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  @Test
  void sameTextGivesTheSameVectorTwice() {
    List<String> texts = List.of("This coffee is smooth and rich.", "Arrived broken.");
    float[][] first = ENCODER.encode(texts);
    float[][] second =
        ENCODER.encode(List.of("Arrived broken.", "This coffee is smooth and rich."));
    assertThat(first[0]).hasSize(MiniLm.DIMENSION).containsExactly(second[1]);
    assertThat(first[1]).containsExactly(second[0]);
    double norm = 0;
    for (float x : first[0]) {
      norm += x * x;
    }
    assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-5));
  }

  @Test
  void paraphraseIsCloserThanAnUnrelatedSentence() {
    float[][] v =
        ENCODER.encode(
            List.of(
                "The tea tastes wonderful.",
                "This tea has a lovely flavour.",
                "The train to Berlin leaves at seven in the morning.",
                "Terrible dog food, my dog refused to eat it.",
                "My puppy would not touch this kibble; awful."));
    assertThat(cosine(v[0], v[1])).isGreaterThan(cosine(v[0], v[2]) + 0.2);
    assertThat(cosine(v[3], v[4])).isGreaterThan(cosine(v[3], v[2]) + 0.2);
    assertThat(cosine(v[3], v[4])).isGreaterThan(cosine(v[3], v[0]));
  }

  @Test
  void longTextIsCutNotRejected() {
    String longText = String.join(" ", java.util.Collections.nCopies(600, "delicious"));
    float[][] v = ENCODER.encode(List.of(longText, ""));
    assertThat(v[0]).hasSize(MiniLm.DIMENSION);
    assertThat(v[1]).hasSize(MiniLm.DIMENSION);
  }

  @Test
  void cacheReturnsTheComputedVectorsAndSurvivesANewInstance(@TempDir Path dir) throws Exception {
    List<String> texts = List.of("crunchy and fresh", "stale", "crunchy and fresh");
    List<int[]> seen = new ArrayList<>();
    MiniLm cached =
        TextEncoder.miniLm()
            .withCache(dir)
            .withProgress((done, total, s) -> seen.add(new int[] {done, total}));
    float[][] first = cached.encode(texts);
    assertThat(seen).as("two distinct texts encoded").allMatch(p -> p[1] == 2);
    assertThat(first[0]).containsExactly(first[2]);
    assertThat(first[0]).containsExactly(ENCODER.encode(List.of("crunchy and fresh"))[0]);
    seen.clear();
    float[][] second = cached.encode(texts);
    assertThat(seen).as("nothing encoded the second time").isEmpty();
    for (int i = 0; i < texts.size(); i++) {
      assertThat(second[i]).containsExactly(first[i]);
    }
    Path file;
    try (var files = Files.list(dir)) {
      file = files.findFirst().orElseThrow();
    }
    long records = (Files.size(file) - 12) / (32 + 4 * MiniLm.DIMENSION);
    assertThat(records).isEqualTo(2);
    // a record cut short by a killed writer is ignored, then replaced on the next append
    Files.write(file, new byte[] {1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
    float[][] third =
        TextEncoder.miniLm()
            .withCache(dir)
            .withProgress(EncodingProgress.silent())
            .encode(List.of("stale", "soggy"));
    assertThat(third[0]).containsExactly(first[1]);
    assertThat((Files.size(file) - 12) % (32 + 4 * MiniLm.DIMENSION)).isZero();
  }

  @Test
  void nullTextIsRejectedWithItsPosition() {
    assertRefused(() -> ENCODER.encode(Arrays.asList("fine", null)), "text 1 of 2");
  }

  @Test
  void progressLineShowsCountsAndTimeLeft() {
    assertThat(EncodingProgress.line(1_000, 4_000, 10))
        .isEqualTo("encoding texts [#####               ] 1,000/4,000 in 10 s, ~30 s left");
    assertThat(EncodingProgress.line(4_000, 4_000, 75))
        .isEqualTo("encoding texts [####################] 4,000/4,000 in 1 min 15 s");
  }
}
