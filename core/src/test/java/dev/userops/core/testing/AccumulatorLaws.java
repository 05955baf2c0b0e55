package dev.userops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import dev.userops.core.internal.Accumulators;
import dev.userops.core.internal.BinaryForm;
import dev.userops.core.internal.Checks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Checks the laws of the accumulator contract (DESIGN.md §2) for one spec over one input: the
 * empty accumulator is the identity of merge; merge is associative and commutative in its result;
 * the order of {@code add} calls does not change the result; self-merge and merges across different
 * specs throw; a byte round trip changes nothing, and bytes of another family or a newer format
 * version are rejected; {@code result()} and {@code merge} leave their
 * arguments usable and unchanged; the collector gives the same result sequentially and in parallel.
 * Every module's accumulator tests call {@link #check} with random inputs.
 *
 * @param <T> the input element type
 * @param <A> the accumulator type
 * @param <R> the result type
 */
public final class AccumulatorLaws<T, A extends Accumulator<A, R>, R> {
  private final AccumulatorSpec<A, R> spec;
  private final BiConsumer<A, T> add;
  private final AccumulatorSpec<A, R> otherSpec;

  private AccumulatorLaws(
      AccumulatorSpec<A, R> spec, BiConsumer<A, T> add, AccumulatorSpec<A, R> otherSpec) {
    this.spec = spec;
    this.add = add;
    this.otherSpec = otherSpec;
  }

  /**
   * Laws for accumulators of {@code spec} fed by {@code add}. {@code otherSpec} must differ from
   * {@code spec}; it is used to check that merging across specs is rejected.
   */
  public static <T, A extends Accumulator<A, R>, R> AccumulatorLaws<T, A, R> of(
      AccumulatorSpec<A, R> spec, BiConsumer<A, T> add, AccumulatorSpec<A, R> otherSpec) {
    assertThat(otherSpec).as("otherSpec must differ from spec").isNotEqualTo(spec);
    return new AccumulatorLaws<>(spec, add, otherSpec);
  }

  /** Checks every law on {@code input}, splitting and shuffling it with {@code seed}. */
  public R check(List<T> input, long seed) {
    Random random = new Random(seed);
    R expected = feed(spec.newAccumulator(), input).result();

    checkIdentity(input, expected);
    checkAddOrder(input, expected, random);
    checkMergeLaws(input, expected, random);
    checkRejectedMerges(input);
    checkByteRoundTrip(input, expected, random);
    checkStaysUsable(input, expected, random);
    checkCollector(input, expected);
    return expected;
  }

  private A feed(A accumulator, List<T> input) {
    for (T t : input) {
      add.accept(accumulator, t);
    }
    return accumulator;
  }

  private void checkIdentity(List<T> input, R expected) {
    assertThat(spec.newAccumulator().merge(spec.newAccumulator()).result())
        .as("empty merged with empty")
        .isEqualTo(spec.newAccumulator().result());
    assertThat(feed(spec.newAccumulator(), input).merge(spec.newAccumulator()).result())
        .as("full merged with empty")
        .isEqualTo(expected);
    assertThat(spec.newAccumulator().merge(feed(spec.newAccumulator(), input)).result())
        .as("empty merged with full")
        .isEqualTo(expected);
  }

  private void checkAddOrder(List<T> input, R expected, Random random) {
    List<T> shuffled = new ArrayList<>(input);
    Collections.shuffle(shuffled, random);
    assertThat(feed(spec.newAccumulator(), shuffled).result()).as("shuffled input").isEqualTo(expected);
    List<T> reversed = new ArrayList<>(input);
    Collections.reverse(reversed);
    assertThat(feed(spec.newAccumulator(), reversed).result()).as("reversed input").isEqualTo(expected);
  }

  /** Three random parts, merged in every order and grouping. */
  private void checkMergeLaws(List<T> input, R expected, Random random) {
    List<List<T>> parts = split(input, 3, random);
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int[] order : orders) {
      A left = part(parts, order[0]).merge(part(parts, order[1])).merge(part(parts, order[2]));
      assertThat(left.result()).as("(p%s + p%s) + p%s", order[0], order[1], order[2]).isEqualTo(expected);
      A right = part(parts, order[0]).merge(part(parts, order[1]).merge(part(parts, order[2])));
      assertThat(right.result()).as("p%s + (p%s + p%s)", order[0], order[1], order[2]).isEqualTo(expected);
    }
  }

  private A part(List<List<T>> parts, int i) {
    return feed(spec.newAccumulator(), parts.get(i));
  }

  private static <T> List<List<T>> split(List<T> input, int count, Random random) {
    List<List<T>> parts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      parts.add(new ArrayList<>());
    }
    for (T t : input) {
      parts.get(random.nextInt(count)).add(t);
    }
    return parts;
  }

  private void checkRejectedMerges(List<T> input) {
    A accumulator = feed(spec.newAccumulator(), input);
    assertThatThrownBy(() -> accumulator.merge(accumulator))
        .as("self-merge")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itself");
    A other = otherSpec.newAccumulator();
    assertThatThrownBy(() -> accumulator.merge(other))
        .as("merge across specs")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(spec.toString())
        .hasMessageContaining(otherSpec.toString());
    assertThatThrownBy(() -> otherSpec.accumulatorFromBytes(accumulator.toByteArray()))
        .as("bytes read with another spec")
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void checkByteRoundTrip(List<T> input, R expected, Random random) {
    A empty = spec.newAccumulator();
    assertThat(spec.accumulatorFromBytes(empty.toByteArray()).result())
        .as("empty after byte round trip")
        .isEqualTo(empty.result());
    A full = feed(spec.newAccumulator(), input);
    byte[] bytes = full.toByteArray();
    A copy = spec.accumulatorFromBytes(bytes);
    assertThat(copy.result()).as("result after byte round trip").isEqualTo(expected);
    assertThat(copy.toByteArray()).as("bytes after byte round trip").isEqualTo(bytes);
    A described = Accumulator.fromBytes(bytes, accumulatorType(full));
    assertThat(described.spec()).as("spec read from the bytes alone").isEqualTo(spec);
    assertThat(described.result()).as("result read from the bytes alone").isEqualTo(expected);
    // Partitions shipped as bytes (Spark buffers) and merged must agree too.
    List<List<T>> parts = split(input, 2, random);
    A merged =
        spec.accumulatorFromBytes(part(parts, 0).toByteArray())
            .merge(spec.accumulatorFromBytes(part(parts, 1).toByteArray()));
    assertThat(merged.result()).as("merge of round-tripped parts").isEqualTo(expected);
    if (bytes.length > 16) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
      assertThatThrownBy(() -> spec.accumulatorFromBytes(truncated))
          .as("truncated bytes")
          .isInstanceOf(IllegalArgumentException.class);
    }
    checkForeignHeadersRejected(bytes);
  }

  /** Bytes of another family, or of a format version this code cannot read, are never misread. */
  private void checkForeignHeadersRejected(byte[] bytes) {
    // The header of every binary form (BinaryForm): magic in bytes 0-3, family 4-7, version 8-11.
    String family = BinaryForm.family(bytes);
    byte[] otherFamily = bytes.clone();
    otherFamily[4] = (byte) (otherFamily[4] == 'X' ? 'Y' : 'X');
    assertThatThrownBy(() -> spec.accumulatorFromBytes(otherFamily))
        .as("bytes of another family")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("expected binary form of family " + family + ", got ");
    byte[] newerVersion = ByteBuffer.wrap(bytes.clone()).putInt(8, Integer.MAX_VALUE).array();
    assertThatThrownBy(() -> spec.accumulatorFromBytes(newerVersion))
        .as("bytes of a newer format version")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(family + ": expected format version 1..")
        .hasMessageEndingWith(", got " + Integer.MAX_VALUE);
  }

  @SuppressWarnings("unchecked")
  private Class<A> accumulatorType(A accumulator) {
    return (Class<A>) accumulator.getClass();
  }

  private void checkStaysUsable(List<T> input, R expected, Random random) {
    List<List<T>> parts = split(input, 2, random);
    A first = part(parts, 0);
    first.result();
    feed(first, parts.get(1));
    assertThat(first.result()).as("adding after result()").isEqualTo(expected);

    A left = part(parts, 0);
    A right = part(parts, 1);
    R rightBefore = right.result();
    left.merge(right);
    assertThat(right.result()).as("merge leaves its argument unchanged").isEqualTo(rightBefore);
  }

  private void checkCollector(List<T> input, R expected) {
    assertThat(input.stream().collect(Accumulators.collector(spec, add)))
        .as("sequential collector")
        .isEqualTo(expected);
    assertThat(input.parallelStream().collect(Accumulators.collector(spec, add)))
        .as("parallel collector")
        .isEqualTo(expected);
  }
}
