package dev.avil.api;

import dev.avil.data.MultiMnist;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.weighting.MethodOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A setting drawn at random from the data the toolkit has, to judge a method on tasks it was not
 * tuned on. A target (the left or right item of MultiMNIST or MultiFashion, on 250 to 2,000
 * training images) and one to four auxiliary tasks from a pool, each on the same block of images
 * after the target's:
 *
 * <ul>
 *   <li>{@link Aux#OWN_MORE}: more data of the target's own task;
 *   <li>{@link Aux#OTHER_SIDE}: the other position's item;
 *   <li>{@link Aux#NOISE}: random labels;
 *   <li>{@link Aux#PARITY}: the target's task coarsened to the parity of its class;
 *   <li>{@link Aux#OTHER_DATA}: the target's position on the other data set's images.
 * </ul>
 *
 * <p>A setting is written down as its name, {@code gen-N} for the one drawn with seed N, or as its
 * recipe ({@link #recipe()}, for example {@code mnist-right-500-6000:own-more+other-side+noise}),
 * and either gives it back ({@link #parse}). Seeds 1 to 99 are the development family, on which
 * defaults may be screened and tuned; seeds from 101 the evaluation family, run once for a chosen
 * default.
 *
 * <pre>{@code
 * DrawnSetting s = DrawnSetting.draw(17);
 * s.describe();                                  // what was drawn
 * Comparison c = s.experiment().epochs(100).patience(10)
 *     .compare(Method.singleTask(), Method.alphaVil()).seeds(1, 2, 3).run();
 * }</pre>
 *
 * @param fashion MultiFashion rather than MultiMNIST
 * @param right the target is the right item rather than the left
 * @param targetSize the target's training images
 * @param auxSize each auxiliary task's training images, after the target's
 * @param aux the auxiliary tasks, in order
 */
public record DrawnSetting(
    boolean fashion, boolean right, int targetSize, int auxSize, List<Aux> aux) {
  /** The target sizes a draw takes from. */
  static final int[] TARGET_SIZES = {250, 500, 1_000, 2_000};

  /** The auxiliary sizes a draw takes from, each capped by what MultiMNIST has after the target. */
  static final int[] AUX_SIZES = {2_000, 4_000, 6_000};

  /** Training images of MultiMNIST (10,000 digits less 2,000 test and 1,000 dev). */
  private static final int MNIST_POOL = 7_000;

  /** The first seed of the evaluation family; seeds below it are the development family. */
  public static final int EVALUATION_FROM = 101;

  /** The kinds of auxiliary task a draw takes from. */
  public enum Aux {
    /** The target's task on other images. */
    OWN_MORE,
    /** The other position's item on the same images as the other auxiliary tasks. */
    OTHER_SIDE,
    /** Random labels on those images. */
    NOISE,
    /** The parity of the target's class on those images. */
    PARITY,
    /** The target's position on the other data set's composed images. */
    OTHER_DATA;

    /** The name in a recipe and of the task: {@code own-more}, {@code other-side}, … */
    public String id() {
      return MethodOptions.format(this);
    }

    static Aux fromId(String id) {
      Aux a = MethodOptions.constant(Aux.class, id);
      if (a != null) {
        return a;
      }
      throw new IllegalArgumentException(
          "unknown auxiliary task '"
              + id
              + "'; accepted: "
              + Arrays.stream(values()).map(Aux::id).toList());
    }
  }

  /** Checks the sizes and the tasks. */
  public DrawnSetting {
    if (targetSize < 1 || auxSize < 1 || targetSize + auxSize > MNIST_POOL) {
      throw new IllegalArgumentException(
          "target size "
              + targetSize
              + " and auxiliary size "
              + auxSize
              + " must be ≥ 1 and together at most "
              + MNIST_POOL
              + " (MultiMNIST's training images)");
    }
    if (aux == null || aux.isEmpty() || aux.size() != aux.stream().distinct().count()) {
      throw new IllegalArgumentException(
          "auxiliary tasks " + aux + " must be one or more distinct kinds");
    }
    aux = List.copyOf(aux);
  }

  /** The setting drawn with {@code seed}. */
  public static DrawnSetting draw(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    boolean fashion = r.nextBoolean();
    boolean right = r.nextBoolean();
    int target = TARGET_SIZES[r.nextInt(TARGET_SIZES.length)];
    int auxSize = Math.min(AUX_SIZES[r.nextInt(AUX_SIZES.length)], MNIST_POOL - target);
    List<Aux> pool = new ArrayList<>(List.of(Aux.values()));
    int k = 1 + r.nextInt(4);
    List<Aux> aux = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      aux.add(pool.remove(r.nextInt(pool.size())));
    }
    return new DrawnSetting(fashion, right, target, auxSize, aux);
  }

  /** The development family: its first {@code n} distinct settings, from seed 1. */
  public static List<String> developmentFamily(int n) {
    return family(1, n);
  }

  /**
   * The evaluation family: its first {@code n} distinct settings, from {@link #EVALUATION_FROM}.
   */
  public static List<String> evaluationFamily(int n) {
    return family(EVALUATION_FROM, n);
  }

  /**
   * The first {@code n} distinct settings drawn from seed {@code from} on: a seed whose draw
   * repeats an earlier one's recipe is passed over, since it would only run the same setting again.
   */
  public static List<String> family(int from, int n) {
    if (from < 1 || n < 0) {
      throw new IllegalArgumentException(
          "family from seed " + from + " of " + n + " settings: accepted are a seed ≥ 1 and n ≥ 0");
    }
    List<String> names = new ArrayList<>();
    Set<String> recipes = new HashSet<>();
    for (int seed = from; names.size() < n; seed++) {
      if (recipes.add(draw(seed).recipe())) {
        names.add("gen-" + seed);
      }
    }
    return names;
  }

  /**
   * The setting a name or recipe stands for: {@code gen-N} is {@link #draw draw(N)}; a recipe is
   * {@code DATA-SIDE-TARGET-AUX:KIND+KIND…} as {@link #recipe()} writes it.
   *
   * @throws IllegalArgumentException for anything else, naming it and the accepted forms
   */
  public static DrawnSetting parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher gen = GEN.matcher(s);
    if (gen.matches()) {
      return draw(Long.parseLong(gen.group(1)));
    }
    java.util.regex.Matcher m = RECIPE.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' is not a drawn setting; accepted: gen-N (N a seed) or a recipe such as"
              + " mnist-right-500-6000:own-more+other-side+noise");
    }
    return new DrawnSetting(
        m.group(1).equals("fashion"),
        m.group(2).equals("right"),
        Integer.parseInt(m.group(3)),
        Integer.parseInt(m.group(4)),
        Arrays.stream(m.group(5).split("\\+")).map(Aux::fromId).toList());
  }

  private static final java.util.regex.Pattern GEN =
      java.util.regex.Pattern.compile("gen-(\\d{1,9})");

  private static final java.util.regex.Pattern RECIPE =
      java.util.regex.Pattern.compile(
          "(mnist|fashion)-(left|right)-(\\d{1,5})-(\\d{1,5}):([a-z+-]+)");

  /** The recipe that gives this setting back through {@link #parse}. */
  public String recipe() {
    return (fashion ? "fashion" : "mnist")
        + "-"
        + (right ? "right" : "left")
        + "-"
        + targetSize
        + "-"
        + auxSize
        + ":"
        + String.join("+", aux.stream().map(Aux::id).toList());
  }

  /** The setting in words. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "%s, target the %s item on %,d training images; auxiliary on %,d images each: %s",
        fashion ? "MultiFashion" : "MultiMNIST",
        right ? "right" : "left",
        targetSize,
        auxSize,
        String.join(", ", aux.stream().map(Aux::id).toList()));
  }

  /** The experiment: target and auxiliary tasks set, every other option at its default. */
  public Experiment experiment() {
    MultiMnist data = fashion ? MultiMnist.fashion(0) : MultiMnist.load(0);
    Task own = right ? data.right() : data.left();
    Task block = own.trainAfter(targetSize).trainSize(auxSize);
    List<Task> tasks = new ArrayList<>();
    for (Aux a : aux) {
      tasks.add(
          switch (a) {
            case OWN_MORE -> block.named(a.id());
            case OTHER_SIDE ->
                (right ? data.left() : data.right())
                    .trainAfter(targetSize)
                    .trainSize(auxSize)
                    .named(a.id());
            case NOISE -> Tasks.randomLabels(a.id(), block, 0);
            case PARITY -> Tasks.relabel(a.id(), block, 2, y -> y % 2);
            case OTHER_DATA -> {
              MultiMnist other = fashion ? MultiMnist.load(0) : MultiMnist.fashion(0);
              Task side = right ? other.right() : other.left();
              yield side.trainAfter(targetSize).trainSize(auxSize).named(a.id());
            }
          });
    }
    return Experiment.target(own.trainSize(targetSize)).aux(tasks.toArray(Task[]::new));
  }
}
