package dev.avil.train;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Cells}: side by side the costliest cells start first, one at a time they run in the given
 * order, and either way each result comes back in its cell's place.
 */
class CellsTest {
  private final List<Integer> started = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, Thread> threads = new ConcurrentHashMap<>();

  private List<Callable<String>> cells(int n) {
    return cells(n, -1);
  }

  /**
   * {@code n} cells that note when they start. The cell {@code holder}, if any, holds its worker
   * until every other cell has started, so the other worker takes the queued cells one by one and
   * the start order does not depend on timing.
   */
  private List<Callable<String>> cells(int n, int holder) {
    CountDownLatch othersStarted = new CountDownLatch(n - 1);
    List<Callable<String>> cells = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int id = i;
      cells.add(
          () -> {
            threads.put(id, Thread.currentThread());
            started.add(id);
            if (id == holder) {
              assertThat(othersStarted.await(30, TimeUnit.SECONDS)).isTrue();
            } else {
              othersStarted.countDown();
            }
            return "cell " + id;
          });
    }
    return cells;
  }

  @Test
  void sideBySideTheCostliestStartFirstAndResultsKeepTheirPlaces() {
    List<String> out = Cells.run(cells(5, 3), new double[] {0, 1, 0, 2, 1}, 2);
    assertThat(out).containsExactly("cell 0", "cell 1", "cell 2", "cell 3", "cell 4");
    // two workers: the two costliest, 3 and 1, are their first cells. 3 holds its worker until
    // every other cell has started, so the other worker takes the rest one by one, by cost, ties
    // in the given order
    assertThat(started.stream().filter(id -> id != 3)).containsExactly(1, 4, 0, 2);
    assertThat(threads.get(3)).isNotIn(threads.get(0), threads.get(1), threads.get(2));
    assertThat(threads.get(1)).isEqualTo(threads.get(4)).isEqualTo(threads.get(0));
  }

  @Test
  void oneAtATimeTheyRunInTheGivenOrder() {
    List<String> out = Cells.run(cells(3), new double[] {0, 1, 2}, 1);
    assertThat(out).containsExactly("cell 0", "cell 1", "cell 2");
    assertThat(started).containsExactly(0, 1, 2);
  }

  @Test
  void aCostIsNeededForEveryCell() {
    assertRefused(() -> Cells.run(cells(3), new double[] {1, 0}, 2), "2 costs for 3 cells");
    assertThat(started).isEmpty();
  }

  @Test
  void aCellThatTrainsTheAuxiliaryTasksCostsMoreThanOneThatTrainsTheTargetAlone() {
    assertThat(Cells.cost(true)).isGreaterThan(Cells.cost(false));
  }
}
