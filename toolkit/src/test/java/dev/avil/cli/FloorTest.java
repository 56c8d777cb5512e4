package dev.avil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Floor}'s one argument: bad input names the value and says what is accepted. */
class FloorTest {
  @Test
  void takesOneWholeNumberOfSamples() {
    assertThat(Floor.parse(new String[] {"810000"})).isEqualTo(810_000);
  }

  @Test
  void refusesWhatIsNotANumberOfSamples() {
    assertThatThrownBy(() -> Floor.parse(new String[] {"lots"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lots'")
        .hasMessageContaining("a whole number from 64 up");
    assertThatThrownBy(() -> Floor.parse(new String[] {"10"}))
        .hasMessageContaining("samples 10")
        .hasMessageContaining("from 64 up");
    assertThatThrownBy(() -> Floor.parse(new String[] {})).hasMessageContaining("0 arguments");
  }
}
