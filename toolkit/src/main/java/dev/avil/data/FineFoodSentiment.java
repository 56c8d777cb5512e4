package dev.avil.data;

import dev.avil.task.Shuffle;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.text.TextEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
 */
public final class FineFoodSentiment {
  private static final int TARGET_TRAIN = 1_000;
  private static final int DEV = 1_000;
  private static final int AUX_TRAIN = 2_000;
  private static final double SHARE_DEV = 0.1;
  private static final double SHARE_TEST = 0.1;
  private static final long LAYOUT_SEED = 0;

  private final Task target;
  private final Task otherReviews;
  private final Task randomLabels;
  private final Task wordPolarity;
  private final Task tweetDevice;

  private FineFoodSentiment(Task target, Task otherReviews, Task randomLabels, Task wordPolarity, Task tweetDevice) {
    this.target = target;
    this.otherReviews = otherReviews;
    this.randomLabels = randomLabels;
    this.wordPolarity = wordPolarity;
    this.tweetDevice = tweetDevice;
  }

  /** The full setting, encoded with the built-in encoder (cached on disk). */
  public static FineFoodSentiment load() {
    return build(Integer.MAX_VALUE, TextEncoder.miniLm());
  }

  /** The full setting, encoded with {@code encoder}. */
  public static FineFoodSentiment load(TextEncoder encoder) {
    return build(Integer.MAX_VALUE, encoder);
  }

  /**
   * A small version for quick runs and tests: every split of every task cut to its first {@code
   * examples} examples (the layout is the same, so a small setting's examples are all in the full
   * one).
   */
  public static FineFoodSentiment atMost(int examples) {
    if (examples < 2) {
      throw new IllegalArgumentException("at most " + examples + " examples per split: give at least 2");
    }
    return build(examples, TextEncoder.miniLm());
  }

  private static FineFoodSentiment build(int cap, TextEncoder encoder) {
    List<TextData.Review> trainReviews = new ArrayList<>();
    List<TextData.Review> testReviews = new ArrayList<>();
    for (TextData.Review r : TextData.reviews()) {
      (r.split().equals("train") ? trainReviews : testReviews).add(r);
    }
    List<TextData.Review> shuffled = shuffled(trainReviews);
    List<TextData.Review> targetTrain = first(shuffled.subList(0, TARGET_TRAIN), cap);
    List<TextData.Review> dev = first(shuffled.subList(TARGET_TRAIN, TARGET_TRAIN + DEV), cap);
    List<TextData.Review> auxTrain = first(shuffled.subList(TARGET_TRAIN + DEV, shuffled.size()), cap);
    List<TextData.Review> test = first(testReviews, cap);
    List<List<TextData.Word>> words = split(TextData.lexicon(), cap);
    List<List<TextData.Tweet>> tweets = split(TextData.tweets(), cap);
    words = List.of(first(words.get(0), AUX_TRAIN), words.get(1), words.get(2));
    tweets = List.of(first(tweets.get(0), AUX_TRAIN), tweets.get(1), tweets.get(2));

    // every text in one encoder call: one progress bar, and each text encoded once
    List<String> all = new ArrayList<>();
    for (List<TextData.Review> part : List.of(targetTrain, dev, test, auxTrain)) {
      part.forEach(r -> all.add(r.text()));
    }
    words.forEach(part -> part.forEach(w -> all.add(w.word())));
    tweets.forEach(part -> part.forEach(t -> all.add(t.text())));
    TextEncoder once = Memo.of(encoder, all);

    Task target = reviews("review", targetTrain, dev, test, once);
    Task other = reviews("review-aux", auxTrain, dev, test, once);
    Task noise = Tasks.randomLabels("review-noise", other, LAYOUT_SEED);
    Task polarity = Tasks.fromText("word-polarity")
        .train(words.get(0).stream().map(TextData.Word::word).toList(), words.get(0).stream().map(TextData.Word::polarity).toList())
        .dev(words.get(1).stream().map(TextData.Word::word).toList(), words.get(1).stream().map(TextData.Word::polarity).toList())
        .test(words.get(2).stream().map(TextData.Word::word).toList(), words.get(2).stream().map(TextData.Word::polarity).toList())
        .classes("negative", "positive")
        .encoder(once)
        .build();
    Task device = Tasks.fromText("tweet-device")
        .train(tweets.get(0).stream().map(TextData.Tweet::text).toList(), tweets.get(0).stream().map(TextData.Tweet::device).toList())
        .dev(tweets.get(1).stream().map(TextData.Tweet::text).toList(), tweets.get(1).stream().map(TextData.Tweet::device).toList())
        .test(tweets.get(2).stream().map(TextData.Tweet::text).toList(), tweets.get(2).stream().map(TextData.Tweet::device).toList())
        .classes("android", "iphone")
        .encoder(once)
        .build();
    return new FineFoodSentiment(target, other, noise, polarity, device);
  }

  /** Train, dev and test parts (10% each for dev and test) of a shuffled list, each cut to {@code cap}. */
  private static <T> List<List<T>> split(List<T> items, int cap) {
    List<T> s = shuffled(items);
    int nTest = (int) Math.round(s.size() * SHARE_TEST);
    int nDev = (int) Math.round(s.size() * SHARE_DEV);
    return List.of(
        first(s.subList(nTest + nDev, s.size()), cap), first(s.subList(nTest, nTest + nDev), cap), first(s.subList(0, nTest), cap));
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

  private static Task reviews(String name, List<TextData.Review> train, List<TextData.Review> dev, List<TextData.Review> test, TextEncoder encoder) {
    return Tasks.fromText(name)
        .train(texts(train), labels(train))
        .dev(texts(dev), labels(dev))
        .test(texts(test), labels(test))
        .classes("other", "great")
        .encoder(encoder)
        .build();
  }

  private static List<String> texts(List<TextData.Review> r) {
    return r.stream().map(TextData.Review::text).toList();
  }

  private static List<String> labels(List<TextData.Review> r) {
    return r.stream().map(TextData.Review::label).toList();
  }

  private static <T> List<T> first(List<T> list, int n) {
    return list.subList(0, Math.min(n, list.size()));
  }

  /** The target: review sentiment on 1,000 training reviews. */
  public Task target() {
    return target;
  }

  /** The positive control: the other 2,000 training reviews with their true labels. */
  public Task otherReviews() {
    return otherReviews;
  }

  /** The harmful task: the other 2,000 training reviews with random labels. */
  public Task randomLabels() {
    return randomLabels;
  }

  /** Word polarity from the opinion lexicon. */
  public Task wordPolarity() {
    return wordPolarity;
  }

  /** Tweet device, Android or iPhone. */
  public Task tweetDevice() {
    return tweetDevice;
  }

  /** The four auxiliary tasks: other reviews, random labels, word polarity, tweet device. */
  public Task[] auxiliary() {
    return new Task[] {otherReviews, randomLabels, wordPolarity, tweetDevice};
  }

  @Override
  public String toString() {
    return "FineFoodSentiment[" + target + ", " + otherReviews + ", " + randomLabels + ", " + wordPolarity + ", " + tweetDevice + "]";
  }
}
