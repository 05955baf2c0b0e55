package dev.userops.sample;

import dev.userops.core.event.Activity;
import dev.userops.core.event.Behaviour;
import dev.userops.core.event.BehaviourType;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import dev.userops.core.event.Refund;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * A deterministic, seeded synthetic shop: users, orders, partial refunds, activity and behaviours
 * with a realistic shape, for tests, examples and benchmarks of every module. Pure computation: no
 * I/O, no clock reads, no threads.
 *
 * <h2>Determinism and partitions</h2>
 * Users are dense ids {@code 0 .. users - 1} (accumulators may index arrays by them). Everything
 * about user {@code u} derives only from {@code (seed, u)}, so the output is the same however it is
 * consumed: any range {@code [fromUser, toUser)} can be generated alone (one range per thread or
 * partition) and equals those users' part of the whole run. Output is in user order; within a user,
 * orders and activities are in time order, refunds follow their order, and behaviours are in
 * generation order (reviews and the likes they receive, then behaviours of activity days), not
 * time order. The instance is immutable and thread-safe; each call generates afresh.
 *
 * <h2>Model</h2>
 * <ul>
 *   <li><b>Users</b> sign up uniformly over the first {@link Config#acquisitionDays()} days, from an
 *       acquisition channel (organic 35%, search 20%, social 20%, referral 10%, ads 15%).
 *   <li><b>Activity</b>: the signup day gives a {@link ActivityType#SIGNUP} event at the signup
 *       instant, each later active day one {@link ActivityType#LAUNCH}. Users return by a decaying
 *       process: casual users ({@code 1 - loyalShare}) fade within days — about 80% of all users
 *       are gone within 3 days and 90% within 30 (DOMAIN §2) — while the loyal minority stays for
 *       months, at a daily rate calibrated so that the mean number of active days per user
 *       (signup day included) is {@link Config#meanActivityDays()}.
 *   <li><b>Orders</b>: {@code 1 - nonBuyerShare} of users buy. A buyer has a purchase frequency
 *       {@code f}, exponential over buyers with mean {@code meanOrdersPerBuyer - 1} (so repeat
 *       counts are close to the geometric of the NBD repeat-purchase model), and places {@code 1 +
 *       f} orders rounded up or down at random. Buyer status and {@code f} are stratified over user
 *       ids (a low-discrepancy sequence offset by the seed), so the order total is within a few
 *       percent of {@link Config#expectedOrders()} even for a few hundred users (±10% at 10^3
 *       orders, ±1% at 10^5). The first order comes a few days after signup (exponential, mean 3 days); repeats
 *       spread uniformly over a buying span (exponential, mean 180 days) cut at the horizon, so
 *       frequent buyers have short gaps. Amounts are log-normal in minor units around {@link
 *       Config#medianAmountMinor()} with a per-user spending level; statuses are {@link
 *       OrderStatus#CANCELLED} and {@link OrderStatus#REFUNDED} at the configured rates, {@link
 *       OrderStatus#PAID} otherwise.
 *   <li><b>Partial refunds</b> hit a {@link Config#partialRefundRate()} share of paid orders of at
 *       least 2 minor units, for 1 to {@code amount - 1}, at least 2 hours after the order.
 *   <li><b>Behaviours</b>: a paid order is reviewed (with photos or not) a day or more later;
 *       reviews receive likes and shares in proportion to the author's influence (log-normal, so a
 *       few users are opinion leaders); active days bring check-ins (a per-user habit), shares and
 *       accepted invitations.
 *   <li><b>Time</b>: everything lies in [{@link #startMillis()}, {@link #endMillis()}), the local
 *       days {@code start .. start + horizonDays - 1} in {@link Config#zone()}; times of day follow
 *       a diurnal curve in that zone (quiet at night, peaks at noon and in the evening); nothing
 *       happens before the user's signup. Events that would fall after the horizon have not
 *       happened yet and are left out (refunds, reviews, likes), except orders, which the buying
 *       span is cut to fit.
 * </ul>
 *
 * <h2>Output paths</h2>
 * The primitive visitors ({@link #forEachOrder(OrderVisitor)} …) allocate nothing per event and
 * suit 10^7 events and more; the record lists ({@link #orders()} …) hold the same data as core
 * events for small runs and tests; {@link #orderColumns(OrderColumns.Layout)} gives orders as
 * primitive arrays for benchmarks. Record ids are deterministic: order {@code o<userId>-<orderSeq>},
 * its refund {@code r<userId>-<orderSeq>}, behaviour {@code b<userId>-<behaviourSeq>}, where the
 * sequence numbers count from 0 per user.
 */
public final class SyntheticShop {
  /** Format version of {@link Config}'s JSON form, its {@code version} field (absent: 1). */
  private static final int CONFIG_JSON_VERSION = 1;

  /**
   * Users' order quantiles are {@code frac(offset + userId / phi)} (the golden-ratio Kronecker
   * sequence), so any run of consecutive ids covers [0, 1) evenly.
   */
  private static final double INVERSE_GOLDEN_RATIO = 0.6180339887498949;

  private final Config config;
  private final Timeline timeline;
  private final double loyalDailyProbability;
  private final double quantileOffset;

  private SyntheticShop(Config config) {
    this.config = config;
    this.timeline = new Timeline(config.start(), config.horizonDays(), config.zone());
    this.loyalDailyProbability =
        ActivityModel.loyalDailyProbability(
            config.meanActivityDays(),
            config.loyalShare(),
            config.acquisitionDays(),
            config.horizonDays());
    Rng rng = new Rng();
    rng.reset(Rng.streamSeed(config.seed(), -1, 0));
    this.quantileOffset = rng.nextDouble();
  }

  /**
   * A shop generating the data {@code config} describes. Generates nothing yet.
   *
   * @param config what to generate; already validated by its constructor
   * @return the shop
   * @throws NullPointerException if {@code config} is null
   */
  public static SyntheticShop of(Config config) {
    return new SyntheticShop(Checks.requireNonNull(config, "config"));
  }

  /**
   * The configuration.
   *
   * @return the config given to {@link #of}
   */
  public Config config() {
    return config;
  }

  /**
   * Start of the first day, inclusive: local midnight of the start date.
   *
   * @return epoch milliseconds; no generated event is earlier
   */
  public long startMillis() {
    return timeline.startMillis();
  }

  /**
   * End of the last day, exclusive: local midnight after the horizon.
   *
   * @return epoch milliseconds; every generated event is earlier, so it is a valid {@code asOf}
   */
  public long endMillis() {
    return timeline.endMillis();
  }

  /**
   * The number of orders the run generates, counted without generating them (cheap).
   *
   * @return the exact count {@link #forEachOrder(OrderVisitor)} visits, of every status
   */
  public long orderCount() {
    return new UserGenerator(this, null, null, null, null, null).countOrders(0, config.users());
  }

  /**
   * Visits every user in id order.
   *
   * @param visitor receives each user
   * @throws NullPointerException if {@code visitor} is null
   */
  public void forEachUser(UserVisitor visitor) {
    forEachUser(0, config.users(), visitor);
  }

  /**
   * Visits users {@code fromUser} (inclusive) to {@code toUser} (exclusive) in id order.
   *
   * @param fromUser the first user id, in {@code [0, users]}
   * @param toUser the user id to stop before, in {@code [fromUser, users]}; equal to {@code
   *     fromUser} visits nothing
   * @param visitor receives each user
   * @throws NullPointerException if {@code visitor} is null
   * @throws IllegalArgumentException if the range is out of bounds
   */
  public void forEachUser(long fromUser, long toUser, UserVisitor visitor) {
    generate(fromUser, toUser, Checks.requireNonNull(visitor, "visitor"), null, null, null, null);
  }

  /**
   * Visits every order, by user, each user's in time order.
   *
   * @param visitor receives each order, of every status
   * @throws NullPointerException if {@code visitor} is null
   */
  public void forEachOrder(OrderVisitor visitor) {
    forEachOrder(0, config.users(), visitor);
  }

  /**
   * Visits the orders of users {@code fromUser} (inclusive) to {@code toUser} (exclusive).
   *
   * @param fromUser the first user id, in {@code [0, users]}
   * @param toUser the user id to stop before, in {@code [fromUser, users]}
   * @param visitor receives each order, of every status
   * @throws NullPointerException if {@code visitor} is null
   * @throws IllegalArgumentException if the range is out of bounds
   */
  public void forEachOrder(long fromUser, long toUser, OrderVisitor visitor) {
    generate(fromUser, toUser, null, Checks.requireNonNull(visitor, "visitor"), null, null, null);
  }

  /**
   * Visits every partial refund, by user, each user's in the order of the refunded orders.
   *
   * @param visitor receives each refund
   * @throws NullPointerException if {@code visitor} is null
   */
  public void forEachRefund(RefundVisitor visitor) {
    forEachRefund(0, config.users(), visitor);
  }

  /**
   * Visits the refunds of users {@code fromUser} (inclusive) to {@code toUser} (exclusive).
   *
   * @param fromUser the first user id, in {@code [0, users]}
   * @param toUser the user id to stop before, in {@code [fromUser, users]}
   * @param visitor receives each refund
   * @throws NullPointerException if {@code visitor} is null
   * @throws IllegalArgumentException if the range is out of bounds
   */
  public void forEachRefund(long fromUser, long toUser, RefundVisitor visitor) {
    generate(fromUser, toUser, null, null, Checks.requireNonNull(visitor, "visitor"), null, null);
  }

  /**
   * Visits every activity event, by user, each user's in time order.
   *
   * @param visitor receives each activity event
   * @throws NullPointerException if {@code visitor} is null
   */
  public void forEachActivity(ActivityVisitor visitor) {
    forEachActivity(0, config.users(), visitor);
  }

  /**
   * Visits the activity of users {@code fromUser} (inclusive) to {@code toUser} (exclusive).
   *
   * @param fromUser the first user id, in {@code [0, users]}
   * @param toUser the user id to stop before, in {@code [fromUser, users]}
   * @param visitor receives each activity event
   * @throws NullPointerException if {@code visitor} is null
   * @throws IllegalArgumentException if the range is out of bounds
   */
  public void forEachActivity(long fromUser, long toUser, ActivityVisitor visitor) {
    generate(fromUser, toUser, null, null, null, Checks.requireNonNull(visitor, "visitor"), null);
  }

  /**
   * Visits every behaviour, by user, each user's in generation order (not time order).
   *
   * @param visitor receives each behaviour
   * @throws NullPointerException if {@code visitor} is null
   */
  public void forEachBehaviour(BehaviourVisitor visitor) {
    forEachBehaviour(0, config.users(), visitor);
  }

  /**
   * Visits the behaviours of users {@code fromUser} (inclusive) to {@code toUser} (exclusive).
   *
   * @param fromUser the first user id, in {@code [0, users]}
   * @param toUser the user id to stop before, in {@code [fromUser, users]}
   * @param visitor receives each behaviour
   * @throws NullPointerException if {@code visitor} is null
   * @throws IllegalArgumentException if the range is out of bounds
   */
  public void forEachBehaviour(long fromUser, long toUser, BehaviourVisitor visitor) {
    generate(fromUser, toUser, null, null, null, null, Checks.requireNonNull(visitor, "visitor"));
  }

  /**
   * All users as records, in id order. Materializes the whole run: for small runs.
   *
   * @return an unmodifiable list of {@code users} records
   */
  public List<User> users() {
    List<User> users = new ArrayList<>();
    forEachUser(
        (userId, signupMillis, channel) ->
            users.add(new User(userId, Instant.ofEpochMilli(signupMillis), channel)));
    return Collections.unmodifiableList(users);
  }

  /**
   * All orders as core records (channel {@code null}), in visiting order. For small runs.
   *
   * @return an unmodifiable list of orders of every status, ids {@code o<userId>-<orderSeq>}
   */
  public List<Order> orders() {
    List<Order> orders = new ArrayList<>();
    forEachOrder(
        (userId, orderSeq, epochMillis, amountMinor, status) ->
            orders.add(
                Order.of(
                    orderId(userId, orderSeq),
                    userId,
                    Instant.ofEpochMilli(epochMillis),
                    amountMinor,
                    status)));
    return Collections.unmodifiableList(orders);
  }

  /**
   * All partial refunds as core records, in visiting order. For small runs.
   *
   * @return an unmodifiable list, each refund of an order in {@link #orders()}
   */
  public List<Refund> refunds() {
    List<Refund> refunds = new ArrayList<>();
    forEachRefund(
        (userId, orderSeq, epochMillis, amountMinor) ->
            refunds.add(
                new Refund(
                    "r" + userId + "-" + orderSeq,
                    orderId(userId, orderSeq),
                    userId,
                    Instant.ofEpochMilli(epochMillis),
                    amountMinor)));
    return Collections.unmodifiableList(refunds);
  }

  /**
   * All activity as core records with type {@link ActivityType#eventName()}, in visiting order.
   * For small runs.
   *
   * @return an unmodifiable list, at most one event per user and local day
   */
  public List<Activity> activities() {
    List<Activity> activities = new ArrayList<>();
    forEachActivity(
        (userId, epochMillis, type) ->
            activities.add(new Activity(userId, Instant.ofEpochMilli(epochMillis), type.eventName())));
    return Collections.unmodifiableList(activities);
  }

  /**
   * All behaviours as core records, in visiting order. For small runs.
   *
   * @return an unmodifiable list, ids {@code b<userId>-<behaviourSeq>}
   */
  public List<Behaviour> behaviours() {
    List<Behaviour> behaviours = new ArrayList<>();
    forEachBehaviour(
        (userId, behaviourSeq, epochMillis, type) ->
            behaviours.add(
                new Behaviour(
                    "b" + userId + "-" + behaviourSeq,
                    userId,
                    Instant.ofEpochMilli(epochMillis),
                    type)));
    return Collections.unmodifiableList(behaviours);
  }

  /**
   * All orders as primitive columns, built without boxing.
   *
   * @param layout by user, or shuffled with the shop's seed
   * @return new columns holding every order of every status
   * @throws NullPointerException if {@code layout} is null
   * @throws IllegalStateException if there are more orders than an array can hold
   */
  public OrderColumns orderColumns(OrderColumns.Layout layout) {
    return OrderColumns.of(this, Checks.requireNonNull(layout, "layout"));
  }

  private static String orderId(long userId, long orderSeq) {
    return "o" + userId + "-" + orderSeq;
  }

  private void generate(
      long fromUser,
      long toUser,
      UserVisitor users,
      OrderVisitor orders,
      RefundVisitor refunds,
      ActivityVisitor activities,
      BehaviourVisitor behaviours) {
    Checks.requireInRange(fromUser, 0, config.users(), "fromUser");
    Checks.requireInRange(toUser, fromUser, config.users(), "toUser");
    new UserGenerator(this, users, orders, refunds, activities, behaviours).run(fromUser, toUser);
  }

  Timeline timeline() {
    return timeline;
  }

  double loyalDailyProbability() {
    return loyalDailyProbability;
  }

  /**
   * Stratified in [0, 1): users below {@code 1 - nonBuyerShare} are buyers, and among them a
   * higher quantile buys more often.
   */
  double orderQuantile(long userId) {
    double x = quantileOffset + userId * INVERSE_GOLDEN_RATIO;
    return x - Math.floor(x);
  }

  /** Where a user came from. */
  public enum AcquisitionChannel {
    /** Came on their own (35% of users). */
    ORGANIC,
    /** From a search engine (20%). */
    SEARCH,
    /** From social media (20%). */
    SOCIAL,
    /** Invited by another user (10%). */
    REFERRAL,
    /** From paid advertising (15%). */
    ADS
  }

  /** Kinds of activity event. */
  public enum ActivityType {
    /** The user's first active day, at the signup instant. */
    SIGNUP("signup"),
    /** A later active day. */
    LAUNCH("launch");

    private final String eventName;

    ActivityType(String eventName) {
      this.eventName = eventName;
    }

    /**
     * The {@link Activity#type()} of this kind.
     *
     * @return {@code "signup"} or {@code "launch"}
     */
    public String eventName() {
      return eventName;
    }
  }

  /**
   * A generated user.
   *
   * @param userId dense id in {@code [0, users)}
   * @param signedUpAt the signup instant, the user's first event
   * @param acquisitionChannel where the user came from
   */
  public record User(long userId, Instant signedUpAt, AcquisitionChannel acquisitionChannel) {}

  /** Receives users. */
  @FunctionalInterface
  public interface UserVisitor {
    /**
     * One user.
     *
     * @param userId dense id in {@code [0, users)}
     * @param signupMillis the signup instant in epoch millis
     * @param channel where the user came from
     */
    void user(long userId, long signupMillis, AcquisitionChannel channel);
  }

  /** Receives orders without allocation. */
  @FunctionalInterface
  public interface OrderVisitor {
    /**
     * One order.
     *
     * @param userId the buyer, dense id in {@code [0, users)}
     * @param orderSeq the order's number among the user's orders, from 0, in time order
     * @param epochMillis when it was placed, in epoch millis
     * @param amountMinor the order total in minor units, at least 1
     * @param status paid, cancelled or fully refunded, at the configured rates
     */
    void order(long userId, long orderSeq, long epochMillis, long amountMinor, OrderStatus status);
  }

  /** Receives partial refunds without allocation. */
  @FunctionalInterface
  public interface RefundVisitor {
    /**
     * One partial refund of a {@link OrderStatus#PAID} order.
     *
     * @param userId the buyer of the refunded order
     * @param orderSeq the refunded order's {@code orderSeq}; at most one refund per order
     * @param epochMillis when, in epoch millis, strictly after the order
     * @param amountMinor the refunded amount in minor units, in [1, order amount - 1]
     */
    void refund(long userId, long orderSeq, long epochMillis, long amountMinor);
  }

  /** Receives activity events without allocation. */
  @FunctionalInterface
  public interface ActivityVisitor {
    /**
     * One active day's event; at most one per user and local day.
     *
     * @param userId who was active
     * @param epochMillis when, in epoch millis
     * @param type {@link ActivityType#SIGNUP} on the signup day, {@link ActivityType#LAUNCH} after
     */
    void activity(long userId, long epochMillis, ActivityType type);
  }

  /** Receives behaviours without allocation. */
  @FunctionalInterface
  public interface BehaviourVisitor {
    /**
     * One behaviour.
     *
     * @param userId the user credited (for passive behaviours, the author of the content)
     * @param behaviourSeq the behaviour's number among the user's behaviours, from 0
     * @param epochMillis when, in epoch millis
     * @param type which behaviour
     */
    void behaviour(long userId, long behaviourSeq, long epochMillis, BehaviourType type);
  }

  /**
   * Rates of behaviours. All are checked to be finite; rates are probabilities in [0, 1].
   *
   * @param reviewRate share of paid orders the buyer reviews
   * @param photoShare share of reviews with photos ({@link BehaviourType#REVIEW_WITH_PHOTOS})
   * @param likesPerReview mean likes a review of an average-influence user receives, >= 0
   * @param sharesPerReview mean shares a review of an average-influence user receives, >= 0
   * @param shareRate probability that the user shares something on an active day
   * @param checkInRate mean daily check-in probability over users; each user's own is drawn
   *     around it, so some users check in nearly every active day and many almost never
   * @param invitationRate probability that an invitation of an average-influence user is
   *     accepted on one of the user's active days (scaled by influence, capped at 1)
   */
  public record BehaviourRates(
      double reviewRate,
      double photoShare,
      double likesPerReview,
      double sharesPerReview,
      double shareRate,
      double checkInRate,
      double invitationRate) {
    /** Likes and shares per review beyond this are not a realistic shop. */
    private static final double MAX_PER_REVIEW = 1000;

    /**
     * 30% of paid orders reviewed, 30% of reviews with photos, 1.5 likes and 0.2 shares per review,
     * a share on 5% and a check-in on 20% of active days, an accepted invitation on 1%.
     */
    public static final BehaviourRates DEFAULT = new BehaviourRates(0.3, 0.3, 1.5, 0.2, 0.05, 0.2, 0.01);

    /**
     * Checks every rate; the message names the field, the rule and the value.
     *
     * @param reviewRate share of paid orders reviewed, in [0, 1]
     * @param photoShare share of reviews with photos, in [0, 1]
     * @param likesPerReview mean likes per review, in [0, 1000]
     * @param sharesPerReview mean shares per review, in [0, 1000]
     * @param shareRate daily share probability, in [0, 1]
     * @param checkInRate mean daily check-in probability, in [0, 1]
     * @param invitationRate daily accepted-invitation probability, in [0, 1]
     * @throws IllegalArgumentException if a value is out of range or NaN
     */
    public BehaviourRates {
      requireRate(reviewRate, "reviewRate");
      requireRate(photoShare, "photoShare");
      Checks.requireInRange(likesPerReview, 0, MAX_PER_REVIEW, "likesPerReview");
      Checks.requireInRange(sharesPerReview, 0, MAX_PER_REVIEW, "sharesPerReview");
      requireRate(shareRate, "shareRate");
      requireRate(checkInRate, "checkInRate");
      requireRate(invitationRate, "invitationRate");
    }
  }

  /**
   * What to generate. Build one with {@link #of(long, long)} or {@link #ofOrders(long, long)} and
   * adjust it with the {@code with…} methods. JSON form: every field, as {@link #toJson()} writes
   * it; missing numbers read as 0.
   *
   * @param seed any value; the same seed gives the same data
   * @param users number of users, in [1, 2^31 - 1]; ids are {@code 0 .. users - 1}
   * @param start the first local date; on or after 1970-01-01
   * @param acquisitionDays users sign up over the first this many days, in [1, horizonDays]
   * @param horizonDays days covered, so the last local date is {@code start + horizonDays - 1};
   *     must end by 2200-01-01
   * @param zone the zone of local dates and times of day
   * @param meanOrdersPerBuyer mean orders per buying user, in [1, 10^6]
   * @param nonBuyerShare share of users who never order, in [0, 1]
   * @param medianAmountMinor median order amount in minor units, in [1, 10^12]
   * @param cancelRate share of orders {@link OrderStatus#CANCELLED}
   * @param fullRefundRate share of orders {@link OrderStatus#REFUNDED}; {@code cancelRate +
   *     fullRefundRate <= 1}
   * @param partialRefundRate share of paid orders (of at least 2 minor units) with a partial
   *     refund, in [0, 1]
   * @param meanActivityDays mean active days per user, signup day included; attainable values
   *     depend on the loyal share and the period (the error message gives the range)
   * @param loyalShare share of users who keep coming back for months, in [0, 1]
   * @param behaviourRates rates of behaviours
   */
  public record Config(
      long seed,
      long users,
      LocalDate start,
      int acquisitionDays,
      int horizonDays,
      ZoneId zone,
      double meanOrdersPerBuyer,
      double nonBuyerShare,
      long medianAmountMinor,
      double cancelRate,
      double fullRefundRate,
      double partialRefundRate,
      double meanActivityDays,
      double loyalShare,
      BehaviourRates behaviourRates) {
    private static final LocalDate EARLIEST_START = LocalDate.of(1970, 1, 1);
    /** {@link dev.userops.core.CalendarIndex} answers without allocating before this date. */
    private static final LocalDate LATEST_END = LocalDate.of(2200, 1, 1);

    /**
     * Checks every field and their relations; the message names the field, rule and value.
     *
     * @param seed any value
     * @param users number of users, in [1, 2^31 - 1]
     * @param start the first local date, on or after 1970-01-01
     * @param acquisitionDays signup period in days, in [1, horizonDays]
     * @param horizonDays days covered, {@code >= 1}; {@code start + horizonDays} on or before
     *     2200-01-01
     * @param zone the zone of local dates and times of day
     * @param meanOrdersPerBuyer mean orders per buying user, in [1, 10^6]
     * @param nonBuyerShare share of users who never order, in [0, 1]
     * @param medianAmountMinor median order amount in minor units, in [1, 10^12]
     * @param cancelRate share of orders cancelled, in [0, 1]
     * @param fullRefundRate share of orders fully refunded, in [0, 1 - cancelRate]
     * @param partialRefundRate share of paid orders partly refunded, in [0, 1]
     * @param meanActivityDays mean active days per user, within the attainable range the message
     *     gives
     * @param loyalShare share of loyal users, in [0, 1]
     * @param behaviourRates rates of behaviours
     * @throws NullPointerException if {@code start}, {@code zone} or {@code behaviourRates} is null
     * @throws IllegalArgumentException if a value is out of range or NaN
     */
    public Config {
      Checks.requireInRange(users, 1, Integer.MAX_VALUE, "users");
      Checks.requireNonNull(start, "start");
      Checks.checkArgument(
          !start.isBefore(EARLIEST_START), "start must be on or after %s, got %s", EARLIEST_START, start);
      Checks.requirePositive(horizonDays, "horizonDays");
      Checks.checkArgument(
          !start.plusDays(horizonDays).isAfter(LATEST_END),
          "start + horizonDays must be on or before %s, got %s + %s days",
          LATEST_END,
          start,
          horizonDays);
      Checks.requireInRange(acquisitionDays, 1, horizonDays, "acquisitionDays");
      Checks.requireNonNull(zone, "zone");
      Checks.requireInRange(meanOrdersPerBuyer, 1, 1e6, "meanOrdersPerBuyer");
      requireRate(nonBuyerShare, "nonBuyerShare");
      Checks.requireInRange(medianAmountMinor, 1, 1_000_000_000_000L, "medianAmountMinor");
      requireRate(cancelRate, "cancelRate");
      requireRate(fullRefundRate, "fullRefundRate");
      Checks.checkArgument(
          cancelRate + fullRefundRate <= 1,
          "cancelRate + fullRefundRate must be <= 1, got %s + %s",
          cancelRate,
          fullRefundRate);
      requireRate(partialRefundRate, "partialRefundRate");
      requireRate(loyalShare, "loyalShare");
      double min = ActivityModel.minMeanActivityDays(loyalShare, acquisitionDays, horizonDays);
      double max = ActivityModel.maxMeanActivityDays(loyalShare, acquisitionDays, horizonDays);
      // The bounds are computed in floating point, so allow for rounding at either end.
      Checks.checkArgument(
          meanActivityDays >= min - 1e-9 && meanActivityDays <= max + 1e-9,
          "meanActivityDays must be in [%.3f, %.3f] for loyalShare %s, acquisitionDays %s and"
              + " horizonDays %s, got %s",
          min,
          max,
          loyalShare,
          acquisitionDays,
          horizonDays,
          meanActivityDays);
      Checks.requireNonNull(behaviourRates, "behaviourRates");
    }

    /**
     * {@code users} users with the defaults: two years from 2024-01-01 in Asia/Shanghai with
     * signups over the first year, 60% buyers with 10 orders each on average, median 50.00,
     * 5% cancelled, 3% fully and 2% partly refunded, 20 active days per user on average, 10% loyal,
     * {@link BehaviourRates#DEFAULT}.
     *
     * @param users number of users, in [1, 2^31 - 1]; about 6 orders per user with the defaults
     * @param seed any value; the same seed gives the same data
     * @return the config
     * @throws IllegalArgumentException if {@code users} is out of range
     */
    public static Config of(long users, long seed) {
      return new Config(
          seed,
          users,
          LocalDate.of(2024, 1, 1),
          365,
          730,
          ZoneId.of("Asia/Shanghai"),
          10,
          0.4,
          5000,
          0.05,
          0.03,
          0.02,
          20,
          0.1,
          BehaviourRates.DEFAULT);
    }

    /**
     * The defaults of {@link #of(long, long)} with enough users for about {@code targetOrders}
     * orders: within ±10% from about 10^3 orders on, ±1% from 10^5.
     *
     * @param targetOrders the wanted number of orders, {@code > 0}; small targets still give at
     *     least one user
     * @param seed any value; the same seed gives the same data
     * @return the config
     * @throws IllegalArgumentException if {@code targetOrders <= 0} or needs more than 2^31 - 1
     *     users
     */
    public static Config ofOrders(long targetOrders, long seed) {
      Checks.requirePositive(targetOrders, "targetOrders");
      Config defaults = of(1, seed);
      double ordersPerUser = defaults.expectedOrders();
      return defaults.withUsers(Math.max(1, Math.round(targetOrders / ordersPerUser)));
    }

    /**
     * Reads a config from its JSON form.
     *
     * @param json the JSON form as {@link #toJson()} writes it
     * @return the config
     * @throws NullPointerException if {@code json} is null
     * @throws dev.userops.core.ConfigException naming the offending field
     */
    public static Config fromJson(String json) {
      return Json.readVersioned(json, Config.class, CONFIG_JSON_VERSION);
    }

    /**
     * This config's JSON form.
     *
     * @return compact JSON with every field, read back by {@link #fromJson}
     */
    public String toJson() {
      return Json.writeVersioned(this, CONFIG_JSON_VERSION);
    }

    /**
     * The expected number of orders: {@code users * (1 - nonBuyerShare) * meanOrdersPerBuyer}.
     *
     * @return the expectation, of every status; {@link SyntheticShop#orderCount()} is close to it
     */
    public double expectedOrders() {
      return users * (1 - nonBuyerShare) * meanOrdersPerBuyer;
    }

    /**
     * This config with another seed.
     *
     * @param seed any value
     * @return a new config, otherwise equal
     */
    public Config withSeed(long seed) {
      return with(fields -> fields.seed = seed);
    }

    /**
     * This config with another number of users.
     *
     * @param users number of users, in [1, 2^31 - 1]
     * @return a new config, otherwise equal
     * @throws IllegalArgumentException if {@code users} is out of range
     */
    public Config withUsers(long users) {
      return with(fields -> fields.users = users);
    }

    /**
     * This config over another period.
     *
     * @param start the first local date, on or after 1970-01-01
     * @param acquisitionDays signup period in days, in [1, horizonDays]
     * @param horizonDays days covered, ending by 2200-01-01
     * @return a new config, otherwise equal
     * @throws NullPointerException if {@code start} is null
     * @throws IllegalArgumentException if the period is out of range, or the mean activity days
     *     are not attainable in it
     */
    public Config withPeriod(LocalDate start, int acquisitionDays, int horizonDays) {
      return with(fields -> {
        fields.start = start;
        fields.acquisitionDays = acquisitionDays;
        fields.horizonDays = horizonDays;
      });
    }

    /**
     * This config in another zone.
     *
     * @param zone the zone of local dates and times of day
     * @return a new config, otherwise equal
     * @throws NullPointerException if {@code zone} is null
     */
    public Config withZone(ZoneId zone) {
      return with(fields -> fields.zone = zone);
    }

    /**
     * This config with other ordering habits.
     *
     * @param meanOrdersPerBuyer mean orders per buying user, in [1, 10^6]
     * @param nonBuyerShare share of users who never order, in [0, 1]
     * @param medianAmountMinor median order amount in minor units, in [1, 10^12]
     * @return a new config, otherwise equal
     * @throws IllegalArgumentException if a value is out of range
     */
    public Config withOrders(double meanOrdersPerBuyer, double nonBuyerShare, long medianAmountMinor) {
      return with(fields -> {
        fields.meanOrdersPerBuyer = meanOrdersPerBuyer;
        fields.nonBuyerShare = nonBuyerShare;
        fields.medianAmountMinor = medianAmountMinor;
      });
    }

    /**
     * This config with other status and refund rates.
     *
     * @param cancelRate share of orders cancelled, in [0, 1]
     * @param fullRefundRate share of orders fully refunded, in [0, 1 - cancelRate]
     * @param partialRefundRate share of paid orders partly refunded, in [0, 1]
     * @return a new config, otherwise equal
     * @throws IllegalArgumentException if a rate is out of range
     */
    public Config withStatusRates(double cancelRate, double fullRefundRate, double partialRefundRate) {
      return with(fields -> {
        fields.cancelRate = cancelRate;
        fields.fullRefundRate = fullRefundRate;
        fields.partialRefundRate = partialRefundRate;
      });
    }

    /**
     * This config with other activity: mean active days per user and the loyal share.
     *
     * @param meanActivityDays mean active days per user, signup day included
     * @param loyalShare share of loyal users, in [0, 1]
     * @return a new config, otherwise equal
     * @throws IllegalArgumentException if {@code loyalShare} is out of range or {@code
     *     meanActivityDays} is not attainable with it (the message gives the range)
     */
    public Config withActivity(double meanActivityDays, double loyalShare) {
      return with(fields -> {
        fields.meanActivityDays = meanActivityDays;
        fields.loyalShare = loyalShare;
      });
    }

    /**
     * This config with other behaviour rates.
     *
     * @param behaviourRates rates of behaviours
     * @return a new config, otherwise equal
     * @throws NullPointerException if {@code behaviourRates} is null
     */
    public Config withBehaviourRates(BehaviourRates behaviourRates) {
      return with(fields -> fields.behaviourRates = behaviourRates);
    }

    /** This config's fields, mutable, so that each wither changes some and builds a checked copy. */
    private static final class Fields {
      long seed;
      long users;
      LocalDate start;
      int acquisitionDays;
      int horizonDays;
      ZoneId zone;
      double meanOrdersPerBuyer;
      double nonBuyerShare;
      long medianAmountMinor;
      double cancelRate;
      double fullRefundRate;
      double partialRefundRate;
      double meanActivityDays;
      double loyalShare;
      BehaviourRates behaviourRates;
    }

    private Config with(Consumer<Fields> change) {
      Fields f = new Fields();
      f.seed = seed;
      f.users = users;
      f.start = start;
      f.acquisitionDays = acquisitionDays;
      f.horizonDays = horizonDays;
      f.zone = zone;
      f.meanOrdersPerBuyer = meanOrdersPerBuyer;
      f.nonBuyerShare = nonBuyerShare;
      f.medianAmountMinor = medianAmountMinor;
      f.cancelRate = cancelRate;
      f.fullRefundRate = fullRefundRate;
      f.partialRefundRate = partialRefundRate;
      f.meanActivityDays = meanActivityDays;
      f.loyalShare = loyalShare;
      f.behaviourRates = behaviourRates;
      change.accept(f);
      return new Config(f.seed, f.users, f.start, f.acquisitionDays, f.horizonDays, f.zone,
          f.meanOrdersPerBuyer, f.nonBuyerShare, f.medianAmountMinor, f.cancelRate, f.fullRefundRate,
          f.partialRefundRate, f.meanActivityDays, f.loyalShare, f.behaviourRates);
    }
  }

  /** A probability: finite and in [0, 1]. */
  static void requireRate(double value, String name) {
    Checks.requireInRange(value, 0, 1, name);
  }
}
