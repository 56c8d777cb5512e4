package dev.avil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's house rules, read from its sources: no class over 300 lines, and every import of
 * another of the toolkit's packages pointing down the layers of {@code docs/architecture.md}.
 */
class HouseRulesTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/avil");

  /** Which of the toolkit's packages each package may import. */
  private static final Map<String, Set<String>> MAY_IMPORT =
      Map.ofEntries(
          Map.entry("results", Set.of()),
          Map.entry("runtime", Set.of()),
          Map.entry("model", Set.of()),
          Map.entry("store", Set.of("results")),
          Map.entry("report", Set.of("results", "store")),
          Map.entry("text", Set.of("model", "runtime", "store")),
          Map.entry("task", Set.of("text")),
          Map.entry("data", Set.of("model", "task", "text")),
          Map.entry("train", Set.of("model", "results", "runtime", "task")),
          Map.entry("weighting", Set.of("train")),
          Map.entry(
              "api",
              Set.of("data", "model", "report", "results", "store", "task", "train", "weighting")),
          Map.entry("notebook", Set.of("api", "report", "text", "train")));

  private static final Pattern USE = Pattern.compile("\\bdev\\.avil\\.([a-z]+)\\.[A-Z]");

  /** Comments and string literals, which name packages without using them. */
  private static final Pattern PROSE =
      Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*|\"(?:[^\"\\\\\\n]|\\\\.)*\"");

  @Test
  void noClassIsOverThreeHundredLines() throws IOException {
    List<String> long_ = new ArrayList<>();
    for (Path f : sources()) {
      long lines = Files.readAllLines(f).size();
      if (lines > 300) {
        long_.add(SOURCES.relativize(f) + ": " + lines);
      }
    }
    assertThat(long_).as("classes over 300 lines").isEmpty();
  }

  @Test
  void everyPackageImportsOnlyThePackagesBelowIt() throws IOException {
    List<String> wrong = new ArrayList<>();
    List<Path> all = sources();
    assertThat(all).as("the library's sources, from the module's folder").hasSizeGreaterThan(50);
    for (Path f : all) {
      String pkg = SOURCES.relativize(f).getName(0).toString();
      assertThat(MAY_IMPORT).as("a layer for package %s", pkg).containsKey(pkg);
      Matcher m = USE.matcher(PROSE.matcher(Files.readString(f)).replaceAll(" "));
      while (m.find()) {
        String used = m.group(1);
        if (!used.equals(pkg) && !MAY_IMPORT.get(pkg).contains(used)) {
          wrong.add(SOURCES.relativize(f) + " uses " + used);
        }
      }
    }
    assertThat(wrong).as("uses of a package above or beside one's own").isEmpty();
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> s = Files.walk(SOURCES)) {
      return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
