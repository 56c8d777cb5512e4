package dev.avil.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.Comparison;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grid on a standalone Spark cluster, and its faults: Spark's own master and one worker, each
 * in a child JVM started here with the test classpath, all on 127.0.0.1. The worker starts its
 * executor JVM as a cluster does; the test JVM is the driver. A cell that fails inside its run is
 * reported and not retried; a cell whose executor dies is retried by Spark on a new one.
 *
 * <p>Without a Spark distribution there is no {@code SPARK_HOME/jars}: the worker is given an empty
 * one and the executor gets its classes from {@code spark.executor.extraClassPath}.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@org.junit.jupiter.api.Tag("slow")
class StandaloneClusterIT {
  private static final List<Process> processes = new ArrayList<>();
  private static Path logs;
  private static String classpath;
  private static int masterPort;

  @BeforeAll
  static void startCluster() throws Exception {
    logs = Path.of("target", "standalone-cluster").toAbsolutePath();
    Files.createDirectories(logs.resolve("spark-home/jars"));
    classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    masterPort = freePort();
    start(
        "master",
        "org.apache.spark.deploy.master.Master",
        "--host",
        "127.0.0.1",
        "--port",
        Integer.toString(masterPort),
        "--webui-port",
        Integer.toString(freePort()));
    awaitPort(masterPort);
    start(
        "worker",
        "org.apache.spark.deploy.worker.Worker",
        "--host",
        "127.0.0.1",
        "--webui-port",
        Integer.toString(freePort()),
        "--cores",
        "2",
        "--memory",
        "3g",
        "--work-dir",
        logs.resolve("work").toString(),
        "spark://127.0.0.1:" + masterPort);
  }

  @AfterAll
  static void stopCluster() {
    for (int i = processes.size() - 1; i >= 0; i--) { // the worker (and its executor) first
      processes.get(i).descendants().forEach(ProcessHandle::destroy);
      processes.get(i).destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void theGridOnAStandaloneClusterGivesTheInProcessRecords(@TempDir Path out) throws Exception {
    Comparison inProcess = Grids.plans().plan(Grids.SETTING).run();
    assertThat(inProcess.runs()).hasSize(4);

    Path archive = shippedArchive(out.resolve("mnist.tgz"));
    SparkJob.Report report;
    SparkJob.Report shipped;
    SparkJob.Report faulty;
    SparkJob.Report crash;
    try (JavaSparkContext sc =
        new JavaSparkContext(
            Grids.conf("spark://127.0.0.1:" + masterPort)
                .set("spark.archives", archive + "#mnist")
                .set("spark.executor.extraClassPath", classpath)
                .set("spark.executor.extraJavaOptions", "-Dai.djl.pytorch.num_threads=1")
                .set("spark.executor.cores", "2")
                .set("spark.executor.memory", "2g")
                .set("spark.cores.max", "2"))) {
      report = SparkJob.of(Grids.plans(), Grids.SETTING).run(sc, out);
      shipped = SparkJob.of(Grids.plans(), Grids.SHIPPED).run(sc, out);
      faulty = SparkJob.of(Grids.plans(), Grids.FAULTY).run(sc, out);
      crash = SparkJob.of(Grids.plans(), Grids.CRASH).run(sc, out);
    }
    assertThat(faulty.failed())
        .as("cells that fail inside their run")
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.attempt()).as("not retried by Spark").isZero());
    assertThat(faulty.finished()).hasSize(2);
    assertThat(crash.finished())
        .as("the cell whose executor died")
        .singleElement()
        .satisfies(
            r -> assertThat(r.attempt()).as("retried by Spark on a new executor").isEqualTo(1));
    assertThat(crash.comparison(Grids.CRASH).runs()).hasSize(1);
    assertThat(shipped.failed()).isEmpty();
    assertThat(shipped.finished().get(0).results().target())
        .as("the executor reads the data shipped with --archives")
        .isEqualTo("shipped-data");

    assertThat(report.failed()).isEmpty();
    assertThat(report.ran())
        .hasSize(4)
        .allSatisfy(
            r -> {
              assertThat(r.executor())
                  .as("ran on the worker's executor, not the driver")
                  .isNotEqualTo("driver");
              assertThat(r.threads()).isEqualTo(1);
              assertThat(r.attempt()).isZero();
            });
    SparkJobTest.assertSameRuns(report.comparison(Grids.SETTING), inProcess);
  }

  private static void start(String name, String mainClass, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx512m");
    for (String o : System.getProperty("avil.spark.java.options", "").split(" ")) {
      if (!o.isBlank()) {
        cmd.add(o);
      }
    }
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("SPARK_HOME", logs.resolve("spark-home").toString());
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    processes.add(pb.start());
  }

  /**
   * A stand-in for a data folder, packed as a user would: {@code tar czf mnist.tgz -C data/mnist .}
   */
  private static Path shippedArchive(Path tgz) throws IOException, InterruptedException {
    Path folder = Files.createDirectories(tgz.resolveSibling("mnist-folder"));
    Files.write(folder.resolve("train-images-idx3-ubyte"), new byte[] {0, 0, 8, 3});
    Process tar =
        new ProcessBuilder("tar", "czf", tgz.toString(), "-C", folder.toString(), ".")
            .inheritIO()
            .start();
    assertThat(tar.waitFor()).as("tar").isZero();
    return tgz;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        assertThat(processes.get(0).isAlive())
            .as("the master is running; see %s", logs.resolve("master.log"))
            .isTrue();
        Thread.sleep(200);
      }
    }
    throw new AssertionError(
        "the Spark master did not open port "
            + port
            + " in 60 s; see "
            + logs
            + File.separator
            + "master.log");
  }
}
