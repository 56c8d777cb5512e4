package dev.avil.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A BERT encoder in Hugging Face's layout, its weights from an ONNX export ({@link OnnxWeights}):
 * the embeddings (word, position, token type, LayerNorm), then layers of self-attention and a GELU
 * feed-forward block, each with a residual connection, LayerNorm (ε 1e-12) and dropout 0.1 while
 * training. The embeddings are held fixed; each {@link BertLayer} is a DJL block whose parameters
 * train. all-MiniLM-L6-v2 has 6 layers of width 384, 12 heads of 32 and a feed-forward width of
 * 1536.
 */
public final class BertEncoder implements AutoCloseable {
  static final float EPSILON = 1e-12f;
  static final float DROPOUT = 0.1f;

  private final NDManager manager;
  private final NDArray word;
  private final NDArray position;
  private final NDArray tokenType;
  private final NDArray normGamma;
  private final NDArray normBeta;
  private final List<BertLayer> layers;
  private final int width;
  private final DataType dtype;

  private BertEncoder(
      NDManager manager, Map<String, OnnxWeights.Tensor> w, int heads, DataType dtype) {
    this.manager = manager;
    this.dtype = dtype;
    this.word = array(w, "embeddings.word_embeddings.weight");
    this.position = array(w, "embeddings.position_embeddings.weight");
    this.tokenType = array(w, "embeddings.token_type_embeddings.weight");
    this.normGamma = array(w, "embeddings.LayerNorm.weight");
    this.normBeta = array(w, "embeddings.LayerNorm.bias");
    this.width = (int) word.getShape().get(1);
    List<BertLayer> l = new ArrayList<>();
    for (int i = 0; w.containsKey(prefix(i) + "attention.self.query.weight"); i++) {
      BertLayer layer = new BertLayer(w, i, heads);
      layer.initialize(manager, dtype, new Shape(1, 1, width), new Shape(1, 1, 1, 1));
      l.add(layer);
    }
    if (l.isEmpty()) {
      throw new IllegalArgumentException("the weights hold no encoder layer (encoder.layer.0.…)");
    }
    this.layers = List.copyOf(l);
  }

  /**
   * The encoder of {@code weights} with {@code heads} attention heads, in {@code dtype} (FLOAT32 or
   * FLOAT64), its arrays in a child of {@code parent}; every layer trains until {@link
   * #trainableTop} says otherwise.
   *
   * @throws IllegalArgumentException naming the first weight that is missing or of another shape
   */
  public static BertEncoder of(
      NDManager parent, Map<String, OnnxWeights.Tensor> weights, int heads, DataType dtype) {
    if (dtype != DataType.FLOAT32 && dtype != DataType.FLOAT64) {
      throw new IllegalArgumentException("encoder type " + dtype + " must be FLOAT32 or FLOAT64");
    }
    NDManager m = parent.newSubManager();
    try {
      return new BertEncoder(m, weights, heads, dtype);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static String prefix(int layer) {
    return "encoder.layer." + layer + ".";
  }

  /** The encoder's layers, lowest first. */
  public List<BertLayer> layers() {
    return layers;
  }

  /**
   * Trains the top {@code n} layers and holds the others fixed; 0 holds them all.
   *
   * @throws IllegalArgumentException unless 0 ≤ n ≤ the number of layers
   */
  public void trainableTop(int n) {
    if (n < 0 || n > layers.size()) {
      throw new IllegalArgumentException(
          "trainable layers " + n + " must be in [0, " + layers.size() + "]");
    }
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).freezeParameters(i < layers.size() - n);
    }
  }

  /**
   * The additive attention mask of a padded batch: 0 where {@code mask} is 1, the lowest float
   * elsewhere, shaped [batch, 1, 1, tokens] to add to every head's scores.
   */
  public NDArray additiveMask(NDManager m, long[] mask, int batch, int tokens) {
    return BertLayer.additiveMask(m, mask, batch, tokens, dtype);
  }

  /** {@code a} in the encoder's type: itself if it is, else a converted copy, {@code a} closed. */
  private NDArray typed(NDArray a) {
    if (a.getDataType() == dtype) {
      return a;
    }
    NDArray t = a.toType(dtype, true);
    a.close();
    return t;
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
    NDArray x = word.get(new NDIndex("{}", ids.reshape(-1)));
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
    return forward(ps, ids, additiveMask, layers.size());
  }

  /** The hidden states after the lowest {@code n} layers (0: the embeddings), in inference mode. */
  public NDArray forward(ParameterStore ps, NDArray ids, NDArray additiveMask, int n) {
    NDArray h = embed(ids);
    for (BertLayer l : layers.subList(0, n)) {
      h = l.forward(ps, new NDList(h, additiveMask), false).head();
    }
    return h;
  }

  private NDArray array(Map<String, OnnxWeights.Tensor> w, String name) {
    OnnxWeights.Tensor t = require(w, name);
    return typed(manager.create(t.values(), new Shape(t.shape())));
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
}
