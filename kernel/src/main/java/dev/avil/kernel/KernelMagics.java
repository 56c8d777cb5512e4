package dev.avil.kernel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * The line magics that add libraries to a running notebook.
 *
 * <ul>
 *   <li>{@code %maven g:a:v ...} resolves artifacts and their runtime dependencies (see {@link
 *       MavenResolver});
 *   <li>{@code %mavenRepo id url} adds a repository for later {@code %maven} calls;
 *   <li>{@code %classpath path-or-glob ...} (alias {@code %jars}) adds jars or class directories.
 * </ul>
 */
final class KernelMagics {

  private KernelMagics() {}

  /** Registers the magics on a kernel builder. */
  static void register(AvilKernel.Builder builder, MavenResolver resolver) {
    LineMagic<Void, AvilKernel> classpath = KernelMagics::classpath;
    builder.lineMagic(
        "maven", (LineMagic<Void, AvilKernel>) (kernel, args) -> maven(kernel, args, resolver));
    builder.lineMagic(
        "mavenRepo", (LineMagic<Void, AvilKernel>) (kernel, args) -> mavenRepo(args, resolver));
    builder.lineMagic("classpath", classpath);
    builder.lineMagic("jars", classpath);
  }

  private static Void maven(AvilKernel kernel, List<String> args, MavenResolver resolver)
      throws Exception {
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          "usage: %maven groupId:artifactId[:extension[:classifier]]:version ...");
    }
    List<Path> jars = new ArrayList<>();
    for (String coordinates : args) {
      jars.addAll(resolver.resolve(coordinates));
    }
    kernel.addToClasspath(jars);
    return null;
  }

  private static Void mavenRepo(List<String> args, MavenResolver resolver) {
    if (args.size() != 2) {
      throw new IllegalArgumentException("usage: %mavenRepo id url");
    }
    resolver.addRepository(args.get(0), args.get(1));
    return null;
  }

  private static Void classpath(AvilKernel kernel, List<String> args) {
    List<Path> paths = new ArrayList<>();
    for (String arg : args) {
      List<Path> matches = PathsHandler.splitAndResolveGlobs(arg);
      if (matches.isEmpty()) {
        throw new IllegalArgumentException("nothing matches " + arg);
      }
      paths.addAll(matches);
    }
    kernel.addToClasspath(paths);
    return null;
  }
}
