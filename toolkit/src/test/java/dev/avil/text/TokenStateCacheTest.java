package dev.avil.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Token states kept on disk: the next process reads what the first computed, bit for bit. */
class TokenStateCacheTest {
  private static final List<String> TEXTS =
      List.of("Great coffee, I order it every month.", "ok", "The box came crushed.");

  @TempDir Path dir;
  private String previous;

  @BeforeEach
  void useTheTemporaryFolder() {
    previous = System.getProperty("avil.cache.dir");
    System.setProperty("avil.cache.dir", dir.toString());
  }

  @AfterEach
  void restore() {
    if (previous == null) {
      System.clearProperty("avil.cache.dir");
    } else {
      System.setProperty("avil.cache.dir", previous);
    }
  }

  /** Counts the progress reports: none means the states were read, not computed. */
  private static final class Counting implements EncodingProgress {
    int updates;

    @Override
    public void update(int done, int total, double seconds) {
      updates++;
    }
  }

  private static TokenStates.Padded all(TokenStates s) {
    return s.gather(new int[] {0, 1, 2});
  }

  @Test
  void aCachedLoadEqualsTheComputedStatesAndComputesNothing() throws IOException {
    Counting first = new Counting();
    TokenStates computed = TokenStates.of(TEXTS, 4, 64, first);
    assertThat(first.updates).isPositive();
    Counting second = new Counting();
    TokenStates read = TokenStates.of(TEXTS, 4, 64, second);
    assertThat(second.updates).as("read from disk, not computed").isZero();
    assertThat(all(read).halves()).isEqualTo(all(computed).halves());
    assertThat(all(read).mask()).isEqualTo(all(computed).mask());
    // another layer or token limit is another file
    Counting other = new Counting();
    TokenStates.of(TEXTS, 3, 64, other);
    assertThat(other.updates).isPositive();
    try (var files = Files.list(dir.resolve("token-states"))) {
      assertThat(files.count()).isEqualTo(2);
    }
  }

  @Test
  void aFileCutShortIsComputedAgain() throws IOException {
    TokenStates computed = TokenStates.of(TEXTS, 4, 64, new Counting());
    Path file;
    try (var files = Files.list(dir.resolve("token-states"))) {
      file = files.findFirst().orElseThrow();
    }
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 100));
    Counting again = new Counting();
    TokenStates recomputed = TokenStates.of(TEXTS, 4, 64, again);
    assertThat(again.updates).as("the damaged file was not trusted").isPositive();
    assertThat(all(recomputed).halves()).isEqualTo(all(computed).halves());
    assertThat(Files.readAllBytes(file)).isEqualTo(whole);
  }
}
