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
import java.util.concurrent.atomic.AtomicInteger;

import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs JShell snippets in the kernel JVM and keeps their results as real objects.
 *
 * <p>JShell only sees a string per execution. This control returns a key instead, under which the
 * actual value (or the actual exception a snippet threw) can be taken afterwards. Snippets run on
 * a separate daemon thread whose context class loader is the snippet loader, so that they can be
 * interrupted, and so that libraries which look things up through the context class loader (as
 * {@link java.util.ServiceLoader} does) see the jars added by magics.
 */
final class InProcessExecutionControl extends DirectExecutionControl {

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final ExecutorService executor;
    private final Map<String, Optional<Object>> results = new HashMap<>();
    private volatile Future<?> running;
    private Throwable thrown;
    private int nextKey;

    InProcessExecutionControl(SnippetLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
        ClassLoader snippetLoader = loaderDelegate.classLoader();
        this.executor = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, "avil-cell-" + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(snippetLoader);
            return t;
        });
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Future<Object> task = executor.submit(() -> doitMethod.invoke(null));
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
            throw new UserException(String.valueOf(cause), cause.getClass().getName(), cause.getStackTrace());
        } catch (CancellationException e) {
            thrown = new InterruptedException("Cell execution was interrupted");
            throw new UserException(thrown.getMessage(), InterruptedException.class.getName(), new StackTraceElement[0]);
        } finally {
            running = null;
        }
    }

    /**
     * Takes the value stored under a key returned to JShell; empty if the key is unknown (a
     * snippet that was not executed by this control) or the value was {@code null}.
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

    /** Interrupts the running snippet, if any. */
    void interrupt() {
        Future<?> task = running;
        if (task != null) {
            task.cancel(true);
        }
    }

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }
}
