package dev.avil.report;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.MultiValueCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.traces.AbstractTrace;

/**
 * The toolkit's figures: the static image against the interactive chart (same traces, data and
 * titles), the HTML that shows one of them, and saving the image as SVG or PNG.
 */
class FigureTest {
  private static final String JFREESVG = "http://www.jfree.org/jfreesvg/svg";

  /** Three tasks' weights over four epochs; the noise task has no weight in epoch 3. */
  private static final Table WEIGHTS =
      Table.create(
          "weights",
          IntColumn.create("epoch", 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 4),
          DoubleColumn.create("weight", 1, 1, 1, 1, 1, 0.8, 0.9, 1.2, 1, 0.4, 0.1),
          StringColumn.create(
              "task", "left", "left", "left", "left", "right", "right", "right", "right", "noise",
              "noise", "noise"));

  private static Figure lines() {
    return Figures.lines(WEIGHTS, "epoch", "weight", "task", "Task weights", "epoch", "weight");
  }

  private static Figure bars() {
    return Figures.barsWithPoints(
        StringColumn.create("method", "single-task", "αVIL"),
        DoubleColumn.create("mean", 0.70, 0.75),
        StringColumn.create("method", "single-task", "single-task", "αVIL", "αVIL"),
        DoubleColumn.create("test acc", 0.69, 0.71, 0.74, 0.76),
        "Target test accuracy",
        "test accuracy");
  }

  @Test
  void theSvgParsesAsXmlAndHoldsOneSeriesPerTraceOfTheInteractiveFigure() throws Exception {
    for (Figure f : List.of(lines(), bars())) {
      Document svg = parse(f.svg());
      assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
      List<String> plotlyTraces =
          Arrays.stream(f.plotly().getTraces()).map(t -> ((AbstractTrace) t).name()).toList();
      assertThat(series(svg)).as(f.title()).containsExactlyElementsOf(plotlyTraces);
      // the y axis' title is drawn rotated, as paths
      assertThat(texts(svg))
          .as("title and legend of %s", f.title())
          .contains(f.plotly().getLayout().getTitle())
          .containsAll(plotlyTraces);
    }
    assertThat(texts(parse(lines().svg()))).as("the x axis' title").contains("epoch");
    assertThat(lines().traces()).containsExactly("left", "right", "noise");
    assertThat(bars().traces()).containsExactly("mean", "single seeds");
  }

  @Test
  void theImageDrawsTheDataAndTitlesOfTheInteractiveFigure() {
    Figure f = lines();
    JFreeChart chart = StaticImage.chart(f);
    assertThat(chart.getTitle().getText()).isEqualTo(f.plotly().getLayout().getTitle());
    XYPlot plot = chart.getXYPlot();
    assertThat(plot.getDomainAxis().getLabel()).isEqualTo("epoch");
    assertThat(plot.getRangeAxis().getLabel()).isEqualTo("weight");
    XYDataset d = plot.getDataset();
    List<String> drawn = new ArrayList<>();
    for (int s = 0; s < d.getSeriesCount(); s++) {
      for (int i = 0; i < d.getItemCount(s); i++) {
        drawn.add(d.getSeriesKey(s) + " " + d.getXValue(s, i) + " " + d.getYValue(s, i));
      }
    }
    List<String> data = new ArrayList<>();
    for (int r = 0; r < WEIGHTS.rowCount(); r++) {
      data.add(
          WEIGHTS.getString(r, "task")
              + " "
              + (double) WEIGHTS.intColumn("epoch").getInt(r)
              + " "
              + WEIGHTS.doubleColumn("weight").getDouble(r));
    }
    assertThat(drawn).containsExactlyElementsOf(data);
  }

  @Test
  void barsAndPointsKeepTheirValuesAndTheRangeOfTheInteractiveFigure() {
    CategoryPlot plot = StaticImage.chart(bars()).getCategoryPlot();
    CategoryDataset means = plot.getDataset(0);
    assertThat(means.getColumnKeys()).containsExactly("single-task", "αVIL");
    assertThat(means.getValue("mean", "αVIL").doubleValue()).isEqualTo(0.75);
    MultiValueCategoryDataset points = (MultiValueCategoryDataset) plot.getDataset(1);
    assertThat(points.getValues("single seeds", "single-task")).containsExactly(0.69, 0.71);
    // the interactive figure's range: 30% of the points' spread beyond them, at least 0.01
    assertThat(plot.getRangeAxis().getLowerBound()).isCloseTo(0.69 - 0.021, within(1e-9));
    assertThat(plot.getRangeAxis().getUpperBound()).isCloseTo(0.76 + 0.021, within(1e-9));
  }

  @Test
  void savesAnSvgThatParses(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("figures/weights.svg");
    lines().save(file);
    assertThat(series(parse(Files.readString(file)))).containsExactly("left", "right", "noise");
    Path upper = dir.resolve("WEIGHTS.SVG");
    lines().save(upper);
    assertThat(upper).isRegularFile();
  }

  @Test
  void savesAPngThatDecodesAndHoldsADrawing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("weights.png");
    lines().save(file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("ImageIO decodes %s", file).isNotNull();
    assertThat(image.getWidth()).isEqualTo(2 * Figure.WIDTH);
    assertThat(image.getHeight()).isEqualTo(2 * Figure.HEIGHT);
    Ink ink = Ink.of(image);
    assertThat(ink.fraction()).as("share of pixels not white").isGreaterThan(0.01);
    assertThat(ink.coloured()).as("pixels in a trace's colour").isGreaterThan(500);
  }

  @Test
  void anUnsupportedExtensionIsNamedWithThoseAccepted(@TempDir Path dir) {
    assertRefused(
        () -> lines().save(dir.resolve("weights.jpg")),
        "weights.jpg",
        "extension \".jpg\" is not supported",
        "accepted: .svg, .png");
    assertRefused(
        () -> lines().save(dir.resolve("weights")), "no extension", "accepted: .svg, .png");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void theHtmlShowsTheStaticImageUntilTheInteractiveChartIsDrawn() throws Exception {
    Figure f = bars();
    String html = Html.figure(f);
    assertThat(html).startsWith("<div class=\"avil-figure\"");
    int image = html.indexOf("<img class=\"avil-static\"");
    int chart = html.indexOf("Plotly.newPlot(");
    int swap = html.indexOf("image.remove()");
    assertThat(image).as("the image comes first").isGreaterThan(0).isLessThan(chart);
    assertThat(swap).as("then the chart, then the swap").isGreaterThan(chart);
    Matcher src = Pattern.compile("src=\"data:image/svg\\+xml;base64,([^\"]+)\"").matcher(html);
    assertThat(src.find()).isTrue();
    String svg = new String(Base64.getDecoder().decode(src.group(1)), StandardCharsets.UTF_8);
    assertThat(series(parse(svg))).containsExactlyElementsOf(f.traces());
  }

  /** The traces an SVG of the toolkit's draws, in order: those named by its groups' refs. */
  static Set<String> series(Document svg) {
    Pattern key = Pattern.compile("\\{\"trace\": \"((?:[^\"\\\\]|\\\\.)*)\"}");
    Set<String> names = new LinkedHashSet<>();
    NodeList groups = svg.getElementsByTagNameNS("*", "g");
    for (int i = 0; i < groups.getLength(); i++) {
      Matcher m = key.matcher(((Element) groups.item(i)).getAttributeNS(JFREESVG, "ref"));
      if (m.find()) {
        names.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return names;
  }

  private static List<String> texts(Document svg) {
    NodeList texts = svg.getElementsByTagNameNS("*", "text");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      out.add(texts.item(i).getTextContent());
    }
    return out;
  }

  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** How much of an image is drawn: the share of pixels not white, and those in a colour. */
  record Ink(double fraction, int coloured) {
    static Ink of(BufferedImage image) {
      int ink = 0;
      int coloured = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int r = rgb >> 16 & 0xff;
          int g = rgb >> 8 & 0xff;
          int b = rgb & 0xff;
          if (Math.min(r, Math.min(g, b)) < 230) {
            ink++;
          }
          if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
            coloured++;
          }
        }
      }
      return new Ink((double) ink / (image.getWidth() * image.getHeight()), coloured);
    }
  }
}
