package dev.avil.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The toolkit's promise for bad input, as one assertion: a clear error that names it. */
public final class Refusals {
  private Refusals() {}

  /**
   * Asserts that {@code call} throws an {@link IllegalArgumentException} whose message contains
   * every one of {@code fragments}: typically the value given and what is accepted.
   */
  public static void assertRefused(ThrowingCallable call, String... fragments) {
    var thrown = assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class);
    for (String f : fragments) {
      thrown.hasMessageContaining(f);
    }
  }
}
