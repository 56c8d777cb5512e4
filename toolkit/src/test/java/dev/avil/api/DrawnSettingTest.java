package dev.avil.api;

import static dev.avil.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.avil.api.DrawnSetting.Aux;
import dev.avil.task.Task;
import dev.avil.testing.NeedsData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Drawn settings: seeded, written down and read back, valid, and built as described. */
class DrawnSettingTest {
  @Test
  void aSeedAlwaysDrawsTheSameSettingAndSeedsDrawAVariety() {
    Set<String> recipes = new HashSet<>();
    Set<Integer> auxCounts = new HashSet<>();
    Set<Aux> kinds = new HashSet<>();
    for (int seed = 1; seed <= 200; seed++) {
      DrawnSetting s = DrawnSetting.draw(seed);
      assertThat(DrawnSetting.draw(seed)).isEqualTo(s);
      assertThat(s.targetSize()).isIn(250, 500, 1_000, 2_000);
      assertThat(s.targetSize() + s.auxSize()).isLessThanOrEqualTo(7_000);
      recipes.add(s.recipe());
      auxCounts.add(s.aux().size());
      kinds.addAll(s.aux());
    }
    assertThat(recipes.size()).as("distinct settings of 200 draws").isGreaterThan(150);
    assertThat(auxCounts).containsExactlyInAnyOrder(1, 2, 3, 4);
    assertThat(kinds).containsExactlyInAnyOrder(Aux.values());
  }

  @Test
  void aNameOrARecipeGivesTheSettingBack() {
    for (int seed : new int[] {1, 7, 101, 123_456}) {
      DrawnSetting s = DrawnSetting.draw(seed);
      assertThat(DrawnSetting.parse("gen-" + seed)).isEqualTo(s);
      assertThat(DrawnSetting.parse(s.recipe())).isEqualTo(s);
    }
    DrawnSetting r = DrawnSetting.parse("mnist-right-500-6000:own-more+other-side+noise");
    assertThat(r)
        .isEqualTo(
            new DrawnSetting(
                false, true, 500, 6_000, List.of(Aux.OWN_MORE, Aux.OTHER_SIDE, Aux.NOISE)));
    assertThat(r.describe())
        .isEqualTo(
            "MultiMNIST, target the right item on 500 training images; auxiliary on 6,000 images"
                + " each: own-more, other-side, noise");
  }

  @Test
  void theFamiliesAreDisjoint() {
    List<String> dev = DrawnSetting.developmentFamily(10);
    List<String> eval = DrawnSetting.evaluationFamily(10);
    assertThat(dev).hasSize(10).doesNotContainAnyElementsOf(eval);
    assertThat(eval).first().isEqualTo("gen-" + DrawnSetting.EVALUATION_FROM);
  }

  @Test
  void aFamilyPassesOverASeedThatRepeatsAnEarlierSetting() {
    assertThat(DrawnSetting.draw(145).recipe()).isEqualTo(DrawnSetting.draw(141).recipe());
    List<String> family = DrawnSetting.family(141, 8);
    assertThat(family).hasSize(8).startsWith("gen-141").doesNotContain("gen-145");
    assertThat(family.stream().map(s -> DrawnSetting.parse(s).recipe()).distinct()).hasSize(8);
    assertThat(DrawnSetting.family(141, 4))
        .containsExactly("gen-141", "gen-142", "gen-143", "gen-144");
  }

  @Test
  void badInputIsRefusedByName() {
    assertRefused(
        () -> DrawnSetting.parse("mnist-up-500-6000:noise"),
        "'mnist-up-500-6000:noise' is not a drawn setting",
        "gen-N");
    assertRefused(
        () -> DrawnSetting.parse("mnist-left-500-6000:noise+shadow"),
        "unknown auxiliary task 'shadow'",
        "other-data");
    assertRefused(() -> DrawnSetting.parse("mnist-left-2000-6000:noise"), "at most 7000");
    assertRefused(() -> DrawnSetting.parse("mnist-left-500-6000:noise+noise"), "distinct");
    assertRefused(() -> Settings.named("gen-x"), "'gen-x'");
    assertRefused(() -> DrawnSetting.family(0, 8), "seed ≥ 1");
  }

  @Test
  @NeedsData
  void theExperimentHasTheTasksTheRecipeNames() {
    Experiment e =
        Settings.named("fashion-left-250-2000:own-more+other-side+noise+parity+other-data");
    List<Task> tasks = e.tasks();
    assertThat(tasks.stream().map(Task::name))
        .containsExactly("fashion-left", "own-more", "other-side", "noise", "parity", "other-data");
    assertThat(tasks.get(0).train().size()).isEqualTo(250);
    assertThat(tasks.subList(1, 6)).allSatisfy(t -> assertThat(t.train().size()).isEqualTo(2_000));
    // the same images as the target's task, further on; the other side labels the same images
    assertThat(tasks.get(1).train().sameInputsAs(tasks.get(2).train())).isTrue();
    assertThat(tasks.get(1).train().sameInputsAs(tasks.get(0).train())).isFalse();
    assertThat(tasks.get(4).classes()).isEqualTo(2);
    for (int i = 0; i < 2_000; i++) {
      assertThat(tasks.get(4).train().label(i)).isEqualTo(tasks.get(1).train().label(i) % 2);
    }
    assertThat(tasks.get(5).train().sameInputsAs(tasks.get(1).train())).isFalse();
  }
}
