package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.model.Trunks;
import dev.avil.testing.Synthetic;
import dev.avil.train.TrainingListener;
import org.junit.jupiter.api.Test;

/** Seeds of 2^31 and above stay whole in tables, as they do in CSV. */
class LargeSeedTest {
  @Test
  void tablesKeepLargeSeedsWhole() {
    long big = 3_000_000_007L;
    Comparison c =
        Experiment.target(Synthetic.blobs("target", 100, 3, 2, 1.0, 2))
            .trunk(Trunks.mlp(4))
            .headHidden(2)
            .epochs(1)
            .batchSize(32)
            .listener(TrainingListener.silent())
            .compare(Method.singleTask())
            .seeds(big, Long.MAX_VALUE)
            .run();
    assertThat(c.runs()).hasSize(2);
    assertThat(c.perSeed().column("seed").asList().stream().map(Object::toString).toList())
        .containsExactly("3000000007", "9223372036854775807");
    assertThat(c.history().column("seed").asList().stream().map(Object::toString).toList())
        .containsOnly("3000000007", "9223372036854775807");
    assertThat(
            c.runs().get(0).history().column("seed").asList().stream()
                .map(Object::toString)
                .toList())
        .containsOnly("3000000007");
  }
}
