package dev.avil.tools;

import dev.avil.api.Experiment;
import dev.avil.api.Grid;
import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Settings;
import dev.avil.train.ProgressLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every study reads, the study's and the Spark study's alike: where it writes, which
 * settings, methods and seeds, and the fair protocol's epochs and early stopping.
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
              + " fashion-positive, text-finetuned, text-frozen, gen-N or a drawn setting's recipe"
              + " (default: the first five)")
  private List<String> settings = Settings.STUDY;

  @Option(
      names = "--methods",
      paramLabel = "NAMES",
      converter = Cli.MethodList.class,
      description =
          "methods, comma-separated, as the tables name them, e.g. single-task,avil(rho=0.5)"
              + " (default: the catalogue's study list; on text-finetuned, where a run takes half"
              + " an hour, single-task, uniform, avil, forkmerge and auto-lambda)")
  private List<Method> methods;

  /** The methods a study runs on {@code text-finetuned} unless told otherwise. */
  static final List<String> FINE_TUNED_METHODS =
      List.of("single-task", "uniform", "avil", "forkmerge", "auto-lambda");

  @Mixin private ProtocolOptions protocol = new ProtocolOptions(1, 2, 3, 4, 5);

  /** The study's folder. */
  public Path out() {
    return out;
  }

  /** The settings' names. */
  public List<String> settings() {
    return List.copyOf(settings);
  }

  /** The methods run on {@code setting}: those given, or that setting's default. */
  public List<Method> methods(String setting) {
    if (methods != null) {
      return methods;
    }
    List<String> ids =
        setting.equals("text-finetuned") ? FINE_TUNED_METHODS : Methods.studyDefaults();
    return ids.stream().map(Methods::parse).toList();
  }

  /** The seeds, epochs and patience. */
  public ProtocolOptions protocol() {
    return protocol;
  }

  /** The setting called {@code name} under the fair protocol, progress on standard output. */
  public Experiment experiment(String name) {
    return experiment(name, protocol.rule());
  }

  /**
   * The setting called {@code name} held to {@code rule}, progress on standard output: the study's
   * experiment from a name and a rule alone, for plans that go to other processes.
   */
  public static Experiment experiment(String name, ProtocolOptions.Rule rule) {
    return rule.on(Settings.named(name)).listener(ProgressLog.toStdout());
  }

  /**
   * Every cell of the study, seed by seed and then setting by setting, so that a study stopped
   * early has as many seeds of every setting; each setting runs {@link #methods(String) its
   * methods}, on the experiment that {@code experiment} gives for its name (which may give null
   * where only the cells' names are wanted).
   */
  public List<Grid.Cell> cells(Function<String, Experiment> experiment) {
    List<Grid.Cell> cells = new ArrayList<>();
    for (String setting : settings) {
      Map<String, Experiment> one = new HashMap<>();
      one.put(setting, experiment.apply(setting));
      cells.addAll(new Grid(one, methods(setting), protocol.seeds()).cells());
    }
    cells.sort(Comparator.comparingLong(Grid.Cell::seed));
    return cells;
  }
}
