package dev.userops.sample;

/**
 * SplitMix64 with reseeding, so one instance serves every user without allocating. Written out
 * here rather than taken from {@code java.util} so that generated data cannot change with the JDK.
 */
final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  /** Above this mean, Knuth's Poisson method needs too many draws (and e^-mean underflows). */
  private static final double POISSON_KNUTH_LIMIT = 30;
  /** Cap for geometric draws: longer than any horizon, and safe to add to a day index. */
  static final long GEOMETRIC_CAP = Integer.MAX_VALUE;

  private long state;
  /** Box–Muller makes normals in pairs; the second waits here. */
  private double spareGaussian;
  private boolean hasSpareGaussian;

  /** The SplitMix64 finalizer (Stafford's variant 13): a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A seed for stream {@code stream} of item {@code index} under {@code seed}. */
  static long streamSeed(long seed, long index, int stream) {
    return mix(mix(seed) ^ mix(index * 8 + stream + GOLDEN_GAMMA));
  }

  void reset(long seed) {
    state = seed;
    hasSpareGaussian = false;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** Uniform in [0, 1). */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [0, bound), bound in [1, 2^31). */
  int nextInt(int bound) {
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** Exponential with mean 1. */
  double nextExponential() {
    return -Math.log1p(-nextDouble());
  }

  /** Standard normal (Box–Muller). */
  double nextGaussian() {
    if (hasSpareGaussian) {
      hasSpareGaussian = false;
      return spareGaussian;
    }
    double radius = Math.sqrt(-2 * Math.log1p(-nextDouble()));
    double angle = 2 * Math.PI * nextDouble();
    spareGaussian = radius * Math.sin(angle);
    hasSpareGaussian = true;
    return radius * Math.cos(angle);
  }

  /** Poisson with {@code mean >= 0}; a rounded normal approximation above a mean of 30. */
  long nextPoisson(double mean) {
    if (mean < POISSON_KNUTH_LIMIT) {
      double limit = Math.exp(-mean);
      long k = 0;
      double product = nextDouble();
      while (product >= limit && product > 0) {
        k++;
        product *= nextDouble();
      }
      return k;
    }
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * nextGaussian()));
  }

  /**
   * Failures before the first success of a trial that fails with probability {@code stay}, given
   * as {@code log(stay)} so that callers drawing many times compute the logarithm once; capped at
   * {@link #GEOMETRIC_CAP}.
   */
  long nextGeometric(double logStay) {
    if (logStay == Double.NEGATIVE_INFINITY) {
      return 0;
    }
    if (logStay >= 0) {
      return GEOMETRIC_CAP;
    }
    double failures = Math.floor(Math.log1p(-nextDouble()) / logStay);
    return failures >= GEOMETRIC_CAP ? GEOMETRIC_CAP : (long) failures;
  }
}
