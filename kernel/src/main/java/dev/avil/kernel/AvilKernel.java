package dev.avil.kernel;

import com.google.gson.annotations.SerializedName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * The αVIL Java kernel: JJava's {@link BaseKernel} with an in-process JShell.
 *
 * <p>Build one with {@link #builder()}. A cell's value is the value of its last expression, unless
 * that ends with {@code ;} (as in IPython); it is rendered by the kernel's {@link Renderer}. Jars
 * added by {@code %maven} or {@code %classpath} are searched for {@code
 * org.dflib.jjava.jupyter.Extension} services, which are installed right away. Every cell sees the
 * {@code jshell} tool's default imports and JJava's notebook functions ({@code display}, {@code
 * render}, ...).
 */
public final class AvilKernel extends BaseKernel {

  /** A line magic starts a line, or follows {@code =} (as in {@code var x = %maven ...}). */
  private static final String LINE_MAGIC_START = "(?<=(?:^|=))\\s*%";

  private static final String CELL_MAGIC_START = "%%";
  private static final Pattern MAGIC_NAME_AT_CURSOR = Pattern.compile("^(%{1,2})([\\w-]*)$");

  private final JShellEvaluator evaluator;
  private final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();

  private AvilKernel(
      String name,
      String version,
      HistoryManager history,
      JupyterIO io,
      CommManager comms,
      Renderer renderer,
      MagicParser magicParser,
      MagicsRegistry magics,
      boolean extensionsEnabled,
      StringStyler errorStyler,
      JShellEvaluator evaluator) {
    super(
        name,
        version,
        languageInfo(),
        List.of(
            new HelpLink(
                "Java API",
                "https://docs.oracle.com/en/java/javase/"
                    + Runtime.version().feature()
                    + "/docs/api/")),
        history,
        io,
        comms,
        renderer,
        magicParser,
        magics,
        extensionsEnabled,
        errorStyler);
    this.evaluator = evaluator;
  }

  /**
   * A builder with the {@code %maven}, {@code %mavenRepo} and {@code %classpath} magics registered.
   */
  public static Builder builder() {
    return new Builder();
  }

  private static LanguageInfo languageInfo() {
    return new LanguageInfo.Builder("java")
        .version(Runtime.version().toString())
        .mimetype("text/x-java-source")
        .fileExtension(".jshell")
        .pygments("java")
        .codemirror("text/x-java")
        .build();
  }

  /** Completes when a client asked the kernel to shut down (or restart). */
  public CompletableFuture<Void> shutdownRequested() {
    return shutdownRequested;
  }

  /**
   * Adds jars or class directories to the notebook's classpath, then installs the JJava extensions
   * they declare.
   */
  public void addToClasspath(List<Path> paths) {
    paths.forEach(p -> evaluator.addToClasspath(p.toAbsolutePath().toString()));
    if (extensionsEnabled) {
      installExtensions(getClassLoader());
    }
  }

  @Override
  protected ClassLoader getClassLoader() {
    return evaluator.classLoader();
  }

  @Override
  public Object evalRaw(String code) {
    return evaluator.eval(magicParser.resolveMagics(code));
  }

  @Override
  public String isComplete(String code) {
    return evaluator.isComplete(magicParser.resolveMagics(code));
  }

  @Override
  public ReplacementOptions complete(String code, int at) {
    int lineStart = code.lastIndexOf('\n', at - 1) + 1;
    Matcher magic = MAGIC_NAME_AT_CURSOR.matcher(code.substring(lineStart, at));
    if (magic.matches()) {
      Set<String> names =
          magic.group(1).length() == 2
              ? magicsRegistry.getCellMagicNames()
              : magicsRegistry.getLineMagicNames();
      List<String> options =
          names.stream()
              .filter(n -> n.startsWith(magic.group(2)))
              .sorted()
              .map(n -> magic.group(1) + n)
              .collect(Collectors.toList());
      return options.isEmpty() ? null : new ReplacementOptions(options, lineStart, at);
    }
    int[] anchor = new int[1];
    List<SourceCodeAnalysis.Suggestion> suggestions =
        evaluator.shell().sourceCodeAnalysis().completionSuggestions(code, at, anchor);
    if (suggestions.isEmpty()) {
      return null;
    }
    List<String> options =
        suggestions.stream()
            .sorted(Comparator.comparing(s -> !s.matchesType()))
            .map(SourceCodeAnalysis.Suggestion::continuation)
            .distinct()
            .collect(Collectors.toList());
    return new ReplacementOptions(options, anchor[0], at);
  }

  @Override
  public DisplayData inspect(String code, int at, boolean extraDetail) {
    SourceCodeAnalysis analysis = evaluator.shell().sourceCodeAnalysis();
    List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, extraDetail);
    if (docs.isEmpty()) {
      // JShell documents a method only at its opening parenthesis.
      docs = analysis.documentation(code.substring(0, at) + "(", at + 1, extraDetail);
    }
    if (docs.isEmpty()) {
      return null;
    }
    return new DisplayData(
        docs.stream()
            .map(d -> d.javadoc() != null ? d.signature() + "\n" + d.javadoc() : d.signature())
            .collect(Collectors.joining("\n\n")));
  }

  @Override
  public List<String> formatError(Throwable e) {
    if (e instanceof JShellEvaluator.CompilationException) {
      return formatCompilationError((JShellEvaluator.CompilationException) e);
    }
    if (e instanceof JShellEvaluator.IncompleteSourceException
        || e instanceof JShellEvaluator.CellInterruptedException) {
      return List.of(errorStyler.secondary(e.getMessage()));
    }
    Throwable shown = e instanceof JShellEvaluator.UncaughtError ? e.getCause() : e;
    trimKernelFrames(shown);
    return super.formatError(shown);
  }

  private List<String> formatCompilationError(JShellEvaluator.CompilationException e) {
    String source = e.snippet().source();
    List<String> lines = new ArrayList<>();
    e.diagnostics()
        .forEach(
            d -> {
              if (d.getStartPosition() >= 0 && d.getEndPosition() >= 0) {
                lines.addAll(
                    errorStyler.highlightSubstringLines(
                        source, (int) d.getStartPosition(), (int) d.getEndPosition()));
              } else {
                lines.addAll(errorStyler.primaryLines(source));
              }
              StringStyler.splitLines(d.getMessage(null)).stream()
                  .filter(l -> !l.trim().startsWith("location:"))
                  .map(errorStyler::secondary)
                  .forEach(lines::add);
              lines.add("");
            });
    if (lines.isEmpty()) {
      lines.add(errorStyler.secondary(e.getMessage()));
    }
    return lines;
  }

  /** Drops the reflection and kernel frames below the cell's own code from a stack trace. */
  private static void trimKernelFrames(Throwable t) {
    StackTraceElement[] trace = t.getStackTrace();
    int lastCellFrame = -1;
    for (int i = 0; i < trace.length; i++) {
      if (trace[i].getClassName().startsWith("REPL.")) {
        lastCellFrame = i;
      }
    }
    if (lastCellFrame >= 0) {
      t.setStackTrace(Arrays.copyOf(trace, lastCellFrame + 1));
    }
  }

  @Override
  protected void handleKernelInfoRequest(
      ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
    env.setBusyDeferIdle();
    env.reply(
        new StatusKernelInfoReply(name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
  }

  @Override
  protected void handleShutdownRequest(
      ShellReplyEnvironment env, Message<ShutdownRequest> request) {
    super.handleShutdownRequest(env, request);
    shutdownRequested.complete(null);
  }

  /**
   * Sends the cell's output as JJava does, through streams that also work on an interrupted thread:
   * the message socket fails with EINTR when the sending thread's interrupt flag is set, and code
   * that stops on an interrupt often prints or displays what it has.
   */
  @Override
  protected void replaceOutputStreams(ShellReplyEnvironment env) {
    super.replaceOutputStreams(env);
    System.setOut(InterruptSafe.printStream(System.out));
    System.setErr(InterruptSafe.printStream(System.err));
  }

  @Override
  public void display(DisplayData data) {
    InterruptSafe.run(() -> super.display(data));
  }

  @Override
  public String getBanner() {
    return "Java " + Runtime.version() + " :: αVIL kernel " + version;
  }

  @Override
  public void interrupt() {
    evaluator.interrupt();
  }

  @Override
  public void onShutdown(boolean isRestarting) {
    super.onShutdown(isRestarting);
    evaluator.close();
  }

  /** JJava's kernel_info reply with the {@code status} field the messaging spec requires. */
  private static final class StatusKernelInfoReply extends KernelInfoReply {
    @SerializedName("status")
    private final String status = "ok";

    StatusKernelInfoReply(
        String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
      super(Header.PROTOCOL_VERISON, name, version, info, banner, links);
    }
  }

  /** Builds an {@link AvilKernel}. */
  public static final class Builder extends BaseKernelBuilder<Builder, AvilKernel> {

    private Builder() {
      name("avil-kernel");
      version(
          Objects.requireNonNullElse(
              AvilKernel.class.getPackage().getImplementationVersion(), "dev"));
      KernelMagics.register(this, MavenResolver.fromEnvironment());
    }

    @Override
    public AvilKernel build() {
      JShellEvaluator evaluator =
          new JShellEvaluator(
              AvilKernel.class.getClassLoader(), System.getProperty("java.class.path"));
      MagicParser parser =
          magicParser != null
              ? magicParser
              : new MagicParser(LINE_MAGIC_START, CELL_MAGIC_START, buildMagicTranspiler());
      return new AvilKernel(
          buildName(),
          buildVersion(),
          buildHistoryManager(),
          buildJupyterIO(buildJupyterIOEncoding()),
          buildCommManager(),
          buildRenderer(),
          parser,
          buildMagicsRegistry(),
          buildExtensionsEnabled(),
          buildErrorStyler(),
          evaluator);
    }
  }
}
