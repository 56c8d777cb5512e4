package dev.avil.kernel;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The toolkit's figures as a page shows them without JavaScript: each figure area ({@code
 * div.avil-figure}) screenshotted on its own and judged by its pixels to hold a drawn image, not an
 * empty box, a broken image or a blank one. A tag alone proves nothing: the pixels must be there.
 *
 * <pre>{@code
 * List<FigureShots.Shot> shots = BROWSER.figuresWithoutJavaScript(html);
 * FigureShots.write(shots, dir, "04-helpful-vs-harmful"); // 04-helpful-vs-harmful-figure-1.png ...
 * assertThat(FigureShots.problems(shots, page.plots())).isEmpty();
 * }</pre>
 */
final class FigureShots {

  /** A drawn figure is at least this wide and high, in CSS pixels. */
  static final int MIN_WIDTH = 300;

  static final int MIN_HEIGHT = 150;

  /** At least this share of a drawn figure's pixels differ from its background. */
  static final double MIN_INK = 0.005;

  /**
   * At least this many of its pixels are in a colour, not grey: a trace's (the toolkit draws every
   * trace in colour). A broken image's icon and alt text, or a frame without data, stay below it.
   */
  static final int MIN_COLOURED = 200;

  /** Each figure area's box, in CSS pixels from the page's top left corner. */
  private static final String AREAS =
      "JSON.stringify(Array.from(document.querySelectorAll('.avil-figure')).map(f => {"
          + " const r = f.getBoundingClientRect();"
          + " return {x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height};"
          + "}))";

  /**
   * One figure area's screenshot: its number on the page (from 1), its size in CSS pixels, the
   * share of its pixels that differ from the background, and how many are coloured. {@code png} is
   * null for an area of no size, which cannot be captured.
   */
  record Shot(int number, double width, double height, double ink, int coloured, byte[] png) {
    /** Whether the area holds a drawn image. */
    boolean drawn() {
      return width >= MIN_WIDTH
          && height >= MIN_HEIGHT
          && ink >= MIN_INK
          && coloured >= MIN_COLOURED;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "figure %d: %.0fx%.0f CSS px, %.2f%% of pixels drawn, %d coloured (a drawn figure is at"
              + " least %dx%d, %.2f%% and %d)",
          number,
          width,
          height,
          100 * ink,
          coloured,
          MIN_WIDTH,
          MIN_HEIGHT,
          100 * MIN_INK,
          MIN_COLOURED);
    }
  }

  private FigureShots() {}

  /** Opens {@code html} with JavaScript off and screenshots each figure area. */
  static List<Shot> take(HeadlessChromium chromium, Path html) throws Exception {
    try (HeadlessChromium.Tab tab = chromium.open(html, false, Duration.ofSeconds(60))) {
      JsonArray areas = tab.evaluate(AREAS).getAsJsonArray();
      List<Shot> shots = new ArrayList<>();
      for (int i = 0; i < areas.size(); i++) {
        JsonObject a = areas.get(i).getAsJsonObject();
        double width = a.get("width").getAsDouble();
        double height = a.get("height").getAsDouble();
        if (width < 1 || height < 1) {
          shots.add(new Shot(i + 1, width, height, 0, 0, null));
          continue;
        }
        byte[] png =
            tab.screenshot(a.get("x").getAsDouble(), a.get("y").getAsDouble(), width, height);
        shots.add(measure(i + 1, width, height, png));
      }
      return shots;
    }
  }

  /** Reads a screenshot's pixels: the most common colour is the background. */
  private static Shot measure(int number, double width, double height, byte[] png)
      throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    int[] pixels =
        image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    Map<Integer, Integer> counts = new HashMap<>();
    for (int p : pixels) {
      counts.merge(p & 0xffffff, 1, Integer::sum);
    }
    int background = counts.entrySet().stream().max(Map.Entry.comparingByValue()).get().getKey();
    int ink = 0;
    int coloured = 0;
    for (int p : pixels) {
      int r = p >> 16 & 0xff;
      int g = p >> 8 & 0xff;
      int b = p & 0xff;
      int distance =
          Math.max(
              Math.abs(r - (background >> 16 & 0xff)),
              Math.max(Math.abs(g - (background >> 8 & 0xff)), Math.abs(b - (background & 0xff))));
      if (distance > 40) {
        ink++;
      }
      if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 40) {
        coloured++;
      }
    }
    return new Shot(number, width, height, (double) ink / pixels.length, coloured, png);
  }

  /**
   * What is wrong: a figure area without a drawn image, or fewer or more areas than {@code
   * expected} (the plots drawn where JavaScript runs: each needs its static image).
   */
  static List<String> problems(List<Shot> shots, int expected) {
    List<String> problems = new ArrayList<>();
    if (shots.size() != expected) {
      problems.add(
          String.format(
              Locale.ROOT,
              "%d figure areas without JavaScript, but %d plots with it: each needs its static image",
              shots.size(),
              expected));
    }
    shots.stream()
        .filter(s -> !s.drawn())
        .forEach(s -> problems.add("no drawn image without JavaScript in " + s.describe()));
    return problems;
  }

  /**
   * Writes each screenshot as {@code dir/NAME-figure-N.png}, after removing those an earlier run
   * wrote for {@code name}.
   *
   * @return the files written
   */
  static List<Path> write(List<Shot> shots, Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> old = Files.list(dir)) {
      for (Path p : old.toList()) {
        if (p.getFileName()
            .toString()
            .matches(java.util.regex.Pattern.quote(name) + "-figure-\\d+\\.png")) {
          Files.delete(p);
        }
      }
    }
    List<Path> written = new ArrayList<>();
    for (Shot s : shots) {
      if (s.png() != null) {
        Path file = dir.resolve(name + "-figure-" + s.number() + ".png");
        Files.write(file, s.png());
        written.add(file);
      }
    }
    return written;
  }
}
