package dev.avil.tools;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Settings;
import dev.avil.train.ProgressLog;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every study reads, the study's and the Spark study's alike: where it writes, which
 * settings, methods and seeds, and the fair protocol's epochs and patience.
 */
public final class StudyOptions {
  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = "studies",
      description = "the study's folder, one subfolder a setting (default: ${DEFAULT-VALUE})")
  private Path out;

  @Option(
      names = "--settings",
      split = ",",
      paramLabel = "NAME",
      description =
          "settings, comma-separated: mnist-negative, mnist-positive, fashion-negative,"
              + " fashion-positive, text-sentiment, gen-N or a drawn setting's recipe (default:"
              + " the first five)")
  private List<String> settings = Settings.NAMES;

  @Option(
      names = "--methods",
      paramLabel = "NAMES",
      converter = Cli.MethodList.class,
      description =
          "methods, comma-separated, as the tables name them, e.g. single-task,avil(rho=0.5)"
              + " (default: the catalogue's study list)")
  private List<Method> methods;

  private long[] seeds = {1, 2, 3, 4, 5};
  private int epochs = 100;
  private int patience = 10;

  @Option(
      names = "--seeds",
      split = ",",
      paramLabel = "N",
      description = "seeds, comma-separated (default: 1,2,3,4,5)")
  private void seeds(long[] s) {
    Cli.require(s.length > 0, spec, "--seeds needs at least one seed");
    seeds = s;
  }

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "the most epochs of a run, ≥ 1 (default: 100)")
  private void epochs(int n) {
    Cli.require(n >= 1, spec, "--epochs " + n + " must be a whole number ≥ 1");
    epochs = n;
  }

  @Option(
      names = "--patience",
      paramLabel = "N",
      description =
          "epochs without a better selection accuracy before a run stops, once the target has"
              + " left chance; 0 trains every epoch (default: 10)")
  private void patience(int n) {
    Cli.require(n >= 0, spec, "--patience " + n + " must be a whole number ≥ 0");
    patience = n;
  }

  /** The study's folder. */
  public Path out() {
    return out;
  }

  /** The settings' names. */
  public List<String> settings() {
    return List.copyOf(settings);
  }

  /** The methods. */
  public List<Method> methods() {
    return methods != null
        ? methods
        : Methods.studyDefaults().stream().map(Methods::parse).toList();
  }

  /** The seeds. */
  public long[] seeds() {
    return seeds.clone();
  }

  /** The most epochs of a run. */
  public int epochs() {
    return epochs;
  }

  /** The patience of early stopping. */
  public int patience() {
    return patience;
  }

  /** Each setting's experiment under the fair protocol, progress on standard output. */
  public Map<String, Experiment> experiments() {
    Map<String, Experiment> e = new LinkedHashMap<>();
    for (String setting : settings) {
      e.put(
          setting,
          Settings.named(setting)
              .epochs(epochs)
              .patience(patience)
              .listener(ProgressLog.toStdout()));
    }
    return e;
  }
}
