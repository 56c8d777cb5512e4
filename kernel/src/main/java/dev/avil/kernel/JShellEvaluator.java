package dev.avil.kernel;

import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * Evaluates Java source with a JShell whose snippets run in this JVM.
 *
 * <p>A cell may hold several statements and declarations; they are evaluated one after the other
 * and the value of the last one is the cell's value. Failures surface as the exception the user's
 * code actually threw, or as {@link CompilationException} / {@link IncompleteSourceException}.
 */
final class JShellEvaluator implements AutoCloseable {

  /** Imports every cell sees: those of the {@code jshell} tool, plus JJava's notebook functions. */
  private static final String STARTUP =
      String.join(
          "\n",
          "import java.io.*;",
          "import java.math.*;",
          "import java.net.*;",
          "import java.nio.file.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.regex.*;",
          "import java.util.stream.*;",
          "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

  private final SnippetLoaderDelegate loader;
  private final InProcessExecutionControl control;
  private final JShell shell;
  private final SourceCodeAnalysis analysis;

  /**
   * @param parent the class loader snippets delegate to
   * @param classpath entries (separated by {@link File#pathSeparator}) that snippets compile
   *     against, normally the kernel's own classpath
   */
  JShellEvaluator(ClassLoader parent, String classpath) {
    this(parent, classpath, -1);
  }

  /**
   * As above, abandoning an interrupted snippet after {@code graceMillis} (negative: from the
   * environment).
   */
  JShellEvaluator(ClassLoader parent, String classpath, long graceMillis) {
    this.loader = new SnippetLoaderDelegate(parent);
    this.control =
        graceMillis < 0
            ? new InProcessExecutionControl(loader)
            : new InProcessExecutionControl(loader, graceMillis);
    this.shell =
        JShell.builder()
            .executionEngine(
                new ExecutionControlProvider() {
                  @Override
                  public String name() {
                    return "avil-in-process";
                  }

                  @Override
                  public ExecutionControl generate(
                      ExecutionEnv env, Map<String, String> parameters) {
                    return control;
                  }
                },
                Map.of())
            .build();
    this.analysis = shell.sourceCodeAnalysis();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isBlank()) {
        shell.addToClasspath(entry);
      }
    }
    eval(STARTUP);
  }

  /** The class loader of snippets and of the jars added with {@link #addToClasspath(String)}. */
  ClassLoader classLoader() {
    return loader.classLoader();
  }

  /** The JShell instance, for code analysis (completion, documentation). */
  JShell shell() {
    return shell;
  }

  /** Makes a jar or class directory visible to later snippets. */
  void addToClasspath(String path) {
    shell.addToClasspath(path);
  }

  /**
   * Evaluates all snippets in {@code code}.
   *
   * @return the value of the last snippet if it is an expression not followed by {@code ;} (a
   *     trailing semicolon hides the value, as in IPython), else {@code null}
   */
  Object eval(String code) {
    control.cellActive(true);
    try {
      return evalCell(code);
    } finally {
      control.cellActive(false);
    }
  }

  private Object evalCell(String code) {
    Object last = null;
    String input = code;
    CompletionInfo info = analysis.analyzeCompletion(input);
    while (info.completeness().isComplete()) {
      last = evalSnippet(info.source());
      if (control.takeInterrupted() && !info.remaining().isBlank()) {
        throw new CellInterruptedException(info.source().strip(), info.remaining().strip());
      }
      String remaining = info.remaining();
      if (input.endsWith(remaining)
          && input.substring(0, input.length() - remaining.length()).strip().endsWith(";")) {
        last = null;
      }
      input = remaining;
      info = analysis.analyzeCompletion(input);
    }
    if (info.completeness() != Completeness.EMPTY) {
      throw new IncompleteSourceException(info.remaining().trim());
    }
    return last;
  }

  private Object evalSnippet(String source) {
    List<SnippetEvent> events = shell.eval(source);
    Object result = null;
    SnippetEvent failed = null;
    for (SnippetEvent event : events) {
      Optional<Object> value =
          event.value() != null ? control.takeResult(event.value()) : Optional.empty();
      if (event.causeSnippet() != null) {
        continue;
      }
      if (event.exception() != null || !event.status().isDefined()) {
        failed = event;
      } else if (isExpression(event.snippet())) {
        result = value.orElse(null);
      }
    }
    if (failed != null) {
      throw failure(failed);
    }
    return result;
  }

  private static boolean isExpression(Snippet snippet) {
    switch (snippet.subKind()) {
      case VAR_VALUE_SUBKIND:
      case OTHER_EXPRESSION_SUBKIND:
      case TEMP_VAR_EXPRESSION_SUBKIND:
        return true;
      default:
        return false;
    }
  }

  private RuntimeException failure(SnippetEvent event) {
    JShellException e = event.exception();
    if (e == null) {
      return new CompilationException(
          event.snippet(),
          shell.diagnostics(event.snippet()).collect(Collectors.toList()),
          unresolved(event.snippet()));
    }
    Throwable thrown = control.takeThrown().orElse(null);
    if (thrown == null) {
      return new IllegalStateException(e.getMessage() + unresolved(event.snippet()), e);
    }
    if (thrown instanceof Error) {
      return new UncaughtError((Error) thrown);
    }
    return JShellEvaluator.<RuntimeException>sneaky(thrown);
  }

  private String unresolved(Snippet snippet) {
    if (!(snippet instanceof DeclarationSnippet)) {
      return "";
    }
    List<String> names =
        shell.unresolvedDependencies((DeclarationSnippet) snippet).collect(Collectors.toList());
    return names.isEmpty() ? "" : " (unresolved: " + String.join(", ", names) + ")";
  }

  /**
   * Lets a checked exception thrown by user code reach the kernel unchanged, so its name is
   * reported.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }

  /**
   * Tells whether {@code code} is ready to run, as the Jupyter {@code is_complete_request} asks.
   *
   * @return one of {@link BaseKernel}'s {@code IS_COMPLETE_*} constants, or the indentation to use
   *     for the next line of an incomplete input
   */
  String isComplete(String code) {
    CompletionInfo info = analysis.analyzeCompletion(code);
    while (info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN) {
      info = analysis.analyzeCompletion(info.remaining());
    }
    switch (info.completeness()) {
      case EMPTY:
        return BaseKernel.IS_COMPLETE_YES;
      case UNKNOWN:
        return BaseKernel.IS_COMPLETE_BAD;
      case CONSIDERED_INCOMPLETE:
      case DEFINITELY_INCOMPLETE:
        return indentationAfter(info.remaining());
      default:
        return BaseKernel.IS_COMPLETE_MAYBE;
    }
  }

  /** Indents the next line like the last one, one step deeper if that one opens a block. */
  private static String indentationAfter(String source) {
    String text = source.stripTrailing();
    String lastLine = text.substring(text.lastIndexOf('\n') + 1);
    String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
    String trimmed = lastLine.strip();
    boolean opens = trimmed.endsWith("{") || trimmed.endsWith("(") || trimmed.endsWith("[");
    return opens ? indent + "    " : indent;
  }

  /** Interrupts the running cell, if any. */
  void interrupt() {
    control.interrupt();
  }

  @Override
  public void close() {
    shell.close();
  }

  /** A snippet did not compile. */
  static final class CompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Snippet snippet;
    private final transient List<Diag> diagnostics;

    CompilationException(Snippet snippet, List<Diag> diagnostics, String unresolved) {
      super(summary(diagnostics) + unresolved);
      this.snippet = snippet;
      this.diagnostics = diagnostics;
    }

    /** The first error, without javac's "location:" line, which names JShell's wrapper class. */
    private static String summary(List<Diag> diagnostics) {
      return diagnostics.stream()
          .filter(Diag::isError)
          .findFirst()
          .map(
              d ->
                  d.getMessage(null)
                      .lines()
                      .filter(l -> !l.trim().startsWith("location:"))
                      .collect(Collectors.joining("\n")))
          .orElse("compilation failed");
    }

    Snippet snippet() {
      return snippet;
    }

    List<Diag> diagnostics() {
      return diagnostics;
    }
  }

  /**
   * An interrupt stopped a cell after one of its statements returned (keeping its value); the
   * statements after it did not run.
   */
  static final class CellInterruptedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CellInterruptedException(String finished, String skipped) {
      super(
          "interrupted: the cell stopped after "
              + firstLine(finished)
              + " (its result was kept); not run: "
              + firstLine(skipped));
    }

    private static String firstLine(String s) {
      String line = s.lines().findFirst().orElse("");
      return line.length() > 60
          ? line.substring(0, 57) + "..."
          : line + (s.contains("\n") ? " ..." : "");
    }
  }

  /** A cell ended in the middle of a statement. */
  static final class IncompleteSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IncompleteSourceException(String source) {
      super("incomplete input: " + source);
    }
  }

  /**
   * Carries an {@link Error} thrown by user code, which the kernel library only reports as an
   * Exception.
   */
  static final class UncaughtError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UncaughtError(Error error) {
      super(error.toString(), error);
    }
  }
}
