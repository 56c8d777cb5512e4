package dev.avil.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluates cells on a kernel without a Jupyter connection. */
class AvilKernelTest {

  private static AvilKernel kernel;

  @BeforeAll
  static void startKernel() {
    kernel = AvilKernel.builder().build();
    kernel.onStartup();
  }

  @AfterAll
  static void stopKernel() {
    kernel.onShutdown(false);
  }

  @Test
  void cellValueIsTheRealObjectOfTheLastSnippet() {
    Object value =
        kernel.evalRaw(
            "var xs = new ArrayList<Integer>(List.of(3, 1, 2));\nCollections.sort(xs);\nxs");
    assertThat(value).isInstanceOf(java.util.ArrayList.class).isEqualTo(List.of(1, 2, 3));
  }

  @Test
  void declarationsSurviveAcrossCells() {
    kernel.evalRaw("int twice(int x) { return 2 * x; }");
    assertThat(kernel.evalRaw("twice(21)")).isEqualTo(42);
  }

  @Test
  void statementsHaveNoValue() {
    assertThat(kernel.evalRaw("int unused = 1;")).isNull();
    assertThat(kernel.eval("System.out.print(\"\")")).isNull();
  }

  @Test
  void aTrailingSemicolonHidesTheValue() {
    assertThat(kernel.evalRaw("List.of(1)")).isEqualTo(List.of(1));
    assertThat(kernel.evalRaw("List.of(1);")).isNull();
    assertThat(kernel.evalRaw("List.of(1); List.of(2)")).isEqualTo(List.of(2));
    assertThat(kernel.evalRaw("display(\"x\");")).isNull();
  }

  @Test
  void userExceptionsKeepTheirType() {
    assertThatThrownBy(
            () ->
                kernel.evalRaw(
                    "throw new java.io.UncheckedIOException(new java.io.IOException(\"disk\"))"))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("disk");
    assertThatThrownBy(() -> kernel.evalRaw("throw new Exception(\"checked\")"))
        .isExactlyInstanceOf(Exception.class)
        .hasMessage("checked");
  }

  @Test
  void errorsAreWrappedSoTheKernelCanReportThem() {
    assertThatThrownBy(() -> kernel.evalRaw("throw new AssertionError(\"nope\")"))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("AssertionError: nope");
  }

  @Test
  void compileErrorsAndIncompleteInputFail() {
    assertThatThrownBy(() -> kernel.evalRaw("Strng s = \"x\";"))
        .isInstanceOf(JShellEvaluator.CompilationException.class)
        .hasMessageContaining("cannot find symbol")
        .hasMessageNotContaining("location:");
    assertThatThrownBy(() -> kernel.evalRaw("int y = (1 +"))
        .isInstanceOf(JShellEvaluator.IncompleteSourceException.class);
    assertThat(kernel.formatError(new JShellEvaluator.IncompleteSourceException("x"))).isNotEmpty();
  }

  @Test
  void isCompleteFollowsJShell() {
    assertThat(kernel.isComplete("int a = 1;")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
    assertThat(kernel.isComplete("for (int i = 0; i < 3; i++) {")).isEqualTo("    ");
    assertThat(kernel.isComplete("%maven a:b:1")).isEqualTo(BaseKernel.IS_COMPLETE_YES);
  }

  @Test
  void completesJavaAndMagics() {
    assertThat(kernel.complete("Syst", 4).getReplacements()).contains("System");
    assertThat(kernel.complete("%mav", 4).getReplacements()).contains("%maven", "%mavenRepo");
  }

  @Test
  void displaysRichValuesThroughTheRenderer() {
    DisplayData html = kernel.eval("render(\"<b>hi</b>\", \"text/html\")");
    assertThat(html.getData(MIMEType.TEXT_HTML)).isEqualTo("<b>hi</b>");
  }

  @Test
  void mavenMagicResolvesFromTheLocalRepository() {
    // gson is a dependency of this module, so it is in the local repository.
    kernel.evalRaw("%maven com.google.code.gson:gson:2.11.0");
    assertThat(kernel.evalRaw("new com.google.gson.Gson().toJson(List.of(1, 2))"))
        .isEqualTo("[1,2]");
  }

  @Test
  void snapshotsInstalledWithMavenResolveOffline() throws Exception {
    // The parent POM is installed (mvn install) before this module builds.
    List<Path> files = new MavenResolver(true).resolve("dev.avil:avil-parent:pom:0.1.0-SNAPSHOT");
    assertThat(files)
        .singleElement()
        .satisfies(p -> assertThat(p).hasFileName("avil-parent-0.1.0-SNAPSHOT.pom"));
  }

  @Test
  void snapshotJarsAreCopiedSoThatAReinstallCannotBreakTheSession() throws Exception {
    // The toolkit is installed (mvn install) before this module builds.
    List<Path> files = new MavenResolver(true).resolve("dev.avil:avil-toolkit:0.1.0-SNAPSHOT");
    // The local repository Maven uses, as the resolver finds it: -Dmaven.repo.local if given.
    Path local =
        Path.of(
            System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
    Path own = files.get(0);
    assertThat(own).hasFileName("avil-toolkit-0.1.0-SNAPSHOT.jar");
    assertThat(own.startsWith(local)).as("%s is a copy outside %s", own, local).isFalse();
    Path installed =
        local.resolve("dev/avil/avil-toolkit/0.1.0-SNAPSHOT/avil-toolkit-0.1.0-SNAPSHOT.jar");
    if (Files.exists(installed)) {
      assertThat(Files.mismatch(own, installed)).isEqualTo(-1L);
    }
    assertThat(files.subList(1, files.size()))
        .as("release jars are used in place")
        .anySatisfy(p -> assertThat(p.startsWith(local)).isTrue());
    List<Path> again = new MavenResolver(true).resolve("dev.avil:avil-toolkit:0.1.0-SNAPSHOT");
    assertThat(again.get(0)).isNotEqualTo(own);
  }

  @Test
  void mavenMagicReportsUnknownArtifacts() {
    MavenResolver offline = new MavenResolver(true);
    assertThatThrownBy(() -> offline.resolve("dev.avil.test:does-not-exist:1.0"))
        .hasMessageContaining("does-not-exist");
  }

  @Test
  void classpathMagicInstallsExtensionRenderers(@TempDir Path dir) throws IOException {
    Path jar = extensionJar(dir);
    kernel.evalRaw("%classpath " + dir.toAbsolutePath() + "/*.jar");
    DisplayData shown = kernel.eval("new demo.Badge(\"αVIL\")");
    assertThat(shown.getData(MIMEType.TEXT_HTML)).isEqualTo("<span class=\"badge\">αVIL</span>");
    assertThat(jar).exists();
  }

  /** Compiles a jar with a JJava Extension that renders {@code demo.Badge} as HTML. */
  private static Path extensionJar(Path dir) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/demo"));
    Files.writeString(
        src.resolve("Badge.java"), "package demo; public record Badge(String text) {}");
    Files.writeString(
        src.resolve("BadgeExtension.java"),
        String.join(
            "\n",
            "package demo;",
            "import org.dflib.jjava.jupyter.kernel.BaseKernel;",
            "import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;",
            "public class BadgeExtension implements org.dflib.jjava.jupyter.Extension {",
            "  public void install(BaseKernel kernel) {",
            "    kernel.getRenderer().createRegistration(Badge.class).preferring(MIMEType.TEXT_HTML)",
            "        .register((b, ctx) -> ctx.renderIfRequested(MIMEType.TEXT_HTML,",
            "            () -> \"<span class=\\\"badge\\\">\" + b.text() + \"</span>\"));",
            "  }",
            "}"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            src.resolve("Badge.java").toString(),
            src.resolve("BadgeExtension.java").toString());
    assertThat(rc).isZero();
    Path jar = dir.resolve("badge.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name : List.of("demo/Badge.class", "demo/BadgeExtension.class")) {
        put(out, name, Files.readAllBytes(classes.resolve(name)));
      }
      put(
          out,
          "META-INF/services/org.dflib.jjava.jupyter.Extension",
          "demo.BadgeExtension\n".getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    OutputStream entry = out;
    entry.write(bytes);
    out.closeEntry();
  }
}
