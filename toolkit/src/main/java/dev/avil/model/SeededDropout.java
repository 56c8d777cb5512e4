package dev.avil.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Dropout that a seed reproduces: while training, each element is kept with probability 1 − rate
 * and scaled by 1 / (1 − rate), its mask drawn from the {@link DropoutMasks} of the network that
 * holds the block ({@link MultiHeadNet} hands its own to every {@code SeededDropout} in the trunk).
 * Use it in a trunk instead of DJL's {@code Dropout}, whose masks a seed does not reproduce.
 */
public final class SeededDropout extends AbstractBlock {
  private final float rate;
  private DropoutMasks masks = new DropoutMasks(0);

  /**
   * Dropout at {@code rate}.
   *
   * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
   */
  public SeededDropout(float rate) {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("dropout rate " + rate + " must be in [0, 1)");
    }
    this.rate = rate;
  }

  /** Draws the masks from {@code masks} from now on. */
  public void drawFrom(DropoutMasks masks) {
    if (masks == null) {
      throw new IllegalArgumentException("dropout masks must not be null");
    }
    this.masks = masks;
  }

  @Override
  protected void initializeChildBlocks(NDManager m, DataType dtype, Shape... inputs) {}

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return training ? new NDList(masks.apply(inputs.head(), rate)) : inputs;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputs) {
    return inputs;
  }
}
