package dev.avil.tools;

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
        .hasMessageContaining("a whole number from 64 to 137,438,953,408");
    assertThatThrownBy(() -> Floor.parse(new String[] {"10"}))
        .hasMessageContaining("samples 10")
        .hasMessageContaining("from 64 to");
    assertThatThrownBy(() -> Floor.parse(new String[] {"137438953409"}))
        .hasMessageContaining("samples 137438953409")
        .hasMessageContaining("to 137,438,953,408");
    assertThat(Floor.parse(new String[] {"137438953408"})).isEqualTo(Floor.MAX_SAMPLES);
    assertThatThrownBy(() -> Floor.parse(new String[] {})).hasMessageContaining("0 arguments");
  }
}
