package dev.avil.tools;

import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The study's command line, read one way by {@link Study} and by the Spark study: {@code --key
 * value} pairs, each with the default the study documents.
 *
 * <pre>{@code
 * StudyArgs a = StudyArgs.parse(args, Study.class, Set.of("summarize"), Set.of());
 * a.seeds();   // --seeds 1,2,3, default 1,2,3,4,5
 * }</pre>
 *
 * @param values each option's value by its name without the dashes; a flag's value is "true"
 */
public record StudyArgs(Map<String, String> values) {
  /** The options every study reads. */
  static final List<String> OPTIONS =
      List.of("out", "settings", "methods", "seeds", "epochs", "patience");

  /** Keeps a copy of {@code values}. */
  public StudyArgs {
    values = Map.copyOf(values);
  }

  /**
   * Reads {@code --key value} pairs, and the {@code flags} given as {@code --flag} alone.
   *
   * @param args the command line
   * @param main the entry point, named in the message for an argument that is not an option
   * @param flags the options that take no value
   * @param extra the options with a value that this entry point reads beyond {@link #OPTIONS}
   * @return the options
   * @throws IllegalArgumentException for an argument that is not an accepted option, naming it and
   *     the accepted ones
   */
  public static StudyArgs parse(
      String[] args, Class<?> main, Set<String> flags, Set<String> extra) {
    List<String> accepted = new ArrayList<>(OPTIONS);
    accepted.addAll(new TreeSet<>(extra));
    accepted.addAll(new TreeSet<>(flags));
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (name != null && flags.contains(name)) {
        a.put(name, "true");
      } else if (name != null && accepted.contains(name) && i + 1 < args.length) {
        a.put(name, args[++i]);
      } else {
        String why =
            name == null || !accepted.contains(name)
                ? "unexpected argument " + args[i]
                : "option " + args[i] + " needs a value";
        throw new IllegalArgumentException(
            why
                + "; accepted: --"
                + String.join(", --", accepted)
                + " (see the javadoc of "
                + main.getName()
                + ")");
      }
    }
    return new StudyArgs(a);
  }

  /** Whether option {@code key} was given. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** {@code --out}: the study's folder, default {@code studies}. */
  public Path out() {
    return Path.of(values.getOrDefault("out", "studies"));
  }

  /** {@code --settings}: comma-separated setting names, default all of {@link Settings#NAMES}. */
  public List<String> settings() {
    return list("settings", Settings.NAMES);
  }

  /**
   * {@code --methods}: comma-separated method names ({@link Methods#parse}), default {@link
   * Methods#studyDefaults()}.
   *
   * @throws IllegalArgumentException naming an unknown method and the accepted ones
   */
  public List<Method> methods() {
    String given = values.get("methods");
    return given != null
        ? Methods.parseList(given)
        : Methods.studyDefaults().stream().map(Methods::parse).toList();
  }

  /** {@code --seeds}: comma-separated seeds, default 1,2,3,4,5. */
  public long[] seeds() {
    String seeds = values.getOrDefault("seeds", "1,2,3,4,5");
    try {
      return Arrays.stream(seeds.split(",")).mapToLong(Long::parseLong).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seeds " + seeds + " is not a comma-separated list of whole numbers, such as 1,2,3", e);
    }
  }

  /** {@code --epochs}: the most epochs of a run, default 100. */
  public int epochs() {
    return count("epochs", "100", 1);
  }

  /** {@code --patience}: epochs without a better dev score before a run stops, default 10. */
  public int patience() {
    return count("patience", "10", 0);
  }

  private int count(String key, String fallback, int least) {
    String value = values.getOrDefault(key, fallback);
    try {
      int n = Integer.parseInt(value);
      if (n >= least) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--" + key + " " + value + " is not a whole number ≥ " + least);
  }

  private List<String> list(String key, List<String> defaults) {
    return List.of(values.getOrDefault(key, String.join(",", defaults)).split(","));
  }
}
