package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The allocator tuning is taken by glibc (this project's machines run Debian), is left out when the
 * setting says false, and a setting that is neither true nor false is refused by name.
 */
class NativeMemoryTest {
  @Test
  void glibcTakesEveryValueUnlessTheSettingSaysFalse() {
    assertThat(NativeMemory.apply(null)).as("unset").isTrue();
    assertThat(NativeMemory.apply(" TRUE ")).as("true").isTrue();
    assertThat(NativeMemory.apply("false")).as("false").isFalse();
  }

  @Test
  void aSettingThatIsNeitherTrueNorFalseIsRefused() {
    assertThatThrownBy(() -> NativeMemory.apply("off"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("avil.mallocTuning is 'off'")
        .hasMessageContaining("true or false");
  }
}
