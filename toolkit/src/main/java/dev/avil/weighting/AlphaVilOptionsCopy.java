package dev.avil.weighting;

/** αVIL's options, open to change: how {@link AlphaVilOptions}' withers make changed copies. */
final class AlphaVilOptionsCopy {
  double rho;
  int alphaSteps;
  AlphaVilOptions.AlphaOptimizer alphaOptimizer;
  double alphaLearningRate;
  AlphaVilOptions.AlphaInit alphaInit;
  AlphaVilOptions.Update update;
  double minWeight;
  double maxWeight;
  double evidence;
  int warmup;
  AlphaVilOptions.OnNonFinite onNonFinite;
  boolean targetAlphaFixed;
  double stepLimit;
  double neutralAlpha;
  boolean calibrated;

  AlphaVilOptionsCopy(AlphaVilOptions o) {
    rho = o.rho();
    alphaSteps = o.alphaSteps();
    alphaOptimizer = o.alphaOptimizer();
    alphaLearningRate = o.alphaLearningRate();
    alphaInit = o.alphaInit();
    update = o.update();
    minWeight = o.minWeight();
    maxWeight = o.maxWeight();
    evidence = o.evidence();
    warmup = o.warmup();
    onNonFinite = o.onNonFinite();
    targetAlphaFixed = o.targetAlphaFixed();
    stepLimit = o.stepLimit();
    neutralAlpha = o.neutralAlpha();
    calibrated = o.calibrated();
  }

  /** The options as they now stand, checked. */
  AlphaVilOptions options() {
    return new AlphaVilOptions(
        rho,
        alphaSteps,
        alphaOptimizer,
        alphaLearningRate,
        alphaInit,
        update,
        minWeight,
        maxWeight,
        evidence,
        warmup,
        onNonFinite,
        targetAlphaFixed,
        stepLimit,
        neutralAlpha,
        calibrated);
  }
}
