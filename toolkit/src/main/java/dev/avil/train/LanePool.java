package dev.avil.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * A run's lanes: its own network first, then replicas, made when work first runs side by side and
 * kept for the rest of the run. Which job runs on which lane depends only on the jobs' sizes, so a
 * seed gives the same numbers every time.
 */
final class LanePool {
  private final Lane main;
  private final Supplier<Lane> replica;
  private final List<Lane> lanes = new ArrayList<>();
  private final long dropoutSeed;
  private long runs;

  /**
   * A pool on the run's own lane {@code main}; {@code replica} makes each further lane. The dropout
   * masks of {@code main} start from {@code dropoutSeed}, and each job's from a seed drawn from it,
   * the job's index and the count of {@link #run} calls before it, whichever lane runs the job.
   */
  LanePool(Lane main, Supplier<Lane> replica, long dropoutSeed) {
    this.main = main;
    this.replica = replica;
    this.dropoutSeed = dropoutSeed;
    main.net().dropoutMasks().restart(dropoutSeed);
  }

  /** The run's own lane. */
  Lane main() {
    return main;
  }

  /**
   * Runs {@code job} for each job of size ≥ 0, planned by {@link #plan}: on the run's own lane, one
   * after the other, when the plan needs one lane; otherwise side by side on the lanes, each
   * starting from the run's current parameters.
   */
  void run(int[] sizes, int lanes, ObjIntConsumer<Lane> job) {
    long call = runs++;
    ObjIntConsumer<Lane> seeded =
        (lane, j) -> {
          lane.net().dropoutMasks().restart(dropoutSeed(call, j));
          job.accept(lane, j);
        };
    List<List<Integer>> plan = plan(sizes, lanes);
    if (plan.size() <= 1) {
      plan.get(0).forEach(j -> seeded.accept(main, j));
    } else {
      List<Lane> synced = synced(plan.size());
      List<Callable<Void>> jobs = new ArrayList<>();
      for (int l = 0; l < plan.size(); l++) {
        Lane lane = synced.get(l);
        List<Integer> mine = plan.get(l);
        jobs.add(
            () -> {
              mine.forEach(j -> seeded.accept(lane, j));
              return null;
            });
      }
      Lanes.run(jobs);
    }
    main.net().dropoutMasks().restart(dropoutSeed(call, -1));
  }

  private long dropoutSeed(long call, int job) {
    return Streams.of(dropoutSeed, call + "/" + job).nextLong();
  }

  /**
   * Jobs per lane: the largest first, each to the lane with the least work so far; jobs of size
   * below 0 are left out. Fewer lanes than {@code lanes} when there are fewer jobs.
   */
  static List<List<Integer>> plan(int[] sizes, int lanes) {
    List<Integer> jobs = new ArrayList<>();
    for (int j = 0; j < sizes.length; j++) {
      if (sizes[j] >= 0) {
        jobs.add(j);
      }
    }
    jobs.sort(
        (a, b) ->
            sizes[b] != sizes[a] ? Integer.compare(sizes[b], sizes[a]) : Integer.compare(a, b));
    int n = Math.max(1, Math.min(lanes, jobs.size()));
    List<List<Integer>> plan = new ArrayList<>();
    long[] load = new long[n];
    for (int l = 0; l < n; l++) {
      plan.add(new ArrayList<>());
    }
    for (int j : jobs) {
      int best = 0;
      for (int l = 1; l < n; l++) {
        if (load[l] < load[best]) {
          best = l;
        }
      }
      plan.get(best).add(j);
      load[best] += sizes[j];
    }
    return plan;
  }

  /**
   * The first {@code n} lanes (the run's own, then replicas, made if missing), each replica set to
   * the run's current parameters.
   */
  List<Lane> synced(int n) {
    while (lanes.size() < n) {
      lanes.add(lanes.isEmpty() ? main : replica.get());
    }
    try (ParamVector now = main.parameters()) {
      for (int l = 1; l < n; l++) {
        now.writeTo(lanes.get(l).params());
      }
    }
    return lanes.subList(0, n);
  }
}
