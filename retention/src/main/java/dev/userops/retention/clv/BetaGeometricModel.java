package dev.userops.retention.clv;

/**
 * BG/NBD or MBG/NBD: one purchase and drop-out process with parameters (r, α, a, b), told apart
 * only by whether a customer may drop out at the first purchase. The per-customer expressions of
 * both are {@link BetaGeometric}'s, in the drop-out shift of the model.
 */
sealed interface BetaGeometricModel extends PurchaseModel permits BgNbd, MbgNbd {
  /** Shape of the purchase rate's gamma distribution. */
  double r();

  /** Scale of the purchase rate's gamma distribution, in the time unit of the data. */
  double alpha();

  /** First shape of the drop-out probability's beta distribution. */
  double a();

  /** Second shape of the drop-out probability's beta distribution. */
  double b();

  @Override
  default double logLikelihood(RepeatBuyers buyers) {
    return BetaGeometric.logLikelihood(r(), alpha(), a(), b(), shift(), buyers);
  }

  @Override
  default double probabilityAlive(int x, double tx, double T) {
    return BetaGeometric.probabilityAlive(r(), alpha(), a(), b(), shift(), x, tx, T);
  }

  @Override
  default double expectedPurchasesIfAlive(double t, int x, double T) {
    return BetaGeometric.expectedPurchasesIfAlive(r(), alpha(), a(), b(), shift(), t, x, T);
  }

  /** Drop-out chances before the first repeat purchase: 0 for BG/NBD, 1 for MBG/NBD. */
  private int shift() {
    return this instanceof MbgNbd ? 1 : 0;
  }
}
