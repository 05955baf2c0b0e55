package dev.userops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.Accumulator;
import dev.userops.core.AccumulatorSpec;
import org.junit.jupiter.api.Test;

/** {@link StateSize} measures what the users add, and {@link StateSize#assertLinear} catches growth. */
class StateSizeTest {
  /** How the fake's per-user array grows with the number of users {@code n}. */
  private enum Growth {
    /** 8 bytes per user. */
    LINEAR,
    /** 8 · n bytes per user: an {@code O(users²)} table. */
    QUADRATIC,
    /** Capacity doubled on every new user, as ActiveUsersAccumulator's bitset did (issue 11). */
    DOUBLING
  }

  private record FakeSpec(Growth growth) implements AccumulatorSpec<Fake, Integer> {
    @Override
    public Fake newAccumulator() {
      return new Fake(this, 0);
    }

    @Override
    public Fake accumulatorFromBytes(byte[] bytes) {
      throw new UnsupportedOperationException("not needed to measure sizes");
    }
  }

  /** Holds {@code users} users in an array sized by its spec's growth. */
  private static final class Fake implements Accumulator<Fake, Integer> {
    private final FakeSpec spec;
    private final int users;
    /** Only measured: its size is the growth under test. */
    private final long[] state;

    Fake(FakeSpec spec, int users) {
      this.spec = spec;
      this.users = users;
      long length =
          switch (spec.growth) {
            case LINEAR -> users;
            case QUADRATIC -> (long) users * users;
            // Capped: the assertion at 10 users is what must fail, long before memory runs out.
            case DOUBLING -> 1L << Math.min(users, 20);
          };
      this.state = new long[(int) length];
    }

    @Override
    public FakeSpec spec() {
      return spec;
    }

    @Override
    public Fake merge(Fake other) {
      throw new UnsupportedOperationException("not needed to measure sizes");
    }

    @Override
    public Integer result() {
      return users;
    }

    @Override
    public byte[] toByteArray() {
      return new byte[8 * users];
    }
  }

  private static Fake filled(Growth growth, int users) {
    return new Fake(new FakeSpec(growth), users);
  }

  @Test
  void heapBytesAreWhatTheUsersAddBeyondAFreshAccumulator() {
    // An array of 1,000 longs: a 16-byte header and 8,000 bytes, less the fresh empty array.
    assertThat(StateSize.heapBytes(filled(Growth.LINEAR, 1_000))).isEqualTo(8_000);
    assertThat(StateSize.serializedBytes(filled(Growth.LINEAR, 1_000))).isEqualTo(8_000);
    assertThat(StateSize.totalHeapBytes(new long[1_000])).isEqualTo(8_016);
  }

  @Test
  void linearGrowthPasses() {
    StateSize.assertLinear(users -> filled(Growth.LINEAR, users), 8, 8, 0);
  }

  @Test
  void quadraticGrowthFails() {
    assertThatThrownBy(() -> StateSize.assertLinear(users -> filled(Growth.QUADRATIC, users), 64, 8, 4096))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("heap bytes of 1000 users");
  }

  @Test
  void capacityDoubledPerUserFails() {
    assertThatThrownBy(() -> StateSize.assertLinear(users -> filled(Growth.DOUBLING, users), 64, 8, 1024))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("heap bytes of 10 users");
  }

  @Test
  void serializedGrowthIsCheckedToo() {
    assertThatThrownBy(() -> StateSize.assertLinear(users -> filled(Growth.LINEAR, users), 8, 4, 0))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("toByteArray() bytes of 10 users");
  }
}
