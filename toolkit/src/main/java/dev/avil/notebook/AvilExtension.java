package dev.avil.notebook;

import dev.avil.text.EncodingProgress;
import dev.avil.train.DefaultListener;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.DisplayStream;
import org.dflib.jjava.jupyter.kernel.display.Renderer;

/**
 * The toolkit's JJava kernel extension, found through {@code
 * META-INF/services/org.dflib.jjava.jupyter.Extension} as soon as the toolkit is on a notebook's
 * classpath. It makes {@code Results}, {@code Comparison}, Tablesaw {@code Table} and jsplot {@code
 * Figure} values display as HTML (plotly.js inlined once per kernel session, nothing from a CDN),
 * and makes {@link NotebookProgress} the default training listener of this process and {@link
 * NotebookEncodingProgress} the default progress of text encoding.
 *
 * <pre>{@code
 * %maven dev.avil:avil-toolkit:0.1.0-SNAPSHOT
 * Experiment.target(left).aux(right).run()   // live progress, then the results as HTML
 * }</pre>
 */
public final class AvilExtension implements Extension {

  /** Called by the kernel's service loader. */
  public AvilExtension() {}

  @Override
  public void install(BaseKernel kernel) {
    install(kernel.getRenderer(), kernel.getIO().display);
  }

  /** Registers the renderers on {@code renderer} and sends progress to {@code display}. */
  static void install(Renderer renderer, DisplayStream display) {
    new RichDisplay().registerOn(renderer);
    DefaultListener.set(runs -> new NotebookProgress(display, runs));
    EncodingProgress.setDefault(() -> new NotebookEncodingProgress(display));
  }
}
