package dev.avil.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

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
 * <p>Texts are cleaned once, here: HTML line breaks ({@code <br />}) and any run of white space
 * become one space, and {@code &amp;}, {@code &lt;}, {@code &gt;} and {@code &quot;} are decoded.
 *
 * <p>{@link #main} writes the files from the packages' R data (see {@link Rdata}); the project's
 * {@code data/setup.sh} runs it. It depends only on {@link Rdata} and {@link Datasets}, so the
 * set-up compiles the three files without building the toolkit.
 */
public final class TextData {
  /** File of the reviews. */
  public static final String REVIEWS = "reviews.tsv";

  /** File of the lexicon. */
  public static final String LEXICON = "lexicon.tsv";

  /** File of the tweets. */
  public static final String TWEETS = "tweets.tsv";

  private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACE = Pattern.compile("\\s+");

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

  /** One line of white space: {@code <br />} and runs of white space become one space. */
  static String clean(String text) {
    String t = BREAK.matcher(text).replaceAll(" ");
    t = t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    return SPACE.matcher(t).replaceAll(" ").strip();
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

  /**
   * Writes the three files from the R packages' data.
   *
   * <p>Arguments: the {@code site-library} folder that holds {@code modeldata}, {@code tidytext}
   * and {@code dslabs} (each with {@code data/Rdata.rdb}), and the output folder. Each file is
   * written to a temporary name and then moved into place, so an interrupted run leaves no partial
   * file behind.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TextData SITE_LIBRARY_DIR OUT_DIR");
    }
    Path lib = Path.of(args[0]);
    Path out = Path.of(args[1]);
    Files.createDirectories(out);

    List<String> reviews = new ArrayList<>();
    Rdata modeldata = Rdata.open(lib.resolve("modeldata/data"));
    for (String[] part : new String[][] {{"training_data", "train"}, {"testing_data", "test"}}) {
      reviews.addAll(
          lines(
              modeldata.frame(part[0]),
              r -> part[1] + "\t" + clean(r[0]) + "\t" + r[2] + "\t" + clean(r[1]),
              "product",
              "review",
              "score"));
    }
    List<String> lexicon =
        lines(
            Rdata.open(lib.resolve("tidytext/data")).frame("sentiments"),
            r -> clean(r[0]) + "\t" + r[1],
            "word",
            "sentiment");
    List<String> tweets =
        lines(
            Rdata.open(lib.resolve("dslabs/data")).frame("trump_tweets"),
            TextData::tweet,
            "source",
            "text");
    write(out.resolve(REVIEWS), "split\tproduct\tlabel\ttext", reviews);
    write(out.resolve(LEXICON), "word\tpolarity", lexicon);
    write(out.resolve(TWEETS), "device\ttext", tweets);
    System.out.printf(
        "wrote %d reviews, %d lexicon words and %d tweets to %s%n",
        reviews.size(), lexicon.size(), tweets.size(), out);
  }

  /**
   * One line per row of {@code frame}, made by {@code line} from the values of {@code columns} in
   * that row (in that order); a row whose line is null is left out.
   */
  private static List<String> lines(
      Rdata.Frame frame, Function<String[], String> line, String... columns) {
    String[][] values = new String[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      values[c] = frame.strings(columns[c]);
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < frame.rowCount(); i++) {
      String[] row = new String[columns.length];
      for (int c = 0; c < columns.length; c++) {
        row[c] = values[c][i];
      }
      String l = line.apply(row);
      if (l != null) {
        out.add(l);
      }
    }
    return out;
  }

  /** A tweet's line from its source and text, or null unless from Android or iPhone with text. */
  private static String tweet(String[] sourceAndText) {
    String source = sourceAndText[0];
    String device =
        "Twitter for Android".equals(source)
            ? "android"
            : "Twitter for iPhone".equals(source) ? "iphone" : null;
    String cleaned = sourceAndText[1] == null ? "" : clean(sourceAndText[1]);
    return device == null || cleaned.isEmpty() ? null : device + "\t" + cleaned;
  }

  private static void write(Path file, String header, List<String> lines) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    List<String> all = new ArrayList<>(List.of(header));
    all.addAll(lines);
    Files.write(tmp, all, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
