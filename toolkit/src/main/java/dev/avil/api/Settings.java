package dev.avil.api;

import dev.avil.data.FineFoodSentiment;
import dev.avil.data.MultiMnist;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import java.util.List;
import java.util.Locale;

/**
 * The named experiment settings of the study, the main job, the benchmark and the notebooks,
 * defined once. Each is an {@link Experiment} with its target and auxiliary tasks set and every
 * other option at its default.
 *
 * <pre>{@code
 * Comparison c = Settings.mnistNegative().epochs(100).patience(10)
 *     .compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3).run();
 * Experiment e = Settings.named("fashion-positive");
 * }</pre>
 *
 * <p>On MultiMNIST (and MultiFashion, the same on Fashion-MNIST) the target is the left digit
 * with 1,000 training images. <em>Negative transfer</em>: the auxiliary tasks are the right digit
 * and random labels, each on the 6,000 images after the target's. <em>Positive transfer</em>: the
 * left digit on those 6,000 images, and random labels. <em>Text</em>: review sentiment with text
 * auxiliary tasks.
 */
public final class Settings {
  /** The names {@link #named} accepts. */
  public static final List<String> NAMES = List.of("mnist-negative", "mnist-positive", "fashion-negative", "fashion-positive", "text-sentiment");

  private Settings() {}

  /** MultiMNIST, negative transfer: auxiliary right digit and random labels. */
  public static Experiment mnistNegative() {
    return multi(MultiMnist.load(0), false);
  }

  /** MultiMNIST, positive transfer: auxiliary left digit on other images, and random labels. */
  public static Experiment mnistPositive() {
    return multi(MultiMnist.load(0), true);
  }

  /** MultiFashion, negative transfer. */
  public static Experiment fashionNegative() {
    return multi(MultiMnist.fashion(0), false);
  }

  /** MultiFashion, positive transfer. */
  public static Experiment fashionPositive() {
    return multi(MultiMnist.fashion(0), true);
  }

  /**
   * Review sentiment on frozen MiniLM sentence vectors, with four auxiliary text tasks ({@link
   * FineFoodSentiment}: word polarity, other reviews with their labels, the same with random
   * labels, tweet source).
   */
  public static Experiment textSentiment() {
    FineFoodSentiment text = FineFoodSentiment.load();
    return Experiment.target(text.target()).aux(text.auxiliary());
  }

  /**
   * The setting called {@code name}, one of {@link #NAMES}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static Experiment named(String name) {
    return switch (name == null ? "" : name.toLowerCase(Locale.ROOT)) {
      case "mnist-negative" -> mnistNegative();
      case "mnist-positive" -> mnistPositive();
      case "fashion-negative" -> fashionNegative();
      case "fashion-positive" -> fashionPositive();
      case "text-sentiment" -> textSentiment();
      default -> throw new IllegalArgumentException("unknown setting '" + name + "'; accepted: " + NAMES);
    };
  }

  private static Experiment multi(MultiMnist mm, boolean positive) {
    Task left = mm.left().trainSize(1_000);
    Task helper = positive
        ? mm.left().named(mm.left().name() + "-aux").trainSlice(1_000, 7_000)
        : mm.right().trainSlice(1_000, 7_000);
    return Experiment.target(left).aux(helper, Tasks.randomLabels("noise", helper, 0));
  }
}
