package dev.avil.kernel;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * Resolves Maven coordinates, with their runtime dependencies, to jar files.
 *
 * <p>The local repository named by the user's Maven settings ({@code ~/.m2/repository} by default)
 * is tried first, offline, so artifacts that are already there (including ones installed with
 * {@code mvn install}, snapshots too) never need the network. Only if that fails, and {@value
 * #OFFLINE_ENV} is not set, are the remote repositories asked.
 *
 * <p>Snapshot jars are copied into a folder of this kernel session before they are used, so a
 * {@code mvn install} that replaces a snapshot in the local repository while a notebook runs does
 * not pull the jar out from under the session. Release jars never change and are used in place. The
 * folder is deleted when the kernel exits; a kernel that is killed cannot do so, and the next
 * session's first copy deletes the folders of sessions whose process is gone.
 */
final class MavenResolver {

  /**
   * Environment variable that, when set to anything but {@code 0} or {@code false}, forbids remote
   * access.
   */
  static final String OFFLINE_ENV = "AVIL_KERNEL_OFFLINE";

  /** The start of a session folder's name, followed by the kernel's process id and a dash. */
  static final String SESSION_PREFIX = "avil-kernel-jars-";

  private final List<RemoteRepository> extraRepositories = new ArrayList<>();
  private final boolean offlineOnly;
  private Path sessionJars;

  MavenResolver(boolean offlineOnly) {
    this.offlineOnly = offlineOnly;
  }

  /** A resolver configured from {@value #OFFLINE_ENV}. */
  static MavenResolver fromEnvironment() {
    String value = System.getenv(OFFLINE_ENV);
    boolean offline =
        value != null && !value.isBlank() && !value.equals("0") && !value.equalsIgnoreCase("false");
    return new MavenResolver(offline);
  }

  /** Adds a remote repository, searched after those of the user's settings. */
  synchronized void addRepository(String id, String url) {
    extraRepositories.removeIf(r -> r.getId().equals(id));
    extraRepositories.add(new RemoteRepository.Builder(id, "default", url).build());
  }

  /**
   * Resolves one artifact ({@code groupId:artifactId[:extension[:classifier]]:version}) and its
   * runtime dependencies.
   *
   * @return the jar files, the artifact's own first
   */
  synchronized List<Path> resolve(String coordinates) throws DependencyResolutionException {
    Artifact artifact = new DefaultArtifact(coordinates);
    try {
      return resolve(artifact, true);
    } catch (DependencyResolutionException offlineFailure) {
      if (offlineOnly) {
        throw offlineFailure;
      }
      return resolve(artifact, false);
    }
  }

  private List<Path> resolve(Artifact artifact, boolean offline)
      throws DependencyResolutionException {
    ContextOverrides overrides =
        ContextOverrides.create()
            .withUserSettings(true)
            .offline(offline)
            .repositories(List.copyOf(extraRepositories))
            .addRepositoriesOp(ContextOverrides.AddRepositoriesOp.APPEND)
            .build();
    try (Context context = Runtimes.INSTANCE.getRuntime().create(overrides)) {
      CollectRequest collect =
          new CollectRequest(new Dependency(artifact, "runtime"), context.remoteRepositories());
      return context
          .repositorySystem()
          .resolveDependencies(
              context.repositorySystemSession(), new DependencyRequest(collect, null))
          .getArtifactResults()
          .stream()
          .map(ArtifactResult::getArtifact)
          .map(a -> a.isSnapshot() ? sessionCopy(a.getFile().toPath()) : a.getFile().toPath())
          .collect(Collectors.toList());
    }
  }

  /**
   * A copy of {@code file} in this session's folder (a new one for every load, so loading a
   * reinstalled snapshot again gives the new jar).
   */
  private Path sessionCopy(Path file) {
    try {
      if (sessionJars == null) {
        sessionJars =
            Files.createTempDirectory(SESSION_PREFIX + ProcessHandle.current().pid() + "-");
        deleteStaleSessions(sessionJars.getParent());
        Path dir = sessionJars;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
      }
      Path copy = Files.createTempDirectory(sessionJars, "load-").resolve(file.getFileName());
      Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy the snapshot jar " + file + " into this kernel session's folder", e);
    }
  }

  /**
   * Deletes the session folders in {@code tmp} whose kernel process is no longer running.
   *
   * @return how many it deleted
   */
  static int deleteStaleSessions(Path tmp) {
    int deleted = 0;
    try (Stream<Path> entries = Files.list(tmp)) {
      for (Path dir : (Iterable<Path>) entries::iterator) {
        String name = dir.getFileName().toString();
        if (!name.startsWith(SESSION_PREFIX)) {
          continue;
        }
        String pid = name.substring(SESSION_PREFIX.length()).split("-", 2)[0];
        if (pid.matches("\\d{1,18}")
            && ProcessHandle.of(Long.parseLong(pid)).isEmpty()
            && Files.isDirectory(dir)) {
          deleteTree(dir);
          deleted++;
        }
      }
    } catch (IOException ignored) {
      // an unreadable temporary directory: the folders stay, as they would have
    }
    return deleted;
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // the folder is in the temporary directory
    }
  }
}
