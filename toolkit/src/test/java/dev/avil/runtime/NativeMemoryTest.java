package dev.avil.runtime;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The allocator tuning is left out when the setting says false, and a setting that is neither true
 * nor false is refused by name. Whether the C library takes the values is a fact about the machine
 * (glibc does; another C library need not), checked only under the tag {@code machine}.
 */
class NativeMemoryTest {
  @Test
  void falseLeavesTheAllocatorAlone() {
    assertThat(NativeMemory.apply("false")).isFalse();
    assertThat(NativeMemory.apply(" False ")).isFalse();
  }

  @Test
  @Tag("machine")
  void glibcTakesEveryValue() {
    assertThat(NativeMemory.apply(null)).as("unset").isTrue();
    assertThat(NativeMemory.apply(" TRUE ")).as("true").isTrue();
  }

  @Test
  void aSettingThatIsNeitherTrueNorFalseIsRefused() {
    assertRefused(() -> NativeMemory.apply("off"), "avil.mallocTuning is 'off'", "true or false");
  }
}
