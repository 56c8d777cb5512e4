package dev.avil.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of the text setting, as plain tab-separated files in {@link Datasets#textDir()}:
 *
 * <ul>
 *   <li>{@code reviews.tsv}: Amazon fine-food reviews from R's {@code modeldata} package ({@code
 *       training_data}, 4,000 reviews, and {@code testing_data}, 1,000), with columns {@code split}
 *       ({@code train}/{@code test}), {@code product}, {@code label} ({@code great} for 5 stars,
 *       else {@code other}) and {@code text};
 *   <li>{@code lexicon.tsv}: the Bing Liu opinion lexicon from R's {@code tidytext} ({@code
 *       sentiments}, 6,786 words), columns {@code word} and {@code polarity};
 *   <li>{@code tweets.tsv}: Donald Trump's tweets sent from Android or iPhone, from R's {@code
 *       dslabs} ({@code trump_tweets}), columns {@code device} ({@code android}/{@code iphone}) and
 *       {@code text}.
 * </ul>
 *
 * <p>{@code data/setup.sh} writes the files once, from the packages' R data, with the tools
 * module's set-up reader; the texts are cleaned then.
 */
public final class TextData {
  /** File of the reviews. */
  public static final String REVIEWS = "reviews.tsv";

  /** File of the lexicon. */
  public static final String LEXICON = "lexicon.tsv";

  /** File of the tweets. */
  public static final String TWEETS = "tweets.tsv";

  private TextData() {}

  /**
   * A review.
   *
   * @param split {@code train} or {@code test} (modeldata's {@code training_data} or {@code
   *     testing_data})
   * @param product the product's Amazon id
   * @param label {@code great} (5 stars) or {@code other}
   * @param text the cleaned review
   */
  public record Review(String split, String product, String label, String text) {}

  /**
   * A lexicon entry.
   *
   * @param word the word
   * @param polarity {@code positive} or {@code negative}
   */
  public record Word(String word, String polarity) {}

  /**
   * A tweet.
   *
   * @param device {@code android} or {@code iphone}
   * @param text the cleaned tweet
   */
  public record Tweet(String device, String text) {}

  /** The 5,000 reviews, training reviews first, in modeldata's order. */
  public static List<Review> reviews() {
    return read(REVIEWS, 4).stream().map(r -> new Review(r[0], r[1], r[2], r[3])).toList();
  }

  /** The 6,786 lexicon entries, in tidytext's order. */
  public static List<Word> lexicon() {
    return read(LEXICON, 2).stream().map(r -> new Word(r[0], r[1])).toList();
  }

  /** The tweets from Android or iPhone, in dslabs's order. */
  public static List<Tweet> tweets() {
    return read(TWEETS, 2).stream().map(r -> new Tweet(r[0], r[1])).toList();
  }

  private static List<String[]> read(String file, int columns) {
    Path p = Datasets.textDir().resolve(file);
    List<String> lines;
    try {
      lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read "
              + p
              + "; write it by running, from the project's top folder:  "
              + Datasets.SETUP_COMMAND,
          e);
    }
    List<String[]> rows = new ArrayList<>(lines.size());
    for (int i = 1; i < lines.size(); i++) {
      String[] r = lines.get(i).split("\t", -1);
      if (r.length != columns) {
        throw new IllegalStateException(
            p
                + " line "
                + (i + 1)
                + " has "
                + r.length
                + " fields, expected "
                + columns
                + "; rewrite it with  "
                + Datasets.SETUP_COMMAND);
      }
      rows.add(r);
    }
    return rows;
  }
}
