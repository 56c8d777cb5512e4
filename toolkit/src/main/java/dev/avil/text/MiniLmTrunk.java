package dev.avil.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.avil.model.BertLayer;
import dev.avil.model.OnnxWeights;
import dev.avil.model.Trunk;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A trunk that fine-tunes MiniLM's top layers on {@link TokenStates} of the layers below: each
 * example is the index of its text, the trunk reads that text's states, runs the trainable layers
 * (initialised from the shipped model, dropout 0.1 while training) and gives the mean of their
 * output over the text's tokens, 384 features. Every run builds its own copy of the layers.
 *
 * <pre>{@code
 * TokenStates states = TokenStates.of(texts, 5, EncodingProgress.createDefault());
 * experiment.trunk(MiniLmTrunk.of(states));    // the top layer trains
 * }</pre>
 */
public final class MiniLmTrunk {
  private MiniLmTrunk() {}

  /** The layers above {@code states}' frozen ones, all of them trainable. */
  public static Trunk of(TokenStates states) {
    int frozen = states.frozenLayers();
    Map<String, OnnxWeights.Tensor> weights = TokenStates.weights();
    return Trunk.of(
        "minilm-top" + (TokenStates.LAYERS - frozen), () -> new Top(states, weights, frozen), 1);
  }

  /** The trainable layers over the states, then the mean over tokens. */
  static final class Top extends AbstractBlock {
    /** The most texts one pass of the layers takes at once, those of the most similar length. */
    private static final int GROUP = 16;

    private final TokenStates states;
    private final List<BertLayer> layers = new ArrayList<>();
    private final int width;
    // the groups' states, in half precision; each group's are copied out of it at once
    private ByteBuffer halves = ByteBuffer.allocateDirect(0);

    Top(TokenStates states, Map<String, OnnxWeights.Tensor> weights, int frozen) {
      this.states = states;
      for (int i = frozen; i < TokenStates.LAYERS; i++) {
        layers.add(addChildBlock("layer" + i, new BertLayer(weights, i, TokenStates.HEADS)));
      }
      this.width = (int) weights.get("encoder.layer.0.attention.self.query.weight").shape()[0];
    }

    @Override
    protected void initializeChildBlocks(NDManager m, DataType dtype, Shape... inputs) {
      for (BertLayer l : layers) {
        l.initialize(m, dtype, new Shape(1, 1, width), new Shape(1, 1, 1, 1));
      }
    }

    @Override
    protected NDList forwardInternal(
        ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      NDArray index = inputs.head();
      float[] idx = index.toType(DataType.FLOAT32, false).toFloatArray();
      int[] which = new int[idx.length];
      for (int i = 0; i < which.length; i++) {
        which[i] = Math.round(idx[i]);
      }
      // texts of similar length together: a group is padded to its longest text, and attention
      // costs the square of that; the groups' outputs go back to the batch's order
      Integer[] order = new Integer[which.length];
      Arrays.setAll(order, i -> i);
      Arrays.sort(order, (x, y) -> states.tokens(which[x]) - states.tokens(which[y]));
      long[] back = new long[which.length];
      NDList parts = new NDList();
      for (int from = 0; from < which.length; from += GROUP) {
        int[] part = new int[Math.min(GROUP, which.length - from)];
        for (int k = 0; k < part.length; k++) {
          part[k] = which[order[from + k]];
          back[order[from + k]] = from + k;
        }
        if (training) {
          parts.add(pooled(ps, index, part, true)); // the graph stays for the backward pass
        } else {
          try (NDScope scope = new NDScope()) {
            NDArray out = pooled(ps, index, part, false);
            NDScope.unregister(out);
            parts.add(out);
          }
        }
      }
      NDManager m = index.getManager();
      NDArray sorted = parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
      NDArray out = sorted.get(new NDIndex("{}", m.create(back)));
      if (!training) {
        parts.close(); // evaluation: the groups were taken out of their scopes
      }
      return new NDList(out);
    }

    /** The mean over tokens of the top layers' output for texts {@code which}. */
    private NDArray pooled(ParameterStore ps, NDArray index, int[] which, boolean training) {
      NDManager m = index.getManager();
      TokenStates.Padded p = states.gather(which, halves);
      halves = p.halves();
      DataType dtype = index.getDataType();
      NDArray h =
          BertLayer.owned(
              m.create(p.halves(), new Shape(p.size(), p.tokens(), width), DataType.FLOAT16),
              dtype);
      NDArray mask = BertLayer.additiveMask(m, p.mask(), p.size(), p.tokens(), dtype);
      for (BertLayer l : layers) {
        h = l.forward(ps, new NDList(h, mask), training).head();
      }
      NDArray k = BertLayer.owned(m.create(p.mask(), new Shape(p.size(), p.tokens(), 1)), dtype);
      return h.mul(k).sum(new int[] {1}).div(k.sum(new int[] {1}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputs) {
      return new Shape[] {new Shape(inputs[0].get(0), width)};
    }
  }
}
