package dev.avil.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link KernelCheck}'s one optional argument: bad input names the value and what is accepted. */
class KernelCheckTest {
  @Test
  void takesAnOptionalWholeNumberOfPasses() {
    assertThat(KernelCheck.parse(new String[] {})).isEqualTo(300);
    assertThat(KernelCheck.parse(new String[] {"25"})).isEqualTo(25);
  }

  @Test
  void refusesWhatIsNotANumberOfPasses() {
    assertThatThrownBy(() -> KernelCheck.parse(new String[] {"many"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'many'")
        .hasMessageContaining("a whole number from 1");
    assertThatThrownBy(() -> KernelCheck.parse(new String[] {"0"})).hasMessageContaining("'0'");
    assertThatThrownBy(() -> KernelCheck.parse(new String[] {"1", "2"}))
        .hasMessageContaining("2 arguments");
  }
}
