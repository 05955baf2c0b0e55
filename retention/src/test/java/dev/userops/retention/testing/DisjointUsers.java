package dev.userops.retention.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.ToLongFunction;

/** Results of disjoint sets of users added up, as the Spark adapter adds its partitions' results. */
public final class DisjointUsers {
  private DisjointUsers() {}

  /**
   * Adds each event to one accumulator over all users and to accumulator {@code userId % parts} of
   * {@code parts}, then checks that the parts' results, added in order by {@code plus}, equal the
   * one accumulator's.
   *
   * @return the sum of the parts' results
   */
  public static <E, A extends Accumulator<A, R>, R> R assertPartsAddUp(AccumulatorSpec<A, R> spec, List<E> events,
      ToLongFunction<E> userId, BiConsumer<A, E> add, BinaryOperator<R> plus, int parts) {
    List<A> byUser = new ArrayList<>();
    for (int i = 0; i < parts; i++) {
      byUser.add(spec.newAccumulator());
    }
    A all = spec.newAccumulator();
    for (E event : events) {
      add.accept(all, event);
      add.accept(byUser.get((int) (userId.applyAsLong(event) % parts)), event);
    }
    R sum = byUser.get(0).result();
    for (int i = 1; i < parts; i++) {
      sum = plus.apply(sum, byUser.get(i).result());
    }
    assertThat(sum).as("%s parts of %s", parts, spec).isEqualTo(all.result());
    return sum;
  }
}
