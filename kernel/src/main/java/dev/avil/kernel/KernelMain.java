package dev.avil.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel: {@code java -jar avil-kernel.jar CONNECTION_FILE}.
 *
 * <p>The process exits as soon as a client sends {@code shutdown_request}, or when the Jupyter
 * client that started it is gone. JJava's own connection teardown can take a minute, so it is not
 * waited for.
 */
public final class KernelMain {

  /** Time left for the shutdown reply to reach the client before the JVM exits. */
  private static final long REPLY_FLUSH_MILLIS = 100;

  /** Time after which a JVM whose shutdown hooks hang is halted. */
  private static final long HALT_AFTER_MILLIS = 3000;

  private KernelMain() {}

  /**
   * Runs the kernel until it is asked to shut down.
   *
   * @param args the path of the Jupyter connection file
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: java -jar avil-kernel.jar CONNECTION_FILE");
      System.exit(2);
    }
    java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
    KernelConnectionProperties properties =
        KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));

    AvilKernel kernel = AvilKernel.builder().build();
    JupyterConnection connection = new JupyterConnection(properties);
    kernel.becomeHandlerForConnection(connection);
    kernel.onStartup();
    connection.connect();

    CompletableFuture.anyOf(kernel.shutdownRequested(), clientGone()).join();
    exit();
  }

  /**
   * Completes when the Jupyter client is gone: the process named by {@code JPY_PARENT_PID} (which
   * Jupyter sets, and which may have died while this JVM was starting), else this process's parent.
   */
  private static CompletableFuture<?> clientGone() {
    String pid = System.getenv("JPY_PARENT_PID");
    Optional<ProcessHandle> client =
        pid != null && pid.matches("\\d+")
            ? ProcessHandle.of(Long.parseLong(pid))
            : ProcessHandle.current().parent();
    return client
        .map(ProcessHandle::onExit)
        .orElseGet(() -> CompletableFuture.completedFuture(null));
  }

  private static void exit() throws InterruptedException {
    Thread.sleep(REPLY_FLUSH_MILLIS);
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException ignored) {
                // exiting anyway
              }
              Runtime.getRuntime().halt(0);
            },
            "avil-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(0);
  }
}
