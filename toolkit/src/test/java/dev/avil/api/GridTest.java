package dev.avil.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.train.Cells;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The grid's order: cells side by side start seed by seed, so that a study stopped early holds
 * whole seeds with their single-task pairs, and within a seed the cells that train auxiliary tasks
 * first.
 */
class GridTest {
  @Test
  void cellsSideBySideStartSeedBySeedWithTheAuxiliaryTrainingFirst() {
    Map<String, Experiment> settings = new java.util.LinkedHashMap<>();
    settings.put("a", null);
    settings.put("b", null);
    Grid g =
        new Grid(
            settings,
            List.of(Method.singleTask(), Method.uniform(), Method.alphaVil()),
            new long[] {3, 1, 2});
    List<Grid.Cell> cells = g.cells();
    double[] rank = Grid.startRanks(cells);
    // the start order Cells.run uses side by side: highest rank first, ties in the given order
    List<Grid.Cell> started = new ArrayList<>();
    IntStream.range(0, cells.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -rank[i]))
        .forEach(i -> started.add(cells.get(i)));
    assertThat(started.stream().map(Grid.Cell::seed).toList())
        .as("seeds in start order")
        .containsExactly(3L, 3L, 3L, 3L, 3L, 3L, 1L, 1L, 1L, 1L, 1L, 1L, 2L, 2L, 2L, 2L, 2L, 2L);
    assertThat(started.subList(0, 6).stream().map(c -> c.setting() + " " + c.method().name()))
        .containsExactly(
            "a uniform", "a avil", "b uniform", "b avil", "a single-task", "b single-task");
    assertThat(Cells.cost(true)).isGreaterThan(Cells.cost(false));
  }
}
