package dev.avil.data;

import dev.avil.model.Trunk;
import dev.avil.task.Shuffle;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.text.EncodingProgress;
import dev.avil.text.MiniLmTrunk;
import dev.avil.text.TextEncoder;
import dev.avil.text.TokenStateEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The text setting: the language-understanding half of the αVIL paper, offline, on a frozen
 * pretrained encoder (all-MiniLM-L6-v2, {@link TextEncoder#miniLm()}) instead of a fine-tuned
 * RoBERTa. Texts come from {@link TextData}; every task's inputs are their 384-number vectors.
 *
 * <ul>
 *   <li><b>target</b> {@code review}: is an Amazon fine-food review "great" (5 stars) or "other"?
 *       1,000 training reviews, 1,000 dev reviews (half tune α, half select the model), and the
 *       1,000 test reviews (658 great, so the majority class scores .658);
 *   <li>{@code review-aux}: the same question on the other 2,000 training reviews, with their true
 *       labels: a positive control;
 *   <li>{@code review-noise}: those 2,000 reviews with random labels: a harmful task;
 *   <li>{@code word-polarity}: positive or negative, for words of the Bing Liu opinion lexicon
 *       (6,786 words): related, but single words, not reviews;
 *   <li>{@code tweet-device}: was a tweet of Donald Trump's sent from Android or iPhone (8,614
 *       tweets): expected to be unrelated.
 * </ul>
 *
 * <p>Every auxiliary task trains on 2,000 examples, as many as the other reviews, so that no task
 * outweighs the others by its size under uniform weights, and an epoch stays short.
 *
 * <p>The 4,000 training reviews are shuffled once with a fixed seed (0) and laid out as target
 * train, dev, then the auxiliary reviews, so the dev reviews are in no task's training data. The
 * lexicon and tweets are shuffled with the same seed and split 10% test, 10% dev, and the first
 * 2,000 of the rest for training. All texts are encoded in one call, so a first load shows one
 * progress bar (about 12,000 texts: minutes on 2 cores); later loads read the cached vectors.
 *
 * <pre>{@code
 * FineFoodSentiment text = FineFoodSentiment.load();
 * Experiment.target(text.target()).aux(text.auxiliary()).compare(...)
 * FineFoodSentiment small = FineFoodSentiment.atMost(200);   // every split cut to 200 examples
 * }</pre>
 *
 * @param target the target: review sentiment on 1,000 training reviews
 * @param otherReviews the positive control: the other 2,000 training reviews with their labels
 * @param randomLabels the harmful task: those 2,000 reviews with random labels
 * @param wordPolarity word polarity from the opinion lexicon
 * @param tweetDevice tweet device, Android or iPhone
 */
public record FineFoodSentiment(
    Task target, Task otherReviews, Task randomLabels, Task wordPolarity, Task tweetDevice) {
  private static final int TARGET_TRAIN = 1_000;
  private static final int DEV = 1_000;
  private static final int AUX_TRAIN = 2_000;

  /** The share of the lexicon, and of the tweets, that each of dev and test gets. */
  private static final double HELD_OUT = 0.1;

  private static final long LAYOUT_SEED = 0;

  /**
   * The tokens of each text the fine-tuned setting reads: the top layers' cost grows with the
   * square of the longest text in a batch, and three reviews in four are shorter.
   */
  private static final int MAX_TOKENS = 128;

  /**
   * The full setting, encoded with the built-in encoder (cached on disk).
   *
   * @return the setting
   */
  public static FineFoodSentiment load() {
    return build(Integer.MAX_VALUE, TextEncoder.miniLm(), true);
  }

  /**
   * The full setting, encoded with {@code encoder}.
   *
   * @param encoder the text encoder
   * @return the setting
   */
  public static FineFoodSentiment load(TextEncoder encoder) {
    return build(Integer.MAX_VALUE, encoder, true);
  }

  /**
   * The setting on the encoder itself: the top {@code trainable} of MiniLM's 6 layers train, for
   * every task, over the states of the layers below, computed once for all its texts ({@link
   * dev.avil.text.TokenStates}, each text cut to 128 tokens); each example is its text's index, and
   * {@link FineTuned#trunk()} reads it.
   *
   * @param examples the most examples per split, as {@link #atMost}; {@code Integer.MAX_VALUE} for
   *     the full setting
   * @param trainable how many of the top layers train, in [1, 6]
   * @return the tasks and the trunk
   */
  public static FineTuned fineTuned(int examples, int trainable) {
    if (trainable < 1 || trainable > 6) {
      throw new IllegalArgumentException("trainable layers " + trainable + " must be in [1, 6]");
    }
    TokenStateEncoder encoder =
        new TokenStateEncoder(6 - trainable, MAX_TOKENS, EncodingProgress.createDefault());
    FineFoodSentiment tasks = build(examples, encoder, false);
    return new FineTuned(tasks, MiniLmTrunk.of(encoder.states()));
  }

  /**
   * The setting on the encoder: its tasks, whose examples are text indices, and the trunk that
   * fine-tunes MiniLM's top layers over them.
   *
   * @param tasks the target and auxiliary tasks
   * @param trunk the trunk every run of this setting must use
   */
  public record FineTuned(FineFoodSentiment tasks, Trunk trunk) {}

  /**
   * A small version for quick runs and tests: every split of every task cut to its first {@code
   * examples} examples (the layout is the same, so a small setting's examples are all in the full
   * one).
   *
   * @param examples the most examples per split, at least 2
   * @return the setting
   */
  public static FineFoodSentiment atMost(int examples) {
    if (examples < 2) {
      throw new IllegalArgumentException(
          "at most " + examples + " examples per split: give at least 2");
    }
    return build(examples, TextEncoder.miniLm(), true);
  }

  private static FineFoodSentiment build(int cap, TextEncoder encoder, boolean scale) {
    List<TextData.Review> trainReviews = new ArrayList<>();
    List<TextData.Review> testReviews = new ArrayList<>();
    for (TextData.Review r : TextData.reviews()) {
      (r.split().equals("train") ? trainReviews : testReviews).add(r);
    }
    List<TextData.Review> shuffled = shuffled(trainReviews);
    List<TextData.Review> dev = first(shuffled.subList(TARGET_TRAIN, TARGET_TRAIN + DEV), cap);
    List<TextData.Review> test = first(testReviews, cap);
    List<List<TextData.Review>> target =
        List.of(first(shuffled.subList(0, TARGET_TRAIN), cap), dev, test);
    List<List<TextData.Review>> other =
        List.of(first(shuffled.subList(TARGET_TRAIN + DEV, shuffled.size()), cap), dev, test);
    List<List<TextData.Word>> words = split(TextData.lexicon(), cap);
    List<List<TextData.Tweet>> tweets = split(TextData.tweets(), cap);

    // every text in one encoder call: one progress bar, and each text encoded once
    List<String> all = new ArrayList<>();
    target.forEach(part -> part.forEach(r -> all.add(r.text())));
    other.get(0).forEach(r -> all.add(r.text()));
    words.forEach(part -> part.forEach(w -> all.add(w.word())));
    tweets.forEach(part -> part.forEach(t -> all.add(t.text())));
    TextEncoder once = Memo.of(encoder, all);

    BiFunction<String, List<List<TextData.Review>>, Task> reviews =
        (name, parts) ->
            task(
                name,
                parts,
                TextData.Review::text,
                TextData.Review::label,
                once,
                scale,
                "other",
                "great");
    Task review = reviews.apply("review", target);
    Task aux = reviews.apply("review-aux", other);
    return new FineFoodSentiment(
        review,
        aux,
        Tasks.randomLabels("review-noise", aux, LAYOUT_SEED),
        task(
            "word-polarity",
            words,
            TextData.Word::word,
            TextData.Word::polarity,
            once,
            scale,
            "negative",
            "positive"),
        task(
            "tweet-device",
            tweets,
            TextData.Tweet::text,
            TextData.Tweet::device,
            once,
            scale,
            "android",
            "iphone"));
  }

  /**
   * Train, dev and test parts of a shuffled list: test and dev {@link #HELD_OUT} each, training the
   * first {@link #AUX_TRAIN} of the rest; each part cut to {@code cap}.
   */
  private static <T> List<List<T>> split(List<T> items, int cap) {
    List<T> s = shuffled(items);
    int nTest = (int) Math.round(s.size() * HELD_OUT);
    int nDev = (int) Math.round(s.size() * HELD_OUT);
    return List.of(
        first(first(s.subList(nTest + nDev, s.size()), cap), AUX_TRAIN),
        first(s.subList(nTest, nTest + nDev), cap),
        first(s.subList(0, nTest), cap));
  }

  private static <T> List<T> shuffled(List<T> items) {
    int[] order = Shuffle.permutation(items.size(), new SplittableRandom(LAYOUT_SEED));
    List<T> out = new ArrayList<>(items.size());
    for (int i : order) {
      out.add(items.get(i));
    }
    return out;
  }

  /** The vectors of a fixed set of texts, computed by one call to the encoder. */
  private record Memo(String id, Map<String, float[]> vectors) implements TextEncoder {
    static Memo of(TextEncoder encoder, List<String> texts) {
      float[][] v = encoder.encode(texts);
      Map<String, float[]> m = new HashMap<>();
      for (int i = 0; i < v.length; i++) {
        m.put(texts.get(i), v[i]);
      }
      return new Memo(encoder.id(), m);
    }

    @Override
    public float[][] encode(List<String> texts) {
      return texts.stream().map(t -> vectors.get(t).clone()).toArray(float[][]::new);
    }
  }

  /** A task of the items in {@code parts} (train, dev, test), their texts and labels. */
  private static <T> Task task(
      String name,
      List<List<T>> parts,
      Function<T, String> text,
      Function<T, String> label,
      TextEncoder encoder,
      boolean scale,
      String... classes) {
    return Tasks.fromText(name)
        .scaleVectors(scale)
        .train(map(parts.get(0), text), map(parts.get(0), label))
        .dev(map(parts.get(1), text), map(parts.get(1), label))
        .test(map(parts.get(2), text), map(parts.get(2), label))
        .classes(classes)
        .encoder(encoder)
        .build();
  }

  private static <T> List<String> map(List<T> items, Function<T, String> f) {
    return items.stream().map(f).toList();
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }

  /**
   * The four auxiliary tasks: other reviews, random labels, word polarity, tweet device.
   *
   * @return the tasks, in that order
   */
  public Task[] auxiliary() {
    return new Task[] {otherReviews, randomLabels, wordPolarity, tweetDevice};
  }
}
