package dev.avil.runtime;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * DJL settings the toolkit applies before the engine first starts: offline mode, the usage-tracking
 * opt-out, the PyTorch engine and its thread counts. Each is set only when the user has not set it
 * already, as a system property or an environment variable of the same name, so a user can override
 * any of them (for example {@code -Dai.djl.pytorch.num_threads=1}). It also keeps the C allocator
 * from returning tensor memory to the kernel after every step ({@link NativeMemory}).
 */
public final class DjlRuntime {
  private static final String[][] DEFAULTS = {
    {"ai.djl.offline", "true"},
    {"OPT_OUT_TRACKING", "true"},
    {"ai.djl.default_engine", "PyTorch"},
    {"ai.djl.pytorch.num_threads", "2"},
    {"ai.djl.pytorch.num_interop_threads", "1"},
  };

  private static volatile boolean configured;

  private DjlRuntime() {}

  /** Applies the defaults once; safe to call from any thread, any number of times. */
  public static void configure() {
    if (configured) {
      return;
    }
    synchronized (DjlRuntime.class) {
      if (!configured) {
        for (String[] kv : DEFAULTS) {
          if (System.getProperty(kv[0]) == null && System.getenv(kv[0]) == null) {
            System.setProperty(kv[0], kv[1]);
          }
        }
        NativeMemory.apply(
            System.getProperty(NativeMemory.SETTING, System.getenv(NativeMemory.SETTING)));
        configured = true;
      }
    }
  }

  /** A new top-level manager on the PyTorch engine, after {@link #configure()}. */
  public static NDManager newManager() {
    configure();
    return Engine.getEngine("PyTorch").newBaseManager();
  }
}
