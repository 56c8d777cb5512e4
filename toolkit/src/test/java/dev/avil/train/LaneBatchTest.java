package dev.avil.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.avil.model.MultiHeadNet;
import dev.avil.runtime.DjlRuntime;
import dev.avil.task.Split;
import dev.avil.task.Task;
import dev.avil.testing.Synthetic;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A lane's batches are its own: a lane gathers every batch into the same two native buffers, and an
 * array DJL makes from a buffer reads that buffer, so a batch kept while the next one is gathered
 * (as the dev-head probe keeps its fitting batch) would turn into the next batch.
 */
class LaneBatchTest {
  @Test
  void aBatchKeptForLaterStaysTheSameWhenTheNextIsGathered() {
    Task task = Synthetic.blobs("target", 200, 6, 3, 1.0, 1);
    RunSpec spec = Synthetic.oneEpoch("kept", List.of(task), 16, 7, DataType.FLOAT32);
    try (NDManager m = DjlRuntime.newManager()) {
      MultiHeadNet net =
          new MultiHeadNet(
              m,
              spec.trunk(),
              spec.headHidden(),
              new int[] {task.classes()},
              task.inputShape(),
              spec.dtype(),
              new SplittableRandom(1));
      Lane lane = new Lane(spec, m, net, new EpochTally(1));
      Split train = task.train();
      NDList kept = lane.batch(train, new int[] {0, 1, 2, 3});
      lane.batch(train, new int[] {4, 5, 6, 7});
      float[] expected = Arrays.copyOfRange(train.features(), 0, 4 * 6);
      assertThat(kept.get(0).toFloatArray()).isEqualTo(expected);
      long[] labels = {train.label(0), train.label(1), train.label(2), train.label(3)};
      assertThat(kept.get(1).toLongArray()).isEqualTo(labels);
    }
  }
}
