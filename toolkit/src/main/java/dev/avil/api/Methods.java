package dev.avil.api;

import dev.avil.weighting.AlphaVil;
import dev.avil.weighting.AlphaVilOptions;
import dev.avil.weighting.Arml;
import dev.avil.weighting.AutoLambda;
import dev.avil.weighting.CaGrad;
import dev.avil.weighting.Dwa;
import dev.avil.weighting.Famo;
import dev.avil.weighting.ForkMerge;
import dev.avil.weighting.Gcs;
import dev.avil.weighting.GradNorm;
import dev.avil.weighting.MetaTartan;
import dev.avil.weighting.MethodOptions;
import dev.avil.weighting.Mgda;
import dev.avil.weighting.NashMtl;
import dev.avil.weighting.OlAux;
import dev.avil.weighting.PcGrad;
import dev.avil.weighting.PriPcGrad;
import dev.avil.weighting.SingleTask;
import dev.avil.weighting.UncertaintyWeighting;
import dev.avil.weighting.Uniform;
import dev.avil.weighting.WeightRate;
import java.util.ArrayList;
import java.util.List;

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
  static final CatalogueEntry<SingleTask.Options> SINGLE_TASK =
      new CatalogueEntry<>(
          "single-task", MethodRole.SINGLE_TASK, SingleTask.Options.defaults(), SingleTask::new);
  static final CatalogueEntry<MethodOptions> UNIFORM =
      new CatalogueEntry<>("uniform", MethodRole.MULTITASK, Uniform.OPTIONS, o -> new Uniform());
  static final CatalogueEntry<AlphaVilOptions> AVIL =
      new CatalogueEntry<>(
          "avil", MethodRole.TARGET_AWARE, AlphaVilOptions.defaults(), AlphaVil::new);
  static final CatalogueEntry<AlphaVilOptions> AVIL_PAPER =
      new CatalogueEntry<>(
          "avil-paper", MethodRole.TARGET_AWARE, AlphaVilOptions.paper(), AlphaVil::new);
  static final CatalogueEntry<Gcs.Options> GCS =
      new CatalogueEntry<>("gcs", MethodRole.TARGET_AWARE, Gcs.Options.defaults(), Gcs::new);
  static final CatalogueEntry<OlAux.Options> OL_AUX =
      new CatalogueEntry<>("ol-aux", MethodRole.TARGET_AWARE, OlAux.Options.defaults(), OlAux::new);
  static final CatalogueEntry<ForkMerge.Options> FORKMERGE =
      new CatalogueEntry<>(
          "forkmerge", MethodRole.TARGET_AWARE, ForkMerge.Options.defaults(), ForkMerge::new);
  static final CatalogueEntry<AutoLambda.Options> AUTO_LAMBDA =
      new CatalogueEntry<>(
          "auto-lambda", MethodRole.TARGET_AWARE, AutoLambda.Options.defaults(), AutoLambda::new);
  static final CatalogueEntry<MetaTartan.Options> META_TARTAN =
      new CatalogueEntry<>(
          "meta-tartan", MethodRole.TARGET_AWARE, MetaTartan.Options.defaults(), MetaTartan::new);
  static final CatalogueEntry<WeightRate> ARML =
      new CatalogueEntry<>("arml", MethodRole.TARGET_AWARE, WeightRate.defaults(), Arml::new);
  static final CatalogueEntry<MethodOptions> PRIPCGRAD =
      new CatalogueEntry<>(
          "pripcgrad", MethodRole.TARGET_AWARE, PriPcGrad.OPTIONS, o -> new PriPcGrad());
  static final CatalogueEntry<Dwa.Options> DWA =
      new CatalogueEntry<>("dwa", MethodRole.MULTITASK, Dwa.Options.defaults(), Dwa::new);
  static final CatalogueEntry<WeightRate> UNCERTAINTY =
      new CatalogueEntry<>(
          "uncertainty", MethodRole.MULTITASK, WeightRate.defaults(), UncertaintyWeighting::new);
  static final CatalogueEntry<PcGrad.Options> PCGRAD =
      new CatalogueEntry<>("pcgrad", MethodRole.MULTITASK, PcGrad.Options.defaults(), PcGrad::new);
  static final CatalogueEntry<Mgda.Options> MGDA =
      new CatalogueEntry<>("mgda", MethodRole.MULTITASK, Mgda.Options.defaults(), Mgda::new);
  static final CatalogueEntry<CaGrad.Options> CAGRAD =
      new CatalogueEntry<>("cagrad", MethodRole.MULTITASK, CaGrad.Options.defaults(), CaGrad::new);
  static final CatalogueEntry<GradNorm.Options> GRADNORM =
      new CatalogueEntry<>(
          "gradnorm", MethodRole.MULTITASK, GradNorm.Options.defaults(), GradNorm::new);
  static final CatalogueEntry<Famo.Options> FAMO =
      new CatalogueEntry<>("famo", MethodRole.MULTITASK, Famo.Options.defaults(), Famo::new);
  static final CatalogueEntry<NashMtl.Options> NASH_MTL =
      new CatalogueEntry<>(
          "nash-mtl", MethodRole.MULTITASK, NashMtl.Options.defaults(), NashMtl::new);

  private static final List<CatalogueEntry<?>> ENTRIES =
      List.of(
          SINGLE_TASK,
          UNIFORM,
          AVIL,
          AVIL_PAPER,
          GCS,
          OL_AUX,
          FORKMERGE,
          AUTO_LAMBDA,
          META_TARTAN,
          ARML,
          PRIPCGRAD,
          DWA,
          UNCERTAINTY,
          PCGRAD,
          MGDA,
          CAGRAD,
          GRADNORM,
          FAMO,
          NASH_MTL);

  /**
   * The controls the study runs beside the catalogue: more target steps than any other method, and
   * the null control, whose paired differences against single-task are the protocol's own noise.
   */
  private static final List<String> CONTROLS =
      List.of("single-task(passes=6)", "single-task(nudge=1.0E-4)");

  private Methods() {}

  /** Every catalogue identifier, in the catalogue's order. */
  public static List<String> ids() {
    return ENTRIES.stream().map(CatalogueEntry::id).toList();
  }

  /**
   * The names of the methods a study runs unless told otherwise, the Spark study too: every
   * catalogue entry, and after single-task two controls: the same with six passes an epoch, more
   * target steps than any other method, and the null control, the same with its loss weight nudged
   * by one part in ten thousand ({@link dev.avil.weighting.SingleTask}).
   */
  public static List<String> studyDefaults() {
    List<String> study = new ArrayList<>();
    for (String id : ids()) {
      study.add(id);
      if (id.equals("single-task")) {
        study.addAll(CONTROLS);
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
    CatalogueEntry<?> entry =
        ENTRIES.stream().filter(e -> e.id().equals(id)).findFirst().orElse(null);
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown method '"
              + name
              + "'; accepted: "
              + String.join(", ", ids())
              + ", each"
              + " optionally with options, as in avil(rho=0.5 evidence=3)");
    }
    if (open < 0) {
      return entry.method(entry.defaults());
    }
    if (!n.endsWith(")")) {
      throw new IllegalArgumentException(
          "method '" + name + "' opens its options with '(' but does not close them with ')'");
    }
    MethodOptions options = entry.defaults();
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
    return entry.method(options);
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
