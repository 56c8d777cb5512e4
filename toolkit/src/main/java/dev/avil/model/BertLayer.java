package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a {@link BertEncoder}: self-attention, then the feed-forward block, each with a
 * residual connection, LayerNorm and, while training, {@link SeededDropout}. Its input and output
 * are the hidden states [batch, tokens, width] and the additive attention mask [batch, 1, 1,
 * tokens].
 */
public final class BertLayer extends AbstractBlock {
  private final int width;
  private final int heads;
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear attentionOut;
  private final LayerNorm attentionNorm;
  private final Linear intermediate;
  private final Linear output;
  private final LayerNorm outputNorm;
  private final SeededDropout dropout;
  private final Map<String, OnnxWeights.Tensor> weights;
  private final String prefix;

  /**
   * Layer {@code index} of a BERT export's {@code weights} ({@code encoder.layer.INDEX.…}), with
   * {@code heads} attention heads; it takes its weights when it is initialised. It keeps only its
   * own weights.
   *
   * @throws IllegalArgumentException naming the first weight that is missing
   */
  public BertLayer(Map<String, OnnxWeights.Tensor> weights, int index, int heads) {
    this.prefix = "encoder.layer." + index + ".";
    Map<String, OnnxWeights.Tensor> own = new HashMap<>();
    weights.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            own.put(k, v);
          }
        });
    this.weights = Map.copyOf(own);
    this.width = (int) BertEncoder.require(own, prefix + "attention.self.query.weight").shape()[0];
    int feedForward =
        (int) BertEncoder.require(own, prefix + "intermediate.dense.weight").shape()[1];
    if (heads <= 0 || width % heads != 0) {
      throw new IllegalArgumentException(width + " is not divisible into " + heads + " heads");
    }
    this.heads = heads;
    query = addChildBlock("query", Linear.builder().setUnits(width).build());
    key = addChildBlock("key", Linear.builder().setUnits(width).build());
    value = addChildBlock("value", Linear.builder().setUnits(width).build());
    attentionOut = addChildBlock("attentionOut", Linear.builder().setUnits(width).build());
    attentionNorm = addChildBlock("attentionNorm", norm());
    intermediate = addChildBlock("intermediate", Linear.builder().setUnits(feedForward).build());
    output = addChildBlock("output", Linear.builder().setUnits(width).build());
    outputNorm = addChildBlock("outputNorm", norm());
    dropout = addChildBlock("dropout", new SeededDropout(BertEncoder.DROPOUT));
  }

  private static LayerNorm norm() {
    return LayerNorm.builder().axis(2).optEpsilon(BertEncoder.EPSILON).build();
  }

  @Override
  protected void initializeChildBlocks(NDManager m, DataType dtype, Shape... inputs) {
    Shape hidden = inputs[0];
    for (var b : List.of(query, key, value, attentionOut, attentionNorm, outputNorm, dropout)) {
      b.initialize(m, dtype, hidden);
    }
    intermediate.initialize(m, dtype, hidden);
    output.initialize(
        m, dtype, new Shape(1, 1, intermediate.getOutputShapes(new Shape[] {hidden})[0].get(2)));
    load(weights, prefix);
  }

  /**
   * Sets every parameter from the weights under {@code prefix}, matrices transposed to [out, in].
   */
  private void load(Map<String, OnnxWeights.Tensor> w, String prefix) {
    set(query, w, prefix + "attention.self.query");
    set(key, w, prefix + "attention.self.key");
    set(value, w, prefix + "attention.self.value");
    set(attentionOut, w, prefix + "attention.output.dense");
    set(intermediate, w, prefix + "intermediate.dense");
    set(output, w, prefix + "output.dense");
    setNorm(attentionNorm, w, prefix + "attention.output.LayerNorm");
    setNorm(outputNorm, w, prefix + "output.LayerNorm");
  }

  private static void set(Linear l, Map<String, OnnxWeights.Tensor> w, String name) {
    OnnxWeights.Tensor m = BertEncoder.require(w, name + ".weight");
    Parameter weight = l.getParameters().get("weight");
    long[] target = weight.getArray().getShape().getShape();
    if (m.shape().length != 2 || m.shape()[0] != target[1] || m.shape()[1] != target[0]) {
      throw new IllegalArgumentException(
          name
              + ".weight has shape "
              + Arrays.toString(m.shape())
              + ", expected ["
              + target[1]
              + ", "
              + target[0]
              + "]");
    }
    int in = (int) m.shape()[0];
    int out = (int) m.shape()[1];
    float[] t = new float[in * out];
    for (int i = 0; i < in; i++) {
      for (int o = 0; o < out; o++) {
        t[o * in + i] = m.values()[i * out + o];
      }
    }
    fill(weight.getArray(), t);
    setVector(
        l.getParameters().get("bias"), BertEncoder.require(w, name + ".bias"), name + ".bias");
  }

  private static void setNorm(LayerNorm n, Map<String, OnnxWeights.Tensor> w, String name) {
    setVector(
        n.getParameters().get("gamma"), BertEncoder.require(w, name + ".weight"), name + ".weight");
    setVector(
        n.getParameters().get("beta"), BertEncoder.require(w, name + ".bias"), name + ".bias");
  }

  private static void setVector(Parameter p, OnnxWeights.Tensor t, String name) {
    if (t.values().length != p.getArray().size()) {
      throw new IllegalArgumentException(
          name + " has " + t.values().length + " values, expected " + p.getArray().size());
    }
    fill(p.getArray(), t.values());
  }

  /**
   * The additive attention mask of a padded batch in {@code dtype}: 0 where {@code mask} is 1, the
   * lowest float elsewhere, shaped [batch, 1, 1, tokens] to add to every head's scores.
   */
  public static NDArray additiveMask(
      NDManager m, long[] mask, int batch, int tokens, DataType dtype) {
    double[] add = new double[mask.length];
    for (int i = 0; i < mask.length; i++) {
      add[i] = mask[i] == 0 ? -Float.MAX_VALUE : 0;
    }
    return owned(m.create(add, new Shape(batch, 1, 1, tokens)), dtype);
  }

  /**
   * {@code a} in {@code dtype}, in memory PyTorch owns; {@code a} is closed. An array made from
   * Java values reads the buffer it was made from, which is freed once that array is closed, so an
   * array that a backward pass may read must not be such an array.
   */
  public static NDArray owned(NDArray a, DataType dtype) {
    try (a) {
      return a.getDataType() == dtype ? a.duplicate() : a.toType(dtype, false);
    }
  }

  /** Copies {@code values} into {@code a}, in its type. */
  private static void fill(NDArray a, float[] values) {
    if (a.getDataType() == DataType.FLOAT64) {
      double[] d = new double[values.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = values[i];
      }
      a.set(d);
    } else {
      a.set(FloatBuffer.wrap(values));
    }
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray mask = inputs.get(1);
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    long d = width / heads;
    NDArray q = split(query.forward(ps, new NDList(x), training).head(), b, t, d);
    NDArray k = split(key.forward(ps, new NDList(x), training).head(), b, t, d);
    NDArray v = split(value.forward(ps, new NDList(x), training).head(), b, t, d);
    NDArray scale = x.getManager().full(new Shape(), (float) Math.sqrt(d), x.getDataType());
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(scale).add(mask);
    NDArray p = drop(ps, scores.softmax(-1), training);
    NDArray context = p.matMul(v).transpose(0, 2, 1, 3).reshape(b, t, width);
    NDArray attended =
        drop(ps, attentionOut.forward(ps, new NDList(context), training).head(), training);
    NDArray a = attentionNorm.forward(ps, new NDList(attended.add(x)), training).head();
    NDArray i = Activation.gelu(intermediate.forward(ps, new NDList(a), training).head());
    NDArray o = drop(ps, output.forward(ps, new NDList(i), training).head(), training);
    return new NDList(outputNorm.forward(ps, new NDList(o.add(a)), training).head(), mask);
  }

  private NDArray drop(ParameterStore ps, NDArray x, boolean training) {
    return training ? dropout.forward(ps, new NDList(x), true).head() : x;
  }

  private NDArray split(NDArray x, long b, long t, long d) {
    return x.reshape(b, t, heads, d).transpose(0, 2, 1, 3);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return inputs;
  }
}
