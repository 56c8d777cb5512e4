package dev.avil.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets in the kernel JVM and keeps their results as real objects.
 *
 * <p>JShell only sees a string per execution. This control returns a key instead, under which the
 * actual value (or the actual exception a snippet threw) can be taken afterwards. Snippets run on a
 * separate daemon thread whose context class loader is the snippet loader, so that they can be
 * interrupted, and so that libraries which look things up through the context class loader (as
 * {@link java.util.ServiceLoader} does) see the jars added by magics.
 *
 * <p>An interrupt ({@link #interrupt()}) interrupts the snippet's thread and gives the snippet a
 * grace period ({@value #GRACE_ENV} seconds, {@value #DEFAULT_GRACE_SECONDS} by default) to return
 * on its own. Code that stops on an interrupt and returns what it has (as the toolkit's comparisons
 * do) keeps its value: {@code var c = plan.run();} still assigns {@code c}. Only if the snippet is
 * still running after the grace period is it abandoned, as an {@link InterruptedException}, so the
 * kernel is free for the next cell whatever the code does.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

  private static final AtomicInteger THREAD_IDS = new AtomicInteger();

  /** Environment variable: seconds an interrupted snippet may take to return on its own. */
  static final String GRACE_ENV = "AVIL_KERNEL_INTERRUPT_GRACE";

  static final double DEFAULT_GRACE_SECONDS = 20;

  private final ExecutorService executor;
  private final Map<String, Optional<Object>> results = new HashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread t = new Thread(task, "avil-interrupt-timer");
            t.setDaemon(true);
            return t;
          });
  private final long graceMillis;
  private volatile Future<?> running;
  private volatile Thread runningThread;
  private volatile boolean interrupted;
  private volatile boolean cellActive;
  private Throwable thrown;
  private int nextKey;

  InProcessExecutionControl(SnippetLoaderDelegate loaderDelegate) {
    this(loaderDelegate, graceFromEnvironment());
  }

  InProcessExecutionControl(SnippetLoaderDelegate loaderDelegate, long graceMillis) {
    super(loaderDelegate);
    this.graceMillis = graceMillis;
    ClassLoader snippetLoader = loaderDelegate.classLoader();
    this.executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread t = new Thread(task, "avil-cell-" + THREAD_IDS.incrementAndGet());
              t.setDaemon(true);
              t.setContextClassLoader(snippetLoader);
              return t;
            });
  }

  @Override
  protected String invoke(Method doitMethod) throws Exception {
    if (interrupted) {
      // interrupted while the cell's earlier work (compiling this snippet) was going on
      thrown = new InterruptedException("Cell execution was interrupted before this statement ran");
      throw new UserException(
          thrown.getMessage(), InterruptedException.class.getName(), new StackTraceElement[0]);
    }
    Future<Object> task =
        executor.submit(
            () -> {
              runningThread = Thread.currentThread();
              try {
                return doitMethod.invoke(null);
              } finally {
                runningThread = null;
              }
            });
    running = task;
    try {
      String key = "avil-result-" + nextKey++;
      results.put(key, Optional.ofNullable(task.get()));
      return key;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InvocationTargetException) {
        thrown = cause.getCause();
        throw (InvocationTargetException) cause;
      }
      thrown = cause;
      throw new UserException(
          String.valueOf(cause), cause.getClass().getName(), cause.getStackTrace());
    } catch (CancellationException e) {
      thrown = new InterruptedException("Cell execution was interrupted");
      throw new UserException(
          thrown.getMessage(), InterruptedException.class.getName(), new StackTraceElement[0]);
    } finally {
      running = null;
    }
  }

  /**
   * Takes the value stored under a key returned to JShell; empty if the key is unknown (a snippet
   * that was not executed by this control) or the value was {@code null}.
   */
  Optional<Object> takeResult(String key) {
    Optional<Object> value = results.remove(key);
    return value != null ? value : Optional.empty();
  }

  /** Takes the exception the last failed snippet threw, if any. */
  Optional<Throwable> takeThrown() {
    Throwable t = thrown;
    thrown = null;
    return Optional.ofNullable(t);
  }

  /**
   * Interrupts the running snippet, if any: its thread is interrupted at once, and the snippet is
   * abandoned if it has not returned after the grace period.
   */
  void interrupt() {
    Future<?> task = running;
    if (task == null) {
      interrupted = cellActive; // the next snippet of this cell will not start
      return;
    }
    interrupted = true;
    Thread t = runningThread;
    if (t == null) {
      task.cancel(true); // not started yet
      return;
    }
    t.interrupt();
    timer.schedule(
        () -> {
          if (!task.isDone()) {
            task.cancel(true);
          }
        },
        graceMillis,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Marks the start ({@code true}) or end of a cell, so an interrupt between its snippets is kept.
   */
  void cellActive(boolean active) {
    cellActive = active;
    if (active) {
      interrupted = false;
    }
  }

  /** Whether an interrupt arrived since the last call; clears the mark. */
  boolean takeInterrupted() {
    boolean was = interrupted;
    interrupted = false;
    return was;
  }

  @Override
  public void stop() {
    interrupt();
  }

  @Override
  public void close() {
    executor.shutdownNow();
    timer.shutdownNow();
    super.close();
  }

  private static long graceFromEnvironment() {
    String v = System.getenv(GRACE_ENV);
    if (v == null || v.isBlank()) {
      return (long) (DEFAULT_GRACE_SECONDS * 1000);
    }
    try {
      double seconds = Double.parseDouble(v.trim());
      if (seconds >= 0 && Double.isFinite(seconds)) {
        return (long) (seconds * 1000);
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    System.err.println(
        GRACE_ENV + " is '" + v + "'; expected seconds ≥ 0; using " + DEFAULT_GRACE_SECONDS);
    return (long) (DEFAULT_GRACE_SECONDS * 1000);
  }
}
