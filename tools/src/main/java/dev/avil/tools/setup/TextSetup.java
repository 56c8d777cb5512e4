package dev.avil.tools.setup;

import dev.avil.data.TextData;
import dev.avil.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes the text setting's files ({@link TextData}) from three R packages' data, read with {@link
 * Rdata}: the set-up runs it once ({@code data/fetch-text.sh}). It and what it uses compile on
 * their own, before the project is built.
 */
public final class TextSetup {
  private static final Pattern BREAK = Pattern.compile("<br\\s*/?>", Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACE = Pattern.compile("\\s+");

  private TextSetup() {}

  /**
   * A text on one line: HTML line breaks ({@code <br />}) and any run of white space become one
   * space, and {@code &amp;}, {@code &lt;}, {@code &gt;} and {@code &quot;} are decoded.
   */
  static String clean(String text) {
    String t = BREAK.matcher(text).replaceAll(" ");
    t = t.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"");
    return SPACE.matcher(t).replaceAll(" ").strip();
  }

  /**
   * Writes the three files from the R packages' data.
   *
   * <p>Arguments: the {@code site-library} folder that holds {@code modeldata}, {@code tidytext}
   * and {@code dslabs} (each with {@code data/Rdata.rdb}), and the output folder. Each file is
   * written atomically, so an interrupted run leaves no partial file behind.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TextSetup SITE_LIBRARY_DIR OUT_DIR");
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
            TextSetup::tweet,
            "source",
            "text");
    write(out.resolve(TextData.REVIEWS), "split\tproduct\tlabel\ttext", reviews);
    write(out.resolve(TextData.LEXICON), "word\tpolarity", lexicon);
    write(out.resolve(TextData.TWEETS), "device\ttext", tweets);
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

  private static void write(Path file, String header, List<String> lines) {
    AtomicFiles.write(file, header + "\n" + String.join("\n", lines) + "\n");
  }
}
