package dev.avil.tools;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.train.Cells;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link ConvolutionCheck} judges an outcome and refuses a count it cannot check. Whether this
 * machine's kernels give the same finite gradient pass after pass is a fact about the machine, not
 * the code: that check carries the tag {@code machine} and runs with {@code -P machine}.
 */
class ConvolutionCheckTest {
  @Test
  @Tag("machine")
  void channelsLastGivesTheSameFiniteGradientEveryPass() {
    Callable<ConvolutionCheck.Outcome> check = () -> ConvolutionCheck.run(true, 60);
    ConvolutionCheck.Outcome onCell = Cells.run(List.of(check), 1).get(0);
    ConvolutionCheck.Outcome onCaller = ConvolutionCheck.run(true, 60);
    for (ConvolutionCheck.Outcome o : List.of(onCell, onCaller)) {
      assertThat(o.passes()).isEqualTo(60);
      assertThat(o.differing()).isZero();
      assertThat(o.nonFinite()).isZero();
      assertThat(o.norm()).isGreaterThan(1e-3); // a gradient was there to compare
      assertThat(o.stable()).isTrue();
    }
    // the same batch and weights on either thread setting: the same gradient up to rounding
    assertThat(onCell.norm()).isCloseTo(onCaller.norm(), org.assertj.core.data.Offset.offset(1e-3));
  }

  @Test
  void anUnstableOutcomeIsNotStable() {
    assertThat(new ConvolutionCheck.Outcome(10, 1, 0, 1).stable()).isFalse();
    assertThat(new ConvolutionCheck.Outcome(10, 0, 1, 1).stable()).isFalse();
  }

  @Test
  void refusesFewerThanOnePass() {
    assertRefused(() -> ConvolutionCheck.run(true, 0), "repeats 0");
  }
}
