package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed kernel's snapshot folder is deleted by the next session, and no other folder is. */
class MavenResolverTest {

  @Test
  void deletesTheFoldersOfKernelsThatAreGoneOnly(@TempDir Path tmp) throws Exception {
    long gone = exitedProcessId();
    Path stale = session(tmp, gone);
    Path live = session(tmp, ProcessHandle.current().pid());
    Path other = Files.createDirectory(tmp.resolve("someone-else-" + gone));
    Path unnumbered = Files.createDirectory(tmp.resolve(MavenResolver.SESSION_PREFIX + "x1"));

    assertThat(MavenResolver.deleteStaleSessions(tmp)).isEqualTo(1);

    assertThat(stale).doesNotExist();
    assertThat(live).isDirectory();
    assertThat(live.resolve("load-1/toolkit.jar")).exists();
    assertThat(other).isDirectory();
    assertThat(unnumbered).isDirectory();
  }

  /** A session folder as the kernel lays it out: one sub-folder per load, holding a jar. */
  private static Path session(Path tmp, long pid) throws IOException {
    Path dir = Files.createDirectory(tmp.resolve(MavenResolver.SESSION_PREFIX + pid + "-42"));
    Path load = Files.createDirectory(dir.resolve("load-1"));
    Files.writeString(load.resolve("toolkit.jar"), "jar");
    return dir;
  }

  private static long exitedProcessId() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    assertThat(ProcessHandle.of(p.pid())).as("process %d has exited", p.pid()).isEmpty();
    return p.pid();
  }
}
