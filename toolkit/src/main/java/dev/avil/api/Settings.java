package dev.avil.api;

import dev.avil.data.FineFoodSentiment;
import dev.avil.data.MultiMnist;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.train.Optimizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The named experiment settings of the study, the main job, the benchmark and the notebooks,
 * defined once. Each is an {@link Experiment} with its target and auxiliary tasks set and every
 * other option at its default.
 *
 * <pre>{@code
 * Comparison c = Settings.mnistNegative().epochs(100).patience(10)
 *     .compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3).run();
 * Experiment e = Settings.named("fashion-positive");
 * Experiment quick = Settings.mnistNegative(Settings.Scale.QUICK);   // fewer images per task
 * }</pre>
 *
 * <p>On MultiMNIST (and MultiFashion, the same on Fashion-MNIST) the target is the left digit with
 * 1,000 training images. <em>Negative transfer</em>: the auxiliary tasks are the right digit and
 * random labels, each on the 6,000 images after the target's. <em>Positive transfer</em>: the left
 * digit on those 6,000 images, and random labels. <em>Text</em>: review sentiment with text
 * auxiliary tasks. {@link Scale#QUICK} shrinks the image settings for notebooks in quick mode and
 * for tests.
 */
public final class Settings {
  /**
   * The study's settings: the four image settings and the text setting on the fine-tuned encoder.
   */
  public static final List<String> STUDY =
      List.of(
          "mnist-negative",
          "mnist-positive",
          "fashion-negative",
          "fashion-positive",
          "text-finetuned");

  /**
   * Every name {@link #named} accepts besides drawn settings: the study's and {@code text-frozen}.
   */
  public static final List<String> NAMES =
      Stream.concat(STUDY.stream(), Stream.of("text-frozen")).toList();

  /** How many training images the tasks of a MultiMNIST or MultiFashion setting get. */
  public enum Scale {
    /** The study's: the target on 1,000 images, each auxiliary task on the 6,000 after them. */
    FULL(1_000, 6_000),
    /** For quick runs and tests: the target on 500 images, each auxiliary task on 1,000 after. */
    QUICK(500, 1_000);

    private final int target;
    private final int auxiliary;

    Scale(int target, int auxiliary) {
      this.target = target;
      this.auxiliary = auxiliary;
    }
  }

  private Settings() {}

  /** MultiMNIST, negative transfer (auxiliary: right digit, random labels), at full scale. */
  public static Experiment mnistNegative() {
    return mnistNegative(Scale.FULL);
  }

  /** MultiMNIST, positive transfer (auxiliary: left digit on other images, random labels). */
  public static Experiment mnistPositive() {
    return mnistPositive(Scale.FULL);
  }

  /** MultiFashion, negative transfer, at full scale. */
  public static Experiment fashionNegative() {
    return fashionNegative(Scale.FULL);
  }

  /** MultiFashion, positive transfer, at full scale. */
  public static Experiment fashionPositive() {
    return fashionPositive(Scale.FULL);
  }

  /** {@link #mnistNegative()} with as many images as {@code scale} gives each task. */
  public static Experiment mnistNegative(Scale scale) {
    return multi(MultiMnist.load(0), false, scale);
  }

  /** {@link #mnistPositive()} with as many images as {@code scale} gives each task. */
  public static Experiment mnistPositive(Scale scale) {
    return multi(MultiMnist.load(0), true, scale);
  }

  /** {@link #fashionNegative()} with as many images as {@code scale} gives each task. */
  public static Experiment fashionNegative(Scale scale) {
    return multi(MultiMnist.fashion(0), false, scale);
  }

  /** {@link #fashionPositive()} with as many images as {@code scale} gives each task. */
  public static Experiment fashionPositive(Scale scale) {
    return multi(MultiMnist.fashion(0), true, scale);
  }

  /**
   * Review sentiment on frozen MiniLM sentence vectors, named {@code text-frozen}, with four
   * auxiliary text tasks ({@link FineFoodSentiment}: other reviews with their labels, the same with
   * random labels, word polarity, tweet source): the tasks share a small MLP on fixed vectors, so
   * an epoch takes a second. The cheaper stand-in for {@link #textFineTuned()}.
   *
   * @return the experiment
   */
  public static Experiment textFrozen() {
    FineFoodSentiment text = FineFoodSentiment.load();
    return Experiment.target(text.target()).aux(text.auxiliary());
  }

  /**
   * The study's text setting, named {@code text-finetuned}: the tasks of {@link #textFrozen()} on
   * the encoder itself. The top of MiniLM's six layers trains for every task over the fixed states
   * of the five below ({@link FineFoodSentiment#fineTuned}), with AdamW at 1e-4, the rate at which
   * fine-tuning learns here within a few epochs. An epoch takes a minute or more, not a second.
   *
   * @return the experiment
   */
  public static Experiment textFineTuned() {
    FineFoodSentiment.FineTuned text = FineFoodSentiment.fineTuned(Integer.MAX_VALUE, 1);
    return Experiment.target(text.tasks().target())
        .aux(text.tasks().auxiliary())
        .trunk(text.trunk())
        .optimizer(Optimizer.adamW())
        .learningRate(1e-4);
  }

  /**
   * The setting called {@code name}: one of {@link #NAMES}, at full scale, or a {@link
   * DrawnSetting} by its name ({@code gen-N}) or recipe.
   *
   * @param name the setting's name
   * @return the experiment
   * @throws IllegalArgumentException for any other name
   */
  public static Experiment named(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "mnist-negative" -> mnistNegative();
      case "mnist-positive" -> mnistPositive();
      case "fashion-negative" -> fashionNegative();
      case "fashion-positive" -> fashionPositive();
      case "text-finetuned" -> textFineTuned();
      case "text-frozen" -> textFrozen();
      default -> {
        if (name != null && (name.startsWith("gen-") || name.contains(":"))) {
          yield DrawnSetting.parse(name).experiment();
        }
        throw new IllegalArgumentException(
            "unknown setting '"
                + name
                + "'; accepted: "
                + NAMES
                + ", gen-N (a drawn setting, see DrawnSetting) or a drawn setting's recipe");
      }
    };
  }

  private static Experiment multi(MultiMnist mm, boolean positive, Scale scale) {
    Task left = mm.left().trainSize(scale.target);
    Task helper = positive ? mm.left().named(mm.left().name() + "-aux") : mm.right();
    helper = helper.trainAfter(scale.target).trainSize(scale.auxiliary);
    return Experiment.target(left).aux(helper, Tasks.randomLabels("noise", helper, 0));
  }
}
