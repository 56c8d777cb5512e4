package dev.avil.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of methods: every method under the one name it has everywhere, in tables, files, on
 * the command line and in the study. A name is a catalogue identifier, optionally followed by
 * options that differ from the entry's, as {@link Method#name()} writes it; {@link #parse} reads it
 * back into the same method.
 *
 * <pre>{@code
 * Methods.parse("avil");                        // Method.alphaVil()
 * Methods.parse("avil(rho=0.5 evidence=3)");    // Method.alphaVil(a -> a.rho(0.5).evidence(3))
 * Methods.parseList("single-task,uniform,avil(rho=0.5)");
 * Methods.ids();                                // every identifier
 * }</pre>
 */
public final class Methods {
  private static final Map<String, Supplier<Method>> ENTRIES = new LinkedHashMap<>();

  static {
    ENTRIES.put("single-task", Method::singleTask);
    ENTRIES.put("uniform", Method::uniform);
    ENTRIES.put("avil", Method::alphaVil);
    ENTRIES.put("avil-paper", Method::alphaVilPaper);
    ENTRIES.put("gcs", Method::gcs);
    ENTRIES.put("ol-aux", Method::olAux);
    ENTRIES.put("forkmerge", Method::forkMerge);
    ENTRIES.put("auto-lambda", Method::autoLambda);
    ENTRIES.put("meta-tartan", Method::metaTartan);
    ENTRIES.put("arml", Method::arml);
    ENTRIES.put("pripcgrad", Method::priPcGrad);
    ENTRIES.put("dwa", Method::dwa);
    ENTRIES.put("uncertainty", Method::uncertainty);
    ENTRIES.put("pcgrad", Method::pcGrad);
    ENTRIES.put("mgda", Method::mgda);
    ENTRIES.put("cagrad", Method::caGrad);
    ENTRIES.put("gradnorm", Method::gradNorm);
    ENTRIES.put("famo", Method::famo);
    ENTRIES.put("nash-mtl", Method::nashMtl);
  }

  /** The control the study runs beside the catalogue: more target steps than any other method. */
  private static final String CONTROL = "single-task(passes=6)";

  private Methods() {}

  /** Every catalogue identifier, in the catalogue's order. */
  public static List<String> ids() {
    return List.copyOf(ENTRIES.keySet());
  }

  /**
   * The names of the methods a study runs unless told otherwise, the Spark study too: every
   * catalogue entry, and after single-task the same with six passes an epoch, a control with more
   * target steps than any other method.
   */
  public static List<String> studyDefaults() {
    List<String> study = new ArrayList<>();
    for (String id : ids()) {
      study.add(id);
      if (id.equals("single-task")) {
        study.add(CONTROL);
      }
    }
    return List.copyOf(study);
  }

  /**
   * The method called {@code name}: an identifier of {@link #ids()}, optionally followed by options
   * in parentheses, {@code key=value} separated by spaces, as {@link Method#name()} writes them.
   *
   * @throws IllegalArgumentException naming the name and what is accepted, if there is no such
   *     method or option
   */
  public static Method parse(String name) {
    String n = name == null ? "" : name.strip();
    int open = n.indexOf('(');
    String id = open < 0 ? n : n.substring(0, open).strip();
    Supplier<Method> entry = ENTRIES.get(id);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown method '"
              + name
              + "'; accepted: "
              + String.join(", ", ids())
              + ", each"
              + " optionally with options, as in avil(rho=0.5 evidence=3)");
    }
    Method base = entry.get();
    if (open < 0) {
      return base;
    }
    if (!n.endsWith(")")) {
      throw new IllegalArgumentException(
          "method '" + name + "' opens its options with '(' but does not close them with ')'");
    }
    var options = base.settings();
    for (String kv : n.substring(open + 1, n.length() - 1).trim().split("\\s+")) {
      if (kv.isEmpty()) {
        continue;
      }
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "option '" + kv + "' of method '" + name + "' is not key=value");
      }
      options = options.with(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return base.withOptions(options, Method.nameOf(id, base.settings(), options));
  }

  /**
   * The methods of a comma-separated list of names ({@link #parse}); commas inside parentheses
   * belong to a name.
   */
  public static List<Method> parseList(String names) {
    List<Method> out = new ArrayList<>();
    int depth = 0;
    int from = 0;
    for (int i = 0; i <= names.length(); i++) {
      char c = i < names.length() ? names.charAt(i) : ',';
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        String one = names.substring(from, i).strip();
        if (!one.isEmpty()) {
          out.add(parse(one));
        }
        from = i + 1;
      }
    }
    return out;
  }
}
