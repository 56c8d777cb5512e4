package dev.avil.spark;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.MethodRole;
import dev.avil.model.Trunks;
import dev.avil.task.Task;
import dev.avil.task.Tasks;
import dev.avil.testing.Synthetic;
import dev.avil.train.Strategy;
import dev.avil.train.TrainingListener;
import dev.avil.weighting.Uniform;
import org.apache.spark.SparkConf;

/** The small grids of the tests: 2 methods × 2 seeds on the toolkit's synthetic tasks. */
final class Grids {
  static final String SETTING = "blobs";
  static final String FAULTY = "faulty";
  static final String EXPLODING = "exploding";
  static final String SHIPPED = "shipped";
  static final String CRASH = "crash";

  private Grids() {}

  /**
   * Setting {@code blobs}: uniform MTL and αVIL, seeds 1 and 2, 3 epochs on small blobs. Setting
   * {@code faulty}: uniform MTL and a method that throws in its second epoch, as a run does on a
   * non-finite loss.
   */
  static Plans plans() {
    return setting -> {
      Task full = Synthetic.blobs("target", 1200, 8, 4, 1.0, 11);
      Task target = full.trainSize(150);
      Task copy = full.named("copy");
      Task noise = Tasks.randomLabels("noise", full, 5);
      Experiment e =
          Experiment.target(target)
              .aux(copy, noise)
              .trunk(Trunks.mlp(16))
              .headHidden(8)
              .epochs(3)
              .batchSize(32)
              .listener(TrainingListener.silent());
      return switch (setting) {
        case SETTING -> e.compare(Method.uniform(), Method.alphaVil()).seeds(1, 2);
        case FAULTY -> e.compare(Method.uniform(), exploding()).seeds(1, 2);
        case CRASH -> {
          crashExecutorOnFirstAttempt();
          yield e.epochs(1).compare(Method.singleTask()).seeds(1);
        }
        case SHIPPED ->
            Experiment.target(target.named(shippedData()))
                .epochs(1)
                .listener(TrainingListener.silent())
                .compare(Method.singleTask())
                .seeds(1);
        default -> throw new IllegalArgumentException("no setting " + setting);
      };
    };
  }

  /**
   * Where the executor found the MNIST folder that the job shipped as {@code --archives
   * FILE#mnist}: {@code shipped-data} if {@code avil.mnist.dir} names a folder holding the shipped
   * file, else what it found. It becomes the target's name, so the driver sees it in the results.
   */
  static String shippedData() {
    String dir = System.getProperty("avil.mnist.dir");
    return dir != null
            && java.nio.file.Files.exists(java.nio.file.Path.of(dir, "train-images-idx3-ubyte"))
        ? "shipped-data"
        : "no-data-in-" + dir;
  }

  /**
   * Kills the executor's JVM, as a machine that fails would, on a task's first attempt; never the
   * driver's (in {@code local} mode the driver is the executor, and nothing happens).
   */
  static void crashExecutorOnFirstAttempt() {
    org.apache.spark.SparkEnv env = org.apache.spark.SparkEnv.get();
    org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
    if (env != null
        && task != null
        && !env.executorId().equals("driver")
        && task.attemptNumber() == 0) {
      Runtime.getRuntime().halt(3);
    }
  }

  /** Uniform MTL that fails in its second epoch. */
  static Method exploding() {
    return Method.custom(
        EXPLODING,
        MethodRole.MULTITASK,
        Uniform.OPTIONS,
        o ->
            new Strategy() {
              private final Uniform uniform = new Uniform();
              private int epoch;

              @Override
              public EpochWeights trainEpoch(dev.avil.train.TrainingRun run) {
                if (++epoch == 2) {
                  throw new IllegalStateException(
                      "non-finite training loss NaN (the test's exploding method)");
                }
                return uniform.trainEpoch(run);
              }
            });
  }

  /** A driver that reaches only the loopback address and runs no web UI. */
  static SparkConf conf(String master) {
    return new SparkConf()
        .setMaster(master)
        .setAppName("avil-test")
        .set("spark.driver.host", "127.0.0.1")
        .set("spark.driver.bindAddress", "127.0.0.1")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.sql.shuffle.partitions", "2");
  }
}
