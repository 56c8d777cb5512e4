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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every study reads, the study's and the Spark study's alike: where it writes, which
 * settings, methods and seeds, and the fair protocol's epochs and patience.
 */
public final class StudyOptions {
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

  @Mixin private ProtocolOptions protocol = new ProtocolOptions(1, 2, 3, 4, 5);

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

  /** The seeds, epochs and patience. */
  public ProtocolOptions protocol() {
    return protocol;
  }

  /** Each setting's experiment under the fair protocol, progress on standard output. */
  public Map<String, Experiment> experiments() {
    Map<String, Experiment> e = new LinkedHashMap<>();
    for (String setting : settings) {
      e.put(
          setting,
          Settings.named(setting)
              .epochs(protocol.epochs())
              .patience(protocol.patience())
              .listener(ProgressLog.toStdout()));
    }
    return e;
  }
}
