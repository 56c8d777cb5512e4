package dev.avil.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js 2.35.3 (npm {@code plotly.js-dist-min}, MIT), bundled in the toolkit's jar at build
 * time so that figures render offline. Tablesaw's own pages load it from a CDN instead.
 */
public final class Plotly {
  /** The bundled version. */
  public static final String VERSION = "2.35.3";

  private static final String RESOURCE = "/dev/avil/report/plotly.min.js";
  private static volatile String source;

  private Plotly() {}

  /** The library's source text. */
  public static String source() {
    String s = source;
    if (s == null) {
      try (InputStream in = Plotly.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "plotly.js is not bundled in this build (resource "
                  + RESOURCE
                  + " missing); rebuild the"
                  + " toolkit with Maven, which fetches npm plotly.js-dist-min@"
                  + VERSION);
        }
        s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      source = s;
    }
    return s;
  }

  /**
   * A {@code <script>} element holding the library. It is wrapped so that it always defines {@code
   * window.Plotly}, even on pages that also load require.js (as Jupyter's exported HTML may).
   */
  public static String scriptTag() {
    return "<script type=\"text/javascript\">(function (define, module, exports) {\n"
        + source().replace("</script", "<\\/script")
        + "\n})();</script>";
  }
}
