package dev.userops.sample;

import dev.userops.core.event.BehaviourType;
import dev.userops.core.event.OrderStatus;
import dev.userops.sample.SyntheticShop.AcquisitionChannel;
import dev.userops.sample.SyntheticShop.ActivityType;
import dev.userops.sample.SyntheticShop.ActivityVisitor;
import dev.userops.sample.SyntheticShop.BehaviourRates;
import dev.userops.sample.SyntheticShop.BehaviourVisitor;
import dev.userops.sample.SyntheticShop.Config;
import dev.userops.sample.SyntheticShop.OrderVisitor;
import dev.userops.sample.SyntheticShop.RefundVisitor;
import dev.userops.sample.SyntheticShop.UserVisitor;

/**
 * Generates one user at a time, for every event kind at once; visitors that are {@code null} are
 * skipped. Each user has three random streams seeded from {@code (seed, userId)}: profile, orders
 * (with refunds and review behaviours) and activity (with activity-day behaviours). A stream runs
 * whole or not at all, so which visitors are present never changes what is generated. Not
 * thread-safe: one instance per run.
 */
final class UserGenerator {
  private static final int PROFILE_STREAM = 0;
  private static final int ORDER_STREAM = 1;
  private static final int ACTIVITY_STREAM = 2;

  /** Cumulative shares of {@link AcquisitionChannel} values, in declaration order. */
  private static final double[] CHANNEL_CUMULATIVE = {0.35, 0.55, 0.75, 0.85};
  private static final AcquisitionChannel[] CHANNELS = AcquisitionChannel.values();

  private static final double FIRST_ORDER_MEAN_DAYS = 3;
  private static final double BUYING_SPAN_MEAN_DAYS = 180;
  /** Log-normal spread of amounts between a user's orders and of users' spending levels. */
  private static final double ORDER_AMOUNT_SIGMA = 0.7;
  private static final double USER_SPEND_SIGMA = 0.5;
  /** Log-normal spread of influence; mean 1, so rates per review are population means. */
  private static final double INFLUENCE_SIGMA = 1;
  private static final double REFUND_MIN_DAYS = 2.0 / 24;
  private static final double REFUND_MEAN_DAYS = 5;
  private static final double REVIEW_MIN_DAYS = 1;
  private static final double REVIEW_MEAN_DAYS = 3;
  private static final double RECEIVED_MEAN_DAYS = 2;
  private static final double LOG_CASUAL_STAY = Math.log(ActivityModel.CASUAL_STAY);
  private static final double LOG_LOYAL_STAY = Math.log(ActivityModel.LOYAL_STAY);
  private static final double LOG_CASUAL_SKIP = Math.log1p(-ActivityModel.CASUAL_DAILY_PROBABILITY);

  private final SyntheticShop shop;
  private final Config config;
  private final BehaviourRates rates;
  private final Timeline timeline;
  private final UserVisitor userVisitor;
  private final OrderVisitor orderVisitor;
  private final RefundVisitor refundVisitor;
  private final ActivityVisitor activityVisitor;
  private final BehaviourVisitor behaviourVisitor;
  private final boolean wantOrderStream;
  private final boolean wantActivityStream;
  private final Rng profileRng = new Rng();
  private final Rng orderRng = new Rng();
  private final Rng activityRng = new Rng();

  // The current user's profile.
  private long userId;
  private double signupPosition;
  private long signupMillis;
  private boolean loyal;
  private double loyalDailyProbability;
  private double influence;
  private double spendLevel;
  private double checkInProbability;
  private long behaviourSeq;

  UserGenerator(
      SyntheticShop shop,
      UserVisitor userVisitor,
      OrderVisitor orderVisitor,
      RefundVisitor refundVisitor,
      ActivityVisitor activityVisitor,
      BehaviourVisitor behaviourVisitor) {
    this.shop = shop;
    this.config = shop.config();
    this.rates = config.behaviourRates();
    this.timeline = shop.timeline();
    this.userVisitor = userVisitor;
    this.orderVisitor = orderVisitor;
    this.refundVisitor = refundVisitor;
    this.activityVisitor = activityVisitor;
    this.behaviourVisitor = behaviourVisitor;
    this.wantOrderStream = orderVisitor != null || refundVisitor != null || behaviourVisitor != null;
    this.wantActivityStream = activityVisitor != null || behaviourVisitor != null;
  }

  void run(long fromUser, long toUser) {
    for (long u = fromUser; u < toUser; u++) {
      userId = u;
      behaviourSeq = 0;
      profile();
      if (wantOrderStream) {
        orders();
      }
      if (wantActivityStream) {
        activity();
      }
    }
  }

  /** Orders of users in [fromUser, toUser), from the first draws of each order stream only. */
  long countOrders(long fromUser, long toUser) {
    long count = 0;
    for (long u = fromUser; u < toUser; u++) {
      userId = u;
      count += startOrders();
    }
    return count;
  }

  private void profile() {
    Rng rng = profileRng;
    rng.reset(Rng.streamSeed(config.seed(), userId, PROFILE_STREAM));
    signupPosition = rng.nextDouble() * config.acquisitionDays();
    signupMillis = timeline.epochMillis(signupPosition);
    AcquisitionChannel channel = channel(rng.nextDouble());
    loyal = rng.nextDouble() < config.loyalShare();
    // Spread loyal users' daily probability around the calibrated mean, keeping it in [0, 1].
    double mean = shop.loyalDailyProbability();
    double spread = Math.min(mean / 2, 1 - mean);
    loyalDailyProbability = mean + spread * (2 * rng.nextDouble() - 1);
    influence = Math.exp(INFLUENCE_SIGMA * rng.nextGaussian() - INFLUENCE_SIGMA * INFLUENCE_SIGMA / 2);
    spendLevel = USER_SPEND_SIGMA * rng.nextGaussian();
    // U^((1 - r) / r) has mean r: most users rarely check in, a few almost always do.
    double r = rates.checkInRate();
    checkInProbability = Math.pow(rng.nextDouble(), (1 - r) / r);
    if (userVisitor != null) {
      userVisitor.user(userId, signupMillis, channel);
    }
  }

  private static AcquisitionChannel channel(double u) {
    int i = 0;
    while (i < CHANNEL_CUMULATIVE.length && u >= CHANNEL_CUMULATIVE[i]) {
      i++;
    }
    return CHANNELS[i];
  }

  /** Seeds the order stream and draws the user's order count (0 for non-buyers). */
  private long startOrders() {
    double buyerShare = 1 - config.nonBuyerShare();
    double quantile = shop.orderQuantile(userId);
    if (quantile >= buyerShare) {
      return 0;
    }
    // Exponential quantile: the purchase frequency of this buyer, mean meanOrdersPerBuyer - 1.
    double frequency = (config.meanOrdersPerBuyer() - 1) * -Math.log1p(-quantile / buyerShare);
    orderRng.reset(Rng.streamSeed(config.seed(), userId, ORDER_STREAM));
    // Random rounding keeps the mean but adds far less noise than a Poisson count would.
    return 1 + (long) (frequency + orderRng.nextDouble());
  }

  private void orders() {
    long count = startOrders();
    if (count == 0) {
      return;
    }
    Rng rng = orderRng;
    double last = timeline.lastPosition();
    double first = Math.min(signupPosition + rng.nextExponential() * FIRST_ORDER_MEAN_DAYS, last);
    double span = Math.min(rng.nextExponential() * BUYING_SPAN_MEAN_DAYS, last - first);
    double cancelRate = config.cancelRate();
    double notPaidRate = cancelRate + config.fullRefundRate();
    // Repeats are the sorted uniform points of the span, drawn in ascending order: the next is
    // the minimum of the remaining ones over what is left of the span.
    double placed = 0;
    long previousMillis = signupMillis;
    for (long seq = 0; seq < count; seq++) {
      if (seq > 0) {
        placed += (1 - placed) * (1 - Math.pow(rng.nextDouble(), 1.0 / (count - seq)));
      }
      double position = first + placed * span;
      // Monotone up to a DST shift; keep time order anyway.
      long millis = Math.max(timeline.epochMillis(position), previousMillis);
      previousMillis = millis;
      long amount =
          Math.max(
              1,
              Math.round(
                  config.medianAmountMinor()
                      * Math.exp(spendLevel + ORDER_AMOUNT_SIGMA * rng.nextGaussian())));
      double s = rng.nextDouble();
      OrderStatus status =
          s < cancelRate ? OrderStatus.CANCELLED : s < notPaidRate ? OrderStatus.REFUNDED : OrderStatus.PAID;
      if (orderVisitor != null) {
        orderVisitor.order(userId, seq, millis, amount, status);
      }
      if (status == OrderStatus.PAID) {
        partialRefund(seq, position, millis, amount);
        review(position);
      }
    }
  }

  private void partialRefund(long orderSeq, double orderPosition, long orderMillis, long amount) {
    Rng rng = orderRng;
    if (rng.nextDouble() >= config.partialRefundRate() || amount < 2) {
      return;
    }
    long refundAmount = 1 + (long) (rng.nextDouble() * (amount - 1));
    double position = orderPosition + REFUND_MIN_DAYS + rng.nextExponential() * REFUND_MEAN_DAYS;
    if (position < timeline.days()) {
      long millis = timeline.epochMillis(position);
      if (millis > orderMillis && refundVisitor != null) {
        refundVisitor.refund(userId, orderSeq, millis, refundAmount);
      }
    }
  }

  private void review(double orderPosition) {
    Rng rng = orderRng;
    if (rng.nextDouble() >= rates.reviewRate()) {
      return;
    }
    BehaviourType type =
        rng.nextDouble() < rates.photoShare() ? BehaviourType.REVIEW_WITH_PHOTOS : BehaviourType.REVIEW;
    double position = orderPosition + REVIEW_MIN_DAYS + rng.nextExponential() * REVIEW_MEAN_DAYS;
    behaviourAt(position, type);
    received(position, rng.nextPoisson(rates.likesPerReview() * influence), BehaviourType.LIKE_RECEIVED);
    received(position, rng.nextPoisson(rates.sharesPerReview() * influence), BehaviourType.SHARE_RECEIVED);
  }

  private void received(double reviewPosition, long count, BehaviourType type) {
    for (long i = 0; i < count; i++) {
      behaviourAt(reviewPosition + orderRng.nextExponential() * RECEIVED_MEAN_DAYS, type);
    }
  }

  /** A behaviour at a timeline position; left out if it falls after the horizon. */
  private void behaviourAt(double position, BehaviourType type) {
    if (position < timeline.days()) {
      behaviour(timeline.epochMillis(position), type);
    }
  }

  private void behaviour(long millis, BehaviourType type) {
    if (behaviourVisitor != null) {
      behaviourVisitor.behaviour(userId, behaviourSeq, millis, type);
    }
    behaviourSeq++;
  }

  private void activity() {
    Rng rng = activityRng;
    rng.reset(Rng.streamSeed(config.seed(), userId, ACTIVITY_STREAM));
    long aliveDays =
        loyal
            ? ActivityModel.LOYAL_MIN_DAYS + rng.nextGeometric(LOG_LOYAL_STAY)
            : rng.nextGeometric(LOG_CASUAL_STAY);
    double logSkip = loyal ? Math.log1p(-loyalDailyProbability) : LOG_CASUAL_SKIP;
    long signupDay = (long) signupPosition;
    long lastDay = Math.min(signupDay + aliveDays, timeline.days() - 1);
    activeDay(signupMillis, ActivityType.SIGNUP);
    for (long day = signupDay + 1 + rng.nextGeometric(logSkip);
        day <= lastDay;
        day += 1 + rng.nextGeometric(logSkip)) {
      activeDay(timeline.epochMillis(day + rng.nextDouble()), ActivityType.LAUNCH);
    }
  }

  private void activeDay(long millis, ActivityType type) {
    if (activityVisitor != null) {
      activityVisitor.activity(userId, millis, type);
    }
    Rng rng = activityRng;
    if (rng.nextDouble() < checkInProbability) {
      behaviour(millis, BehaviourType.CHECK_IN);
    }
    if (rng.nextDouble() < rates.shareRate()) {
      behaviour(millis, BehaviourType.SHARE);
    }
    if (rng.nextDouble() < rates.invitationRate() * influence) {
      behaviour(millis, BehaviourType.INVITATION_ACCEPTED);
    }
  }
}
