package dev.avil.notebook;

import dev.avil.text.EncodingProgress;
import dev.avil.train.DefaultListener;
import java.util.List;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * The toolkit's JJava kernel extension, found through {@code
 * META-INF/services/org.dflib.jjava.jupyter.Extension} as soon as the toolkit is on a notebook's
 * classpath. It makes {@code Results}, {@code Comparison}, Tablesaw {@code Table}, the toolkit's
 * {@code Figure} and jsplot {@code Figure} values display as HTML (plotly.js inlined once per
 * kernel session, nothing from a CDN; the toolkit's figures with their static image first), makes
 * {@link NotebookProgress} the default training listener of this process and {@link
 * NotebookEncodingProgress} the default progress of text encoding, and imports the toolkit's
 * packages and Tablesaw's into the session.
 *
 * <pre>{@code
 * %maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT
 * Experiment.target(left).aux(right).run()   // no import needed; live progress, then results
 * }</pre>
 */
public final class AvilExtension implements Extension {

  /** Called by the kernel's service loader. */
  public AvilExtension() {}

  /**
   * The imports a notebook needs, added to the session when the toolkit loads, so that the first
   * cell is {@code %maven dev.avil:avil-toolkit:VERSION} alone.
   */
  static final List<String> IMPORTS =
      List.of(
          "import dev.avil.api.*;",
          "import dev.avil.data.*;",
          "import dev.avil.model.*;",
          "import dev.avil.task.*;",
          "import static dev.avil.task.Share.*;",
          "import dev.avil.text.*;",
          "import dev.avil.train.Optimizer;",
          "import dev.avil.weighting.*;",
          "import tech.tablesaw.api.*;");

  @Override
  public void install(BaseKernel kernel) {
    install(kernel.getRenderer(), kernel.getIO().display);
    for (String i : IMPORTS) {
      kernel.evalRaw(i);
    }
  }

  /** Registers the renderers on {@code renderer} and sends progress to {@code display}. */
  static void install(Renderer renderer, DisplayStream display) {
    new RichDisplay().registerOn(renderer);
    DefaultListener.set(runs -> new NotebookProgress(display, runs));
    EncodingProgress.setDefault(() -> new NotebookEncodingProgress(display));
  }
}
