package dev.avil.weighting;

import static dev.avil.weighting.NumPyReference.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.avil.runtime.DjlRuntime;
import dev.avil.train.Combination;
import dev.avil.train.ParamVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The update rules of the methods that combine per-task gradients (PCGrad, PriPCGrad, ARML, MGDA,
 * CAGrad, Nash-MTL, GradNorm) and FAMO's: each step's combined gradient against an independent
 * NumPy computation of the reference code's formula ({@code src/test/python}), and the edge cases:
 * opposite gradients, identical tasks, a zero gradient.
 */
class GradientRulesTest {
  /** How far the Java step may be from NumPy's, value by value. */
  private static final double AGREE = 1e-6;

  private static final double[] LOSSES = {0.7, 1.3, 2.1};

  /** Gradients of two and three tasks: fixed, drawn, and the edge cases. */
  private static List<double[][]> cases() {
    double[] g = {0.8, -1.2, 0.5, 2.0, -0.3};
    double[] h = {-0.4, 0.9, 1.1, 0.2, 0.6};
    double[] zero = new double[g.length];
    double[] minusG = Arrays.stream(g).map(x -> -x).toArray();
    List<double[][]> cases = new ArrayList<>();
    cases.add(new double[][] {{1, 2, -0.5, 0.3}, {-1.5, 0.4, 0.8, -0.2}}); // conflicting
    cases.add(new double[][] {{1, 0.5, 0, 2}, {0.5, 1, 0.3, 1}}); // agreeing
    cases.add(new double[][] {{3, 0.1, -1}, {0.2, 0.1, 0.05}}); // one much shorter
    for (int seed = 1; seed <= 6; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      double[][] three = new double[3][7];
      for (double[] row : three) {
        Arrays.setAll(row, j -> r.nextDouble() * 2 - 1);
      }
      cases.add(three);
    }
    cases.add(new double[][] {g, minusG}); // opposite
    cases.add(new double[][] {g, g.clone()}); // identical
    cases.add(new double[][] {g, zero}); // a zero gradient
    cases.add(new double[][] {g, zero, h});
    cases.add(new double[][] {g, g.clone(), h});
    return cases;
  }

  /** The Java step of {@code rule} on {@code grads} as parameter vectors, or null if it skips. */
  private static Combination step(double[][] grads, GramSteps.Rule rule) {
    try (NDManager manager = DjlRuntime.newManager()) {
      List<ParamVector> v = new ArrayList<>();
      for (double[] row : grads) {
        v.add(ParamVector.of(row, manager, DataType.FLOAT64));
      }
      return GramSteps.step(v, Arrays.copyOf(LOSSES, grads.length), rule);
    }
  }

  /** Σ_k c_k·g_k. */
  private static double[] combined(double[] c, double[][] grads) {
    double[] out = new double[grads[0].length];
    for (int k = 0; k < c.length; k++) {
      for (int j = 0; j < out.length; j++) {
        out[j] += c[k] * grads[k][j];
      }
    }
    return out;
  }

  /** A case for a reference script: its options, the gradients and the losses. */
  private static List<String> input(double[][] grads, String... options) {
    List<String> in = new ArrayList<>();
    in.add(NumPyReference.options(options));
    for (double[] row : grads) {
      in.add(line("grad", row));
    }
    in.add(line("loss", Arrays.copyOf(LOSSES, grads.length)));
    return in;
  }

  /** Java steps, each with its case for a reference script, to be checked together. */
  private static final class Agreement {
    final List<List<String>> in = new ArrayList<>();
    final List<Combination> java = new ArrayList<>();
    final List<double[][]> grads = new ArrayList<>();
    final List<double[]> after = new ArrayList<>();

    /** A case: the script's input, the Java step (null where it skips) and the gradients. */
    void add(List<String> input, Combination step, double[][] g) {
      add(input, step, g, null);
    }

    /** A case with the rule's state after the step, which the script prints as {@code next}. */
    void add(List<String> input, Combination step, double[][] g, double[] next) {
      in.add(input);
      java.add(step);
      grads.add(g);
      after.add(next);
    }

    /**
     * Checks each Java step against the reference script's answer for its case: the combined
     * gradient (and the weights and the state after the step, where the script prints them) within
     * {@link #AGREE}, or a skip where the script skips. Returns the script's answers.
     */
    List<Map<String, double[]>> agree(String script) {
      List<Map<String, double[]>> expected = NumPyReference.run(script, in);
      double worst = 0;
      for (int i = 0; i < in.size(); i++) {
        String what = in.get(i).toString();
        Combination c = java.get(i);
        if (expected.get(i).isEmpty()) {
          assertThat(c).as("skipped as NumPy skips: %s", what).isNull();
          continue;
        }
        assertThat(c).as(what).isNotNull();
        double[] step = combined(c.trunk(), grads.get(i));
        double d = maxDifference(step, expected.get(i).get("gradient"));
        if (expected.get(i).containsKey("weights")) {
          d = Math.max(d, maxDifference(c.trunk(), expected.get(i).get("weights")));
        }
        if (expected.get(i).containsKey("next")) {
          d = Math.max(d, maxDifference(after.get(i), expected.get(i).get("next")));
        }
        assertThat(d)
            .as("%s%nJava  %s%nNumPy %s", what, Arrays.toString(step), expected.get(i))
            .isLessThan(AGREE);
        worst = Math.max(worst, d);
      }
      System.out.printf("%s: largest difference from NumPy %.2e%n", script, worst);
      return expected;
    }
  }

  private static double maxDifference(double[] a, double[] b) {
    assertThat(a).hasSameSizeAs(b);
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs(a[i] - b[i]));
    }
    return d;
  }

  @Test
  void pcGradAgreesWithNumPy() {
    Agreement checks = new Agreement();
    int n = 0;
    for (double[][] g : cases()) {
      int[][] orders = PcGrad.orders(g.length, new SplittableRandom(n++));
      for (PcGrad.Reduction reduction : PcGrad.Reduction.values()) {
        Combination c = step(g, (a, l) -> PcGrad.combine(a, orders, reduction));
        assertThat(c.head()).containsOnly(1);
        List<String> one = input(g, MethodOptions.format(reduction));
        for (int[] order : orders) {
          one.add(line("order", order));
        }
        checks.add(one, c, g);
      }
    }
    checks.agree("pcgrad_ref.py");
  }

  @Test
  void mgdaAgreesWithNumPy() {
    String[] names = {"none", "l2", "loss", "loss+"};
    Agreement checks = new Agreement();
    for (double[][] g : cases()) {
      for (Mgda.Normalization normalization : Mgda.Normalization.values()) {
        Combination c = step(g, (a, l) -> Mgda.combine(a, l, normalization));
        if (c != null) {
          assertThat(c.head()).as("λ on the heads too").containsExactly(c.trunk());
        }
        checks.add(input(g, names[normalization.ordinal()]), c, g);
      }
    }
    checks.agree("mgda_ref.py");
    assertThat(checks.java.stream().filter(c -> c == null))
        .as("zero gradients under l2 and loss+")
        .hasSize(4);
  }

  @Test
  void caGradAgreesWithNumPy() {
    Agreement checks = new Agreement();
    for (double[][] g : cases()) {
      if (g.length == 2 && Arrays.equals(g[1], Arrays.stream(g[0]).map(x -> -x).toArray())) {
        // exactly opposite: the worst-case direction is 0 and the result hangs on the code's
        // constants of 1e-8 (checked for finiteness below), not on the formula
        continue;
      }
      for (CaGrad.Rescale rescale : CaGrad.Rescale.values()) {
        for (double calpha : new double[] {0.4, 0.9}) {
          CaGrad.Options o = CaGrad.Options.defaults().calpha(calpha).rescale(rescale);
          Combination c = step(g, (a, l) -> CaGrad.combine(a, o));
          assertThat(c.head()).containsOnly(1);
          checks.add(input(g, Double.toString(calpha), Integer.toString(rescale.ordinal())), c, g);
        }
      }
    }
    checks.agree("cagrad_ref.py");
  }

  @Test
  void priPcGradAgreesWithNumPy() {
    Agreement checks = new Agreement();
    for (double[][] g : cases()) {
      Combination c = step(g, (a, l) -> PriPcGrad.combine(a));
      assertThat(c.head()).containsOnly(1);
      checks.add(input(g), c, g);
    }
    checks.agree("pripcgrad_ref.py");
  }

  @Test
  void armlAgreesWithNumPyOnTheStepAndOnTheWeightsAfterIt() {
    Agreement checks = new Agreement();
    SplittableRandom r = new SplittableRandom(5);
    for (double[][] g : cases()) {
      double[] w = r.doubles(g.length, -0.5, 2).toArray();
      w[0] = 1;
      double[] after = Arml.next(gramOf(g), w, 0.05);
      assertThat(after[0]).as("the target's weight").isEqualTo(1);
      checks.add(
          input(g, numbers(new double[] {0.05}, Arrays.copyOfRange(w, 1, w.length))),
          new Combination(w.clone(), Weights.ones(g.length)),
          g,
          after);
    }
    checks.agree("arml_ref.py");
  }

  @Test
  void priPcGradNeverTurnsTheTargetsGradientAndArmlFitsTheTargetsGradient() {
    double[] g = {0.8, -1.2, 0.5, 2.0, -0.3};
    double[] minusG = Arrays.stream(g).map(x -> -x).toArray();
    double[] h = {-0.4, 0.9, 1.1, 0.2, 0.6};
    double[][] opposite = {g, minusG, h};
    double[] s = combined(step(opposite, (a, l) -> PriPcGrad.combine(a)).trunk(), opposite);
    assertThat(AlphaSolver.dot(h, g)).as("h conflicts with g too").isNegative();
    assertThat(AlphaSolver.dot(s, g))
        .as("both auxiliary gradients lose their component along g, g keeps all of its own")
        .isCloseTo(AlphaSolver.dot(g, g), within(1e-12));
    double[][] same = {g, g.clone()};
    assertThat(step(same, (a, l) -> PriPcGrad.combine(a)).trunk()).containsExactly(1, 1);
    // ARML: repeated steps on fixed gradients reach the least-squares weights: an auxiliary task
    // equal to the target gets 1, and one orthogonal to both gets 0
    double[] orthogonal = {0, 0, 0, 0, 0, 1};
    double[][] grads = {Arrays.copyOf(g, 6), Arrays.copyOf(g, 6), orthogonal};
    double[][] gram = gramOf(grads);
    double[] w = Weights.ones(3);
    for (int i = 0; i < 2000; i++) {
      w = Arml.next(gram, w, 0.05);
    }
    assertThat(w).containsExactly(new double[] {1, 1, 0}, within(1e-9));
    // at a learning rate far above the quadratic's stability limit the weights still settle
    double[] fast = Weights.ones(3);
    for (int i = 0; i < 2000; i++) {
      fast = Arml.next(gram, fast, 100);
    }
    assertThat(fast).as("a step above the limit is capped").containsExactly(w, within(1e-9));
    double[] zero = Arml.next(new double[3][3], new double[] {1, 0.7, 2}, 0.05);
    assertThat(zero).as("zero gradients leave the weights").containsExactly(1, 0.7, 2);
  }

  @Test
  void nashMtlAgreesWithNumPy() {
    Agreement checks = new Agreement();
    for (double[][] g : cases()) {
      for (double maxNorm : new double[] {1, 0}) {
        Combination c = step(g, (a, l) -> NashMtl.combine(a, maxNorm));
        checks.add(input(g, Double.toString(maxNorm)), c, g);
      }
    }
    checks.agree("nashmtl_ref.py");
    for (int i = 0; i < checks.java.size(); i++) {
      Combination c = checks.java.get(i);
      if (c != null) {
        double[] alpha = NashMtl.solve(gramOf(checks.grads.get(i)));
        assertThat(GramSteps.form(alpha, gramOf(checks.grads.get(i)), alpha))
            .as("αᵀGα = K at the solution")
            .isCloseTo(alpha.length, within(1e-6));
        assertThat(c.head()).as("each head at 1, as LibMTL's").containsOnly(1);
      }
    }
  }

  @Test
  void gradNormAgreesWithNumPyOnTheStepAndOnTheLogitsAfterIt() {
    Agreement checks = new Agreement();
    SplittableRandom r = new SplittableRandom(9);
    for (double[][] g : cases()) {
      int k = g.length;
      double[] s = r.doubles(k, -1, 1).toArray();
      double[] initial = r.doubles(k, 0.5, 3).toArray();
      double[] ratio = new double[k];
      Arrays.setAll(ratio, i -> LOSSES[i] / initial[i]);
      checks.add(
          input(g, numbers(new double[] {1.5, 0.05}, s, initial)),
          new Combination(GradNorm.weights(s), Weights.ones(k)),
          g,
          GradNorm.next(gramOf(g), ratio, s, 1.5, 0.05));
    }
    checks.agree("gradnorm_ref.py");
  }

  @Test
  void famoAgreesWithNumPyOnItsWeightsAndOnTheLogitsAfterThreeSteps() {
    Agreement checks = new Agreement();
    SplittableRandom r = new SplittableRandom(13);
    for (double[][] g : cases()) {
      int k = g.length;
      Famo.Logits logits = new Famo.Logits(k, Famo.Options.defaults());
      double[] w = Famo.weights(logits.xi, Arrays.copyOf(LOSSES, k));
      assertThat(Arrays.stream(w).sum()).isCloseTo(1, within(1e-12));
      List<double[]> losses = new ArrayList<>(List.of(new double[] {0.025, 0.001, 3}));
      for (int step = 0; step < 3; step++) {
        double[] before = step == 0 ? Arrays.copyOf(LOSSES, k) : r.doubles(k, 0.1, 3).toArray();
        double[] after = Arrays.stream(before).map(x -> x * r.nextDouble(0.5, 1.2)).toArray();
        logits.step(Famo.gradient(logits.xi, before, after));
        losses.add(before);
        losses.add(after);
      }
      checks.add(
          input(g, numbers(losses.toArray(double[][]::new))),
          new Combination(w, w),
          g,
          logits.xi.clone());
    }
    checks.agree("famo_ref.py");
  }

  @Test
  void autoLambdaAgreesWithNumPyOnItsWeightsAfterThreeSteps() {
    Agreement checks = new Agreement();
    SplittableRandom r = new SplittableRandom(17);
    double eta = 0.05;
    for (double[][] g : cases()) {
      int k = g.length;
      AutoLambda.Options o = AutoLambda.Options.defaults();
      double[] lambda = new double[k];
      Arrays.fill(lambda, o.initial());
      Adam adam = new Adam(k, o.learningRate());
      double[] first = null;
      List<double[]> steps = new ArrayList<>();
      steps.add(new double[] {o.learningRate(), eta, o.initial(), 3});
      for (int step = 0; step < 3; step++) {
        double epsilon = r.nextDouble(1e-3, 1e-1);
        double[] plus = r.doubles(k, 0.1, 3).toArray();
        double[] minus = Arrays.stream(plus).map(x -> x + r.nextDouble(-0.01, 0.01)).toArray();
        adam.step(lambda, AutoLambda.finiteDifference(eta, epsilon, plus, minus));
        first = first == null ? lambda.clone() : first;
        steps.add(new double[] {epsilon});
        steps.add(plus);
        steps.add(minus);
      }
      checks.add(
          input(g, numbers(steps.toArray(double[][]::new))),
          new Combination(first, first),
          g,
          lambda.clone());
    }
    checks.agree("autolambda_ref.py");
  }

  @Test
  void metaTartanAgreesWithNumPyOnItsWeightsAfterThreeSteps() {
    Agreement checks = new Agreement();
    SplittableRandom r = new SplittableRandom(19);
    MetaTartan.Options o = MetaTartan.Options.defaults();
    for (double[][] g : cases()) {
      int k = g.length;
      double[] logits = new double[k];
      double[] used = null;
      List<double[]> steps = new ArrayList<>();
      steps.add(new double[] {o.learningRate(), k, 3});
      for (int step = 0; step < 3; step++) {
        double[] head = r.doubles(k, 0, 2).toArray();
        double[] dev = r.doubles(g[0].length, -1, 1).toArray();
        used = Weights.softmax(logits, k);
        double[] cosine = new double[k];
        for (int i = 0; i < k; i++) {
          double squared = AlphaSolver.dot(g[i], g[i]) + head[i];
          cosine[i] =
              MetaTartan.cosine(
                  AlphaSolver.dot(g[i], dev), squared, Math.sqrt(AlphaSolver.dot(dev, dev)));
        }
        MetaTartan.step(logits, cosine, o.learningRate());
        steps.add(head);
        steps.add(dev);
      }
      checks.add(
          input(g, numbers(steps.toArray(double[][]::new))),
          new Combination(used, used),
          g,
          logits.clone());
    }
    checks.agree("metatartan_ref.py");
  }

  /** The numbers of {@code parts}, in order, as a script's options. */
  private static String[] numbers(double[]... parts) {
    return Arrays.stream(parts)
        .flatMapToDouble(Arrays::stream)
        .mapToObj(Double::toString)
        .toArray(String[]::new);
  }

  private static double[][] gramOf(double[][] g) {
    double[][] gram = new double[g.length][g.length];
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        gram[i][j] = AlphaSolver.dot(g[i], g[j]);
      }
    }
    return gram;
  }

  @Test
  void pcGradRemovesTheConflictAndLeavesAgreeingTasksAsTheySum() {
    double[] g = {0.8, -1.2, 0.5, 2.0, -0.3};
    double[] minusG = Arrays.stream(g).map(x -> -x).toArray();
    double[][] conflicting = {{1, 2, -0.5, 0.3}, {-1.5, 0.4, 0.8, -0.2}};
    int[][] orders = {{0, 1}, {1, 0}};
    double[] s =
        combined(
            step(conflicting, (a, l) -> PcGrad.combine(a, orders, PcGrad.Reduction.SUM)).trunk(),
            conflicting);
    for (double[] task : conflicting) {
      assertThat(AlphaSolver.dot(s, task))
          .as("the projected sum conflicts with no task")
          .isPositive();
    }
    double[] opposite =
        combined(
            step(
                    new double[][] {g, minusG},
                    (a, l) -> PcGrad.combine(a, orders, PcGrad.Reduction.SUM))
                .trunk(),
            new double[][] {g, minusG});
    assertThat(opposite)
        .as("each projected onto the other's normal: nothing is left")
        .containsOnly(0);
    Combination same =
        step(new double[][] {g, g}, (a, l) -> PcGrad.combine(a, orders, PcGrad.Reduction.SUM));
    assertThat(same.trunk()).as("identical tasks do not conflict").containsExactly(1, 1);
  }

  @Test
  void mgdaFindsTheMinimumNormPointOfTheConvexHull() {
    double[] g = {0.8, -1.2, 0.5, 2.0, -0.3};
    double[] minusG = Arrays.stream(g).map(x -> -x).toArray();
    Combination opposite =
        step(new double[][] {g, minusG}, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.NONE));
    assertThat(opposite.trunk()).containsExactly(new double[] {0.5, 0.5}, within(1e-12));
    assertThat(combined(opposite.trunk(), new double[][] {g, minusG}))
        .as("the origin lies between them")
        .containsOnly(0);
    Combination same =
        step(new double[][] {g, g}, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.NONE));
    assertThat(combined(same.trunk(), new double[][] {g, g}))
        .as("the hull of identical gradients is that gradient")
        .containsExactly(g, within(1e-12));
    // on drawn gradients, no point of the simplex has a shorter combination than MGDA's
    SplittableRandom r = new SplittableRandom(3);
    for (double[][] grads : cases()) {
      Combination c = step(grads, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.NONE));
      double norm = norm(combined(c.trunk(), grads));
      for (int i = 0; i < 2000; i++) {
        double[] w = r.doubles(grads.length).map(x -> -Math.log(1 - x)).toArray();
        double sum = Arrays.stream(w).sum();
        double other = norm(combined(Arrays.stream(w).map(x -> x / sum).toArray(), grads));
        assertThat(norm).as(Arrays.deepToString(grads)).isLessThanOrEqualTo(other + 1e-3);
      }
    }
  }

  @Test
  void aZeroGradientGivesNoNanAndMgdaSkipsWhereItWouldDivideByIt() {
    double[] g = {0.8, -1.2, 0.5, 2.0, -0.3};
    double[][] withZero = {g, new double[g.length], {-0.4, 0.9, 1.1, 0.2, 0.6}};
    int[][] orders = PcGrad.orders(3, new SplittableRandom(1));
    List<Combination> finite =
        List.of(
            step(withZero, (a, l) -> PcGrad.combine(a, orders, PcGrad.Reduction.SUM)),
            step(withZero, (a, l) -> PriPcGrad.combine(a)),
            step(new double[][] {new double[g.length], g}, (a, l) -> PriPcGrad.combine(a)),
            step(withZero, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.NONE)),
            step(withZero, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.LOSS)),
            step(withZero, (a, l) -> CaGrad.combine(a, CaGrad.Options.defaults())),
            step(
                new double[][] {new double[3], new double[3]},
                (a, l) -> CaGrad.combine(a, CaGrad.Options.defaults())));
    for (Combination c : finite) {
      assertThat(Arrays.stream(c.trunk()).allMatch(Double::isFinite)).isTrue();
      assertThat(Arrays.stream(c.head()).allMatch(Double::isFinite)).isTrue();
    }
    assertThat(step(withZero, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.L2))).isNull();
    assertThat(step(withZero, (a, l) -> NashMtl.combine(a, 1)))
        .as("Nash-MTL: a zero gradient's equation 1/α = 0 has no solution")
        .isNull();
    double[] minusG = Arrays.stream(g).map(x -> -x).toArray();
    assertThat(step(new double[][] {g, minusG}, (a, l) -> NashMtl.combine(a, 1)))
        .as("Nash-MTL: nor do opposite gradients")
        .isNull();
    Combination same = step(new double[][] {g, g}, (a, l) -> NashMtl.combine(a, 0));
    assertThat(same.trunk())
        .as("identical tasks share the bargain: α = 1/√(2‖g‖²) each")
        .containsExactly(
            new double[] {
              1 / Math.sqrt(2 * AlphaSolver.dot(g, g)), 1 / Math.sqrt(2 * AlphaSolver.dot(g, g))
            },
            within(1e-9));
    double[] s =
        GradNorm.next(new double[2][2], new double[] {1, 2}, new double[] {0.3, -0.1}, 1.5, 0.05);
    assertThat(s).as("GradNorm: zero gradients leave the logits").containsExactly(0.3, -0.1);
    assertThat(step(withZero, (a, l) -> Mgda.combine(a, l, Mgda.Normalization.LOSS_PLUS))).isNull();
    assertThat(
            Mgda.combine(
                new double[][] {{1, 0}, {0, 1}}, new double[] {0, 1}, Mgda.Normalization.LOSS))
        .as("a zero loss under loss normalisation")
        .isNull();
    double[][] infinite = {{Double.POSITIVE_INFINITY, 1}, {1, 2}};
    assertThat(
            step(
                infinite,
                (a, l) -> PcGrad.combine(a, new int[][] {{0, 1}, {1, 0}}, PcGrad.Reduction.SUM)))
        .as("a gradient that is not finite: every rule skips")
        .isNull();
  }

  @Test
  void aSkippedStepIsCountedAndIsNoTargetStep() {
    List<dev.avil.task.Task> tasks =
        List.of(
            dev.avil.testing.Synthetic.blobs("target", 200, 6, 3, 1.0, 1),
            dev.avil.testing.Synthetic.blobs("aux", 400, 6, 4, 1.0, 2));
    int[] seen = {0};
    try (dev.avil.train.TrainingRun run =
        new dev.avil.train.TrainingRun(
            dev.avil.testing.Synthetic.oneEpoch("skips", tasks, 16, 7, DataType.FLOAT32))) {
      dev.avil.train.Strategy.EpochWeights w =
          GramSteps.train(
              run,
              false,
              (a, l) ->
                  seen[0]++ % 3 == 0
                      ? null
                      : PcGrad.combine(a, new int[][] {{0, 1}, {1, 0}}, PcGrad.Reduction.SUM),
              Weights.ones(2));
      int skipped = (seen[0] + 2) / 3;
      assertThat(w.skippedSteps()).hasValue(skipped);
      assertThat(run.targetSteps()).isEqualTo(seen[0] - skipped);
      assertThat(w.weights()).containsExactly(1, 1);
    }
  }

  private static double norm(double[] a) {
    return Math.sqrt(AlphaSolver.dot(a, a));
  }
}
