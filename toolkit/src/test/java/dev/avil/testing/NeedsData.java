package dev.avil.testing;

import dev.avil.data.Datasets;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test that reads the data {@code data/setup.sh} obtains: tagged {@code data} (so {@code -P
 * quick} leaves it out), and skipped, with the reason, where the data is missing, never failed for
 * it.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("data")
@ExtendWith(NeedsData.Condition.class)
public @interface NeedsData {
  /** Skips the test, naming what is missing and the command that obtains it. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return Datasets.missing()
          .map(why -> ConditionEvaluationResult.disabled("skipped: " + why))
          .orElseGet(() -> ConditionEvaluationResult.enabled("the set-up's data is there"));
    }
  }
}
