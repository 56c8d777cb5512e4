package dev.avil.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;

/**
 * Keeps glibc's allocator from handing PyTorch's tensor memory back to the kernel after every step.
 * By default glibc serves a block above a moving threshold (128 kB at start) with a fresh mapping
 * and gives the top of a heap back once 128 kB are free there. A training step makes and frees
 * tensors of about a megabyte, so each step would map, fault in and zero new pages; with blocks up
 * to 32 MB served from the heaps and up to 128 MB of free memory kept at their top, the pages are
 * used again ({@code docs/performance.md}).
 *
 * <p>Applied once, when the toolkit configures DJL; {@code -Davil.mallocTuning=false} (or the
 * environment variable of that name) leaves glibc's defaults. Elsewhere than glibc it does nothing.
 */
final class NativeMemory {
  /** The setting that turns the tuning off when it is {@code false}. */
  static final String SETTING = "avil.mallocTuning";

  private static final int M_TRIM_THRESHOLD = -1;
  private static final int M_TOP_PAD = -2;
  private static final int M_MMAP_THRESHOLD = -3;
  private static final int MB = 1 << 20;

  private NativeMemory() {}

  /** glibc's {@code mallopt}. */
  private interface LibC extends Library {
    int mallopt(int param, int value);
  }

  /**
   * Applies the tuning unless {@code setting} is {@code "false"}.
   *
   * @return whether glibc took every value
   * @throws IllegalArgumentException if {@code setting} is neither unset, {@code true} nor {@code
   *     false}
   */
  static boolean apply(String setting) {
    if (setting != null) {
      String s = setting.trim().toLowerCase(Locale.ROOT);
      if (s.equals("false")) {
        return false;
      }
      if (!s.equals("true")) {
        throw new IllegalArgumentException(
            SETTING + " is '" + setting + "'; it must be true or false");
      }
    }
    LibC c;
    try {
      c = Native.load("c", LibC.class);
    } catch (UnsatisfiedLinkError e) {
      return false; // no C library JNA can load under that name: not glibc
    }
    try {
      // the threshold first: setting any of the three stops glibc from moving it by itself
      return c.mallopt(M_MMAP_THRESHOLD, 32 * MB) == 1
          & c.mallopt(M_TRIM_THRESHOLD, 128 * MB) == 1
          & c.mallopt(M_TOP_PAD, 32 * MB) == 1;
    } catch (UnsatisfiedLinkError e) {
      return false; // a C library without mallopt
    }
  }
}
