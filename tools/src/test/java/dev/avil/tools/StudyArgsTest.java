package dev.avil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The study's command line: what it reads, and the messages for what it refuses. */
class StudyArgsTest {
  private static StudyArgs parse(String... args) {
    return StudyArgs.parse(args, Study.class, Set.of("summarize"), Set.of("master"));
  }

  @Test
  void readsOptionsFlagsAndTheEntryPointsOwnOptions() {
    StudyArgs a =
        parse("--out", "x", "--seeds", "4,7", "--epochs", "3", "--summarize", "--master", "m");
    assertThat(a.out()).isEqualTo(Path.of("x"));
    assertThat(a.seeds()).containsExactly(4, 7);
    assertThat(a.epochs()).isEqualTo(3);
    assertThat(a.patience()).isEqualTo(10);
    assertThat(a.has("summarize")).isTrue();
    assertThat(a.values()).containsEntry("master", "m");
  }

  @Test
  void aMistypedOptionIsRefusedWithTheAcceptedOnes() {
    // before, --epoch 5 was kept and ignored: the study ran its default 100 epochs
    assertThatThrownBy(() -> parse("--epoch", "5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unexpected argument --epoch")
        .hasMessageContaining("--epochs")
        .hasMessageContaining("--master")
        .hasMessageContaining("--summarize");
    assertThatThrownBy(() -> parse("5"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unexpected argument 5");
  }

  @Test
  void anOptionWithoutItsValueIsRefused() {
    assertThatThrownBy(() -> parse("--seeds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option --seeds needs a value");
  }

  @Test
  void numbersThatAreNotAcceptedAreNamed() {
    assertThatThrownBy(() -> parse("--epochs", "0").epochs())
        .hasMessageContaining("--epochs 0 is not a whole number ≥ 1");
    assertThatThrownBy(() -> parse("--patience", "ten").patience())
        .hasMessageContaining("--patience ten is not a whole number ≥ 0");
    assertThatThrownBy(() -> parse("--seeds", "1;2").seeds())
        .hasMessageContaining("--seeds 1;2 is not a comma-separated list of whole numbers");
    assertThat(parse("--patience", "0").patience()).isZero();
  }
}
