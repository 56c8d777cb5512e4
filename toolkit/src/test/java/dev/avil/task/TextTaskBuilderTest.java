package dev.avil.task;

import static dev.avil.task.Share.dev;
import static dev.avil.task.Share.test;
import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.text.TextEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks from texts, on a stand-in encoder (text length and vowel count) so no model is needed. */
class TextTaskBuilderTest {
  private static final List<List<String>> CALLS = new ArrayList<>();

  private static final TextEncoder LENGTHS =
      new TextEncoder() {
        @Override
        public String id() {
          return "lengths";
        }

        @Override
        public float[][] encode(List<String> texts) {
          CALLS.add(texts);
          return texts.stream()
              .map(t -> new float[] {t.length(), t.replaceAll("[^aeiou]", "").length()})
              .toArray(float[][]::new);
        }
      };

  private static final List<String> TEXTS =
      List.of(
          "a",
          "bb",
          "ccc",
          "dddd",
          "eeeee",
          "ffffff",
          "ggggggg",
          "hhhhhhhh",
          "iiiiiiiii",
          "jjjjjjjjjj");
  private static final List<String> LABELS =
      List.of("short", "short", "short", "short", "short", "long", "long", "long", "long", "long");

  @Test
  void trainDevTestAreEncodedInOneCallWithClassesInTheGivenOrder() {
    CALLS.clear();
    Task t =
        Tasks.fromText("size")
            .train(TEXTS.subList(0, 6), LABELS.subList(0, 6))
            .dev(List.of("xx", "yyyyyyy"), List.of("short", "long"))
            .test(List.of("z", "zzzzzzzzzz"), List.of("short", "long"))
            .classes("short", "long")
            .encoder(LENGTHS)
            .build();
    assertThat(CALLS).hasSize(1);
    assertThat(t.classes()).isEqualTo(2);
    assertThat(t.inputShape()).containsExactly(2);
    assertThat(t.train().size()).isEqualTo(6);
    assertThat(t.train().label(0)).isZero();
    assertThat(t.train().label(5)).isEqualTo(1);
    assertThat(t.test().label(1)).isEqualTo(1);
  }

  @Test
  void examplesAreSplitByNamedShares() {
    Task t =
        Tasks.fromText("size")
            .examples(TEXTS, LABELS)
            .split(dev(0.2), test(0.3))
            .splitSeed(3)
            .encoder(LENGTHS)
            .build();
    assertThat(t.dev().size()).isEqualTo(2);
    assertThat(t.test().size()).isEqualTo(3);
    assertThat(t.train().size()).isEqualTo(5);
    // classes default to sorted labels: long = 0, short = 1
    Task sorted =
        Tasks.fromText("size")
            .train(TEXTS, LABELS)
            .dev(TEXTS, LABELS)
            .test(TEXTS, LABELS)
            .encoder(LENGTHS)
            .build();
    assertThat(sorted.train().label(0)).isEqualTo(1);
  }

  @Test
  void vectorsAreScaledToLengthRootDUnlessTurnedOff() {
    Task scaled = Tasks.fromText("size").examples(TEXTS, LABELS).encoder(LENGTHS).build();
    Task raw =
        Tasks.fromText("size").examples(TEXTS, LABELS).encoder(LENGTHS).scaleVectors(false).build();
    float[] s = scaled.train().first(1).features();
    float[] r = raw.train().first(1).features();
    assertThat(Math.hypot(s[0], s[1]))
        .isCloseTo(Math.sqrt(2), org.assertj.core.api.Assertions.within(1e-5));
    assertThat(s[1] / s[0]).isCloseTo(r[1] / r[0], org.assertj.core.api.Assertions.within(1e-5f));
  }

  @Test
  void badInputsAreNamed() {
    assertRefused(
        () -> Tasks.fromText("t").train(TEXTS, LABELS.subList(0, 3)), "10 texts but 3 labels");
    assertRefused(
        () -> Tasks.fromText("t").split(test(0.5), test(0.2)),
        "split(test(0.5), test(0.2)) needs one dev(...) and one test(...)");
    assertRefused(
        () -> Tasks.fromText("t").train(TEXTS, LABELS).encoder(LENGTHS).build(),
        "needs either train, dev and test");
    assertRefused(
        () ->
            Tasks.fromText("t")
                .examples(TEXTS, LABELS)
                .classes("short", "tall")
                .encoder(LENGTHS)
                .build(),
        "label 'long'",
        "[short, tall]");
    assertRefused(() -> Tasks.fromText("a,b"), "task name");
  }
}
