package dev.avil.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import dev.avil.api.Experiment;
import dev.avil.api.Method;
import dev.avil.api.Results;
import dev.avil.model.BertEncoder;
import dev.avil.model.MultiHeadNet;
import dev.avil.results.Metric;
import dev.avil.results.Record;
import dev.avil.runtime.DjlRuntime;
import dev.avil.task.Task;
import dev.avil.train.Autograd;
import dev.avil.train.Optimizer;
import dev.avil.train.ParamVector;
import dev.avil.train.TrainingListener;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** MiniLM's top layers as a trunk over the cached states of the layers below. */
class MiniLmTrunkTest {
  private static final List<String> TEXTS =
      List.of(
          "Great coffee, I order it every month.",
          "The dog food arrived stale and my dog would not touch it.",
          "ok",
          "These crackers are crisp, not too salty, and the box lasted a week in our house of four.");

  @Test
  void halfPrecisionRoundsToTheNearestAndKeepsTheSpecialValues() {
    // decoded by PyTorch, as the trunk reads the states
    float[] fs = {
      0f, 1f, -2.5f, 65504f, 0x1p-24f, 0x1p-14f, 1f / 3, 1f + 0x1p-10f, 1e6f, Float.NaN, -0f
    };
    ByteBuffer bits = ByteBuffer.allocateDirect(2 * fs.length).order(ByteOrder.nativeOrder());
    for (float f : fs) {
      bits.putShort(TokenStates.Half.of(f));
    }
    float[] back;
    try (NDManager m = DjlRuntime.newManager()) {
      back =
          m.create(bits.flip(), new Shape(fs.length), DataType.FLOAT16)
              .toType(DataType.FLOAT32, false)
              .toFloatArray();
    }
    for (int i = 0; i < 8; i++) {
      assertThat((double) back[i])
          .as("%s", fs[i])
          .isCloseTo(fs[i], within(Math.abs(fs[i]) * 0x1p-11 + 0x1p-25));
    }
    assertThat(back[7]).isEqualTo(1f + 0x1p-10f);
    assertThat(back[8]).isInfinite();
    assertThat(back[9]).isNaN();
    assertThat(back[10]).isEqualTo(-0f);
  }

  @Test
  void aGradientThroughTheTrunkInEvaluationModeSurvivesTheCollector() throws InterruptedException {
    // αVIL's tuning gradient runs the trunk in evaluation mode, whose groups close their arrays
    // before the backward pass: what it saved must not live in buffers the collector frees
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      texts.add(
          "review " + i + (i % 2 == 0 ? " was fresh and lovely, we ordered more" : " was stale"));
    }
    TokenStates states = TokenStates.of(texts, 5, EncodingProgress.silent());
    float[] index = new float[texts.size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    List<ByteBuffer> litter = new ArrayList<>();
    try (NDManager m = DjlRuntime.newManager()) {
      MultiHeadNet net =
          new MultiHeadNet(
              m,
              MiniLmTrunk.of(states),
              8,
              new int[] {2},
              new long[] {1},
              DataType.FLOAT32,
              new SplittableRandom(1));
      List<ParamVector> taken =
          new ArrayList<>(); // the gradients accumulate: the second is the sum
      for (int run = 0; run < 2; run++) {
        try (NDScope scope = new NDScope();
            Autograd ag = new Autograd("evaluation-mode gradient")) {
          NDArray loss =
              net.logits(m.create(index, new Shape(index.length, 1)), 0, false).square().sum();
          if (run == 1) { // the freed buffers collected, and their memory written over
            for (int r = 0; r < 3; r++) {
              System.gc();
              Thread.sleep(100);
            }
            for (int r = 0; r < 64; r++) {
              ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
              while (b.hasRemaining()) {
                b.put((byte) 0x7f);
              }
              litter.add(b);
            }
          }
          ag.backward(loss);
        }
        taken.add(ParamVector.gradientOf(net.trunkParameters(), m));
      }
      try (ParamVector first = taken.get(0);
          ParamVector both = taken.get(1);
          ParamVector second = both.minus(first);
          ParamVector apart = second.minus(first)) {
        assertThat(apart.dot(apart)).isLessThan(1e-8 * first.dot(first));
        assertThat(first.dot(first)).isPositive();
      }
    }
  }

  @Test
  void theTopLayersOverCachedStatesGiveTheFullEncodersPooledStates() {
    TokenStates states = TokenStates.of(TEXTS, 4, EncodingProgress.silent());
    assertThat(states.size()).isEqualTo(4);
    assertThat(states.tokens(2)).isEqualTo(3); // [CLS] ok [SEP]
    OnnxMiniLm.Batch batch = OnnxMiniLm.Batch.of(OnnxMiniLm.get().tokenize(TEXTS));
    try (NDManager m = DjlRuntime.newManager();
        BertEncoder full = BertEncoder.of(m, TokenStates.weights(), 12, DataType.FLOAT32)) {
      float[] h =
          full.forward(
                  new ParameterStore(m, false),
                  m.create(batch.ids(), new Shape(batch.size(), batch.tokens())),
                  full.additiveMask(m, batch.mask(), batch.size(), batch.tokens()))
              .toFloatArray();
      float[][] expected = mean(h, batch.mask(), batch.size(), batch.tokens());
      Block top = MiniLmTrunk.of(states).newBlock();
      top.initialize(m, DataType.FLOAT32, new Shape(1, 1));
      float[] got =
          top.forward(
                  new ParameterStore(m, false),
                  new NDList(m.create(new float[] {0, 1, 2, 3}, new Shape(4, 1))),
                  false)
              .head()
              .toFloatArray();
      double worst = 0;
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 384; j++) {
          worst = Math.max(worst, Math.abs(got[i * 384 + j] - expected[i][j]));
        }
      }
      // the cache holds half precision: about 3 significant digits of each state
      assertThat(worst).as("pooled states, fp16 cache against fp32").isLessThan(2e-3);
    }
  }

  private static float[][] mean(float[] h, long[] mask, int b, int t) {
    float[][] out = new float[b][384];
    for (int i = 0; i < b; i++) {
      int n = 0;
      for (int k = 0; k < t; k++) {
        if (mask[i * t + k] == 1) {
          n++;
          for (int j = 0; j < 384; j++) {
            out[i][j] += h[(i * t + k) * 384 + j];
          }
        }
      }
      for (int j = 0; j < 384; j++) {
        out[i][j] /= n;
      }
    }
    return out;
  }

  @Test
  void fineTuningTheTopLayerLowersTheTargetsTrainingLoss() {
    Results r = fineTune(5, 1);
    assertThat(r.config()).containsEntry("trunk", "minilm-top1");
    double first = r.value(1, "sentiment", Metric.TRAIN_LOSS);
    double last = r.value(5, "sentiment", Metric.TRAIN_LOSS);
    assertThat(last).as("training loss after 5 epochs against the first").isLessThan(0.5 * first);
  }

  @Test
  void aSeedRepeatsAFineTuningRunDropoutIncluded() {
    List<Record> once = losses(fineTune(2, 3));
    assertThat(losses(fineTune(2, 3))).isEqualTo(once);
    assertThat(losses(fineTune(2, 4))).isNotEqualTo(once);
  }

  /** Every record but the timings. */
  private static List<Record> losses(Results r) {
    return r.records().stream().filter(x -> x.metric() != Metric.SECONDS).toList();
  }

  /** {@code epochs} epochs of the top layer on 96 short reviews of one or the other polarity. */
  private static Results fineTune(int epochs, long seed) {
    String[] good = {"great", "lovely", "excellent", "wonderful", "delicious", "fresh"};
    String[] bad = {"awful", "stale", "terrible", "horrible", "disgusting", "broken"};
    String[] things = {"coffee", "tea", "snack", "soup", "bread", "cookies", "sauce", "chips"};
    List<String> texts = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (String t : things) {
      for (int k = 0; k < good.length; k++) {
        texts.add("the " + t + " was " + good[k]);
        labels.add(1);
        texts.add("the " + t + " was " + bad[k]);
        labels.add(0);
      }
    }
    TokenStates states = TokenStates.of(texts, 5, EncodingProgress.silent());
    int n = texts.size(); // 96: 64 train, 16 dev, 16 test
    int[] idx = new int[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
      y[i] = labels.get(i);
    }
    Task task =
        Task.builder("sentiment")
            .train(
                TokenStates.rows(java.util.Arrays.copyOfRange(idx, 0, 64)),
                java.util.Arrays.copyOfRange(y, 0, 64))
            .dev(
                TokenStates.rows(java.util.Arrays.copyOfRange(idx, 64, 80)),
                java.util.Arrays.copyOfRange(y, 64, 80))
            .test(
                TokenStates.rows(java.util.Arrays.copyOfRange(idx, 80, 96)),
                java.util.Arrays.copyOfRange(y, 80, 96))
            .build();
    return Experiment.target(task)
        .trunk(MiniLmTrunk.of(states))
        .headHidden(16)
        .epochs(epochs)
        .patience(0)
        .batchSize(16)
        .optimizer(Optimizer.adamW())
        .learningRate(3e-4)
        .seed(seed)
        .listener(TrainingListener.silent())
        .method(Method.singleTask())
        .run();
  }

  @Test
  void statesAfterEveryLayerLeaveNothingToTrainAndAreRefused() {
    assertThatThrownBy(() -> TokenStates.of(TEXTS, 6, EncodingProgress.silent()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frozen layers 6 must be in [0, 5]");
  }
}
