package dev.userops.retention.clv;

import org.hipparchus.random.RandomDataGenerator;

/**
 * Customers drawn from a purchase model's own story, with first purchases spread over the first 12
 * weeks, a calibration period to week 39 and a holdout to week 78 (the CDNOW design): what the
 * model's predictions must match on average.
 */
final class Simulation {
  static final double CALIBRATION_END = 39;
  static final double HOLDOUT_END = 78;
  static final int WEEKS = 78;

  final int[] x;
  final double[] tx;
  final double[] T;
  final double[] firstPurchase;
  final int[] holdout;
  final boolean[] aliveAtCalibrationEnd;
  /** Repeat purchases per week from week 0. */
  final long[] weekly = new long[WEEKS];

  private Simulation(int customers) {
    x = new int[customers];
    tx = new double[customers];
    T = new double[customers];
    firstPurchase = new double[customers];
    holdout = new int[customers];
    aliveAtCalibrationEnd = new boolean[customers];
  }

  /** Customers drawn from {@code model}'s story. */
  static Simulation of(PurchaseModel model, int customers, long seed) {
    if (model instanceof BgNbd m) {
      return betaGeometric(m.r(), m.alpha(), m.a(), m.b(), false, customers, seed);
    }
    if (model instanceof MbgNbd m) {
      return betaGeometric(m.r(), m.alpha(), m.a(), m.b(), true, customers, seed);
    }
    ParetoNbd m = (ParetoNbd) model;
    return pareto(m.r(), m.alpha(), m.s(), m.beta(), customers, seed);
  }

  /**
   * BG/NBD (dropAtFirst false) or MBG/NBD (true): after each purchase, repeat purchases and for
   * MBG/NBD the first too, the customer drops out with probability p.
   */
  private static Simulation betaGeometric(
      double r, double alpha, double a, double b, boolean dropAtFirst, int customers, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    Simulation s = new Simulation(customers);
    for (int i = 0; i < customers; i++) {
      double start = 12 * random.nextDouble();
      double rate = random.nextGamma(r, 1 / alpha);
      double p = random.nextBeta(a, b);
      double death = Double.POSITIVE_INFINITY;
      double t = start;
      if (dropAtFirst && random.nextDouble() < p) {
        death = start;
      }
      while (death == Double.POSITIVE_INFINITY) {
        t += random.nextExponential(1 / rate);
        if (t > HOLDOUT_END) {
          break;
        }
        s.purchase(i, start, t);
        if (random.nextDouble() < p) {
          death = t;
        }
      }
      s.close(i, start, death);
    }
    return s;
  }

  /** Pareto/NBD: purchases at rate λ over an exponential lifetime of rate μ. */
  private static Simulation pareto(double r, double alpha, double s, double beta, int customers, long seed) {
    RandomDataGenerator random = new RandomDataGenerator(seed);
    Simulation sim = new Simulation(customers);
    for (int i = 0; i < customers; i++) {
      double start = 12 * random.nextDouble();
      double rate = random.nextGamma(r, 1 / alpha);
      double death = start + random.nextExponential(1 / random.nextGamma(s, 1 / beta));
      double t = start;
      while (true) {
        t += random.nextExponential(1 / rate);
        if (t > Math.min(death, HOLDOUT_END)) {
          break;
        }
        sim.purchase(i, start, t);
      }
      sim.close(i, start, death);
    }
    return sim;
  }

  private void purchase(int i, double start, double t) {
    if (t <= CALIBRATION_END) {
      x[i]++;
      tx[i] = t - start;
    } else {
      holdout[i]++;
    }
    weekly[(int) Math.min(t, WEEKS - 1)]++;
  }

  private void close(int i, double start, double death) {
    firstPurchase[i] = start;
    T[i] = CALIBRATION_END - start;
    aliveAtCalibrationEnd[i] = death > CALIBRATION_END;
  }

  RepeatBuyers buyers() {
    return RepeatBuyers.of(x, tx, T);
  }
}
