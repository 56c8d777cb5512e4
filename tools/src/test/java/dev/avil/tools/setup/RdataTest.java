package dev.avil.tools.setup;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.data.Datasets;
import dev.avil.data.TextData;
import dev.avil.testing.NeedsData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The R data reader on the real packages that {@code data/setup.sh} unpacks (modeldata's records
 * are LZMA2, tidytext's and dslabs's zlib), and the text files it writes from them.
 */
@NeedsData
class RdataTest {
  private static Path library() {
    Path lib =
        Datasets.textDir().resolveSibling("downloads").resolve("r-packages/usr/lib/R/site-library");
    assertThat(lib.resolve("modeldata/data/Rdata.rdb")).as("unpacked by data/setup.sh").exists();
    return lib;
  }

  private static Map<String, Long> counts(String[] values) {
    return Arrays.stream(values)
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void fineFoodReviewsHaveTheirRowAndLabelCounts() {
    Rdata modeldata = Rdata.open(library().resolve("modeldata/data"));
    Rdata.Frame train = modeldata.frame("training_data");
    Rdata.Frame test = modeldata.frame("testing_data");
    assertThat(train.columnNames()).containsExactly("product", "review", "score");
    assertThat(train.rowCount()).isEqualTo(4_000);
    assertThat(counts(train.strings("score")))
        .containsOnly(Map.entry("great", 2_600L), Map.entry("other", 1_400L));
    assertThat(test.rowCount()).isEqualTo(1_000);
    assertThat(counts(test.strings("score")))
        .containsOnly(Map.entry("great", 658L), Map.entry("other", 342L));
    assertThat(train.strings("review")).hasSize(4_000).doesNotContainNull();
  }

  @Test
  void opinionLexiconHas6786Words() {
    Rdata.Frame s = Rdata.open(library().resolve("tidytext/data")).frame("sentiments");
    assertThat(s.columnNames()).containsExactly("word", "sentiment");
    assertThat(s.rowCount()).isEqualTo(6_786);
    assertThat(counts(s.strings("sentiment")))
        .containsOnly(Map.entry("negative", 4_781L), Map.entry("positive", 2_005L));
  }

  @Test
  void trumpTweetsHaveTheirSources() {
    Rdata.Frame t = Rdata.open(library().resolve("dslabs/data")).frame("trump_tweets");
    assertThat(t.rowCount()).isEqualTo(20_761);
    Map<String, Long> bySource = counts(t.strings("source"));
    assertThat(bySource)
        .containsEntry("Twitter for Android", 4_652L)
        .containsEntry("Twitter for iPhone", 3_962L);
  }

  @Test
  void textFilesHoldWhatTheSetUpRead() {
    var reviews = TextData.reviews();
    assertThat(reviews).hasSize(5_000);
    assertThat(
            counts(reviews.stream().map(r -> r.split() + "/" + r.label()).toArray(String[]::new)))
        .containsOnly(
            Map.entry("train/great", 2_600L),
            Map.entry("train/other", 1_400L),
            Map.entry("test/great", 658L),
            Map.entry("test/other", 342L));
    assertThat(reviews).noneMatch(r -> r.text().contains("<br") || r.text().isBlank());
    assertThat(TextData.lexicon()).hasSize(6_786);
    assertThat(
            counts(TextData.tweets().stream().map(TextData.Tweet::device).toArray(String[]::new)))
        .containsOnly(Map.entry("android", 4_652L), Map.entry("iphone", 3_962L));
  }

  @Test
  void cleaningRemovesLineBreaksAndEntities() {
    assertThat(TextSetup.clean("Great tea.<br /><br />Would buy &amp; buy\tagain  "))
        .isEqualTo("Great tea. Would buy & buy again");
  }

  @Test
  void missingDatabaseAndObjectAreNamed() throws Exception {
    Path empty = Files.createTempDirectory("rdata");
    assertRefused(() -> Rdata.open(empty), "Rdata.rdb");
    Rdata db = Rdata.open(library().resolve("tidytext/data"));
    assertRefused(() -> db.read("nope"), "'nope'", "sentiments");
  }
}
