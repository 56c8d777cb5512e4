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
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder in Hugging Face's layout, its weights from an ONNX export ({@link OnnxWeights}):
 * the embeddings (word, position, token type, LayerNorm), then layers of self-attention and a GELU
 * feed-forward block, each with a residual connection, LayerNorm (ε 1e-12) and dropout 0.1 while
 * training. The embeddings are held fixed; each {@link Layer} is a DJL block whose parameters
 * train. all-MiniLM-L6-v2 has 6 layers of width 384, 12 heads of 32 and a feed-forward width of
 * 1536.
 */
public final class BertEncoder implements AutoCloseable {
  private static final float EPSILON = 1e-12f;
  private static final float DROPOUT = 0.1f;

  private final NDManager manager;
  private final NDArray word;
  private final NDArray position;
  private final NDArray tokenType;
  private final NDArray normGamma;
  private final NDArray normBeta;
  private final List<Layer> layers;
  private final int width;

  private BertEncoder(NDManager manager, Map<String, OnnxWeights.Tensor> w, int heads) {
    this.manager = manager;
    this.word = array(w, "embeddings.word_embeddings.weight");
    this.position = array(w, "embeddings.position_embeddings.weight");
    this.tokenType = array(w, "embeddings.token_type_embeddings.weight");
    this.normGamma = array(w, "embeddings.LayerNorm.weight");
    this.normBeta = array(w, "embeddings.LayerNorm.bias");
    this.width = (int) word.getShape().get(1);
    List<Layer> l = new ArrayList<>();
    for (int i = 0; w.containsKey(prefix(i) + "attention.self.query.weight"); i++) {
      Layer layer =
          new Layer(
              width, heads, (int) require(w, prefix(i) + "intermediate.dense.weight").shape()[1]);
      layer.initialize(manager, DataType.FLOAT32, new Shape(1, 1, width), new Shape(1, 1, 1, 1));
      layer.load(w, prefix(i));
      l.add(layer);
    }
    if (l.isEmpty()) {
      throw new IllegalArgumentException("the weights hold no encoder layer (encoder.layer.0.…)");
    }
    this.layers = List.copyOf(l);
  }

  /**
   * The encoder of {@code weights} with {@code heads} attention heads, its arrays in a child of
   * {@code parent}.
   *
   * @throws IllegalArgumentException naming the first weight that is missing or of another shape
   */
  public static BertEncoder of(
      NDManager parent, Map<String, OnnxWeights.Tensor> weights, int heads) {
    NDManager m = parent.newSubManager();
    try {
      return new BertEncoder(m, weights, heads);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static String prefix(int layer) {
    return "encoder.layer." + layer + ".";
  }

  /** The encoder's layers, lowest first. */
  public List<Layer> layers() {
    return layers;
  }

  /**
   * The additive attention mask of a padded batch: 0 where {@code mask} is 1, the lowest float
   * elsewhere, shaped [batch, 1, 1, tokens] to add to every head's scores.
   */
  public static NDArray additiveMask(NDManager m, long[] mask, int batch, int tokens) {
    float[] add = new float[mask.length];
    for (int i = 0; i < mask.length; i++) {
      add[i] = mask[i] == 0 ? -Float.MAX_VALUE : 0f;
    }
    return m.create(add, new Shape(batch, 1, 1, tokens));
  }

  /**
   * The embeddings of token ids {@code ids} ([batch, tokens], int64; every token type 0), in the
   * manager of {@code ids}.
   */
  public NDArray embed(NDArray ids) {
    NDManager scope = ids.getManager();
    long b = ids.getShape().get(0);
    long t = ids.getShape().get(1);
    if (t > position.getShape().get(0)) {
      throw new IllegalArgumentException(
          t + " tokens is more than the encoder's " + position.getShape().get(0) + " positions");
    }
    NDArray x = word.get(new ai.djl.ndarray.index.NDIndex("{}", ids.reshape(-1)));
    x.attach(scope);
    NDArray pos = position.get("0:" + t);
    pos.attach(scope);
    NDArray type = tokenType.get("0");
    type.attach(scope);
    NDArray sum = x.reshape(b, t, width).add(pos).add(type);
    return LayerNorm.layerNorm(sum, new Shape(width), normGamma, normBeta, EPSILON)
        .singletonOrThrow();
  }

  /**
   * The hidden states after every layer, in inference mode: [batch, tokens, width] for token ids
   * {@code ids} and an attention mask made by {@link #additiveMask}.
   */
  public NDArray forward(ParameterStore ps, NDArray ids, NDArray additiveMask) {
    NDArray h = embed(ids);
    for (Layer l : layers) {
      h = l.forward(ps, new NDList(h, additiveMask), false).head();
    }
    return h;
  }

  private NDArray array(Map<String, OnnxWeights.Tensor> w, String name) {
    OnnxWeights.Tensor t = require(w, name);
    return manager.create(t.values(), new Shape(t.shape()));
  }

  static OnnxWeights.Tensor require(Map<String, OnnxWeights.Tensor> w, String name) {
    OnnxWeights.Tensor t = w.get(name);
    if (t == null) {
      throw new IllegalArgumentException(
          "the weights lack "
              + name
              + " ("
              + w.size()
              + " weights read); expected a BERT export in Hugging Face's layout");
    }
    return t;
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * One encoder layer: self-attention, then the feed-forward block, each with residual and norm.
   */
  public static final class Layer extends AbstractBlock {
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
    private final Dropout dropout;

    Layer(int width, int heads, int feedForward) {
      if (width % heads != 0) {
        throw new IllegalArgumentException(width + " is not divisible into " + heads + " heads");
      }
      this.width = width;
      this.heads = heads;
      query = addChildBlock("query", Linear.builder().setUnits(width).build());
      key = addChildBlock("key", Linear.builder().setUnits(width).build());
      value = addChildBlock("value", Linear.builder().setUnits(width).build());
      attentionOut = addChildBlock("attentionOut", Linear.builder().setUnits(width).build());
      attentionNorm = addChildBlock("attentionNorm", norm());
      intermediate = addChildBlock("intermediate", Linear.builder().setUnits(feedForward).build());
      output = addChildBlock("output", Linear.builder().setUnits(width).build());
      outputNorm = addChildBlock("outputNorm", norm());
      dropout = addChildBlock("dropout", Dropout.builder().optRate(DROPOUT).build());
    }

    private static LayerNorm norm() {
      return LayerNorm.builder().axis(2).optEpsilon(EPSILON).build();
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
    }

    /**
     * Sets every parameter from the weights under {@code prefix}, matrices transposed to [out, in].
     */
    void load(Map<String, OnnxWeights.Tensor> w, String prefix) {
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
      OnnxWeights.Tensor m = require(w, name + ".weight");
      Parameter weight = l.getParameters().get("weight");
      long[] target = weight.getArray().getShape().getShape();
      if (m.shape().length != 2 || m.shape()[0] != target[1] || m.shape()[1] != target[0]) {
        throw new IllegalArgumentException(
            name
                + ".weight has shape "
                + java.util.Arrays.toString(m.shape())
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
      weight.getArray().set(FloatBuffer.wrap(t));
      setVector(l.getParameters().get("bias"), require(w, name + ".bias"), name + ".bias");
    }

    private static void setNorm(LayerNorm n, Map<String, OnnxWeights.Tensor> w, String name) {
      setVector(n.getParameters().get("gamma"), require(w, name + ".weight"), name + ".weight");
      setVector(n.getParameters().get("beta"), require(w, name + ".bias"), name + ".bias");
    }

    private static void setVector(Parameter p, OnnxWeights.Tensor t, String name) {
      if (t.values().length != p.getArray().size()) {
        throw new IllegalArgumentException(
            name + " has " + t.values().length + " values, expected " + p.getArray().size());
      }
      p.getArray().set(FloatBuffer.wrap(t.values()));
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
}
