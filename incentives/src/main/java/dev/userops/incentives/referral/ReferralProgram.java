package dev.userops.incentives.referral;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.userops.core.WindowMode;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Cap;
import java.time.ZoneId;
import java.util.List;

/**
 * A referral program: what the invitee's first order must be to qualify, how long it stays in
 * review, what the inviter and the invitee get, and how many rewards one inviter may collect.
 * Immutable; JSON via {@link #fromJson} and {@link #toJson} (unknown fields are rejected with their
 * JSON path), the policy via {@link #policy()}.
 *
 * <p>JSON, with {@code version}, {@code id}, {@code zone} and one reward required:
 *
 * <pre>{@code
 * {"version": 1, "id": "spring", "zone": "Asia/Shanghai",
 *  "minimumAmountMinor": 5000, "requiredTag": "app", "reviewDays": 14,
 *  "inviterReward": {"points": 500}, "inviteeReward": {"offerId": "WELCOME10"},
 *  "inviterCaps": [{"max": 5, "window": "P1M"}, {"max": 2, "window": "P7D", "mode": "ROLLING"}],
 *  "inviterLifetimeMax": 50, "clawback": true}
 * }</pre>
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param id the program's id, the first part of every effect's idempotency key, so that two
 *     programs of one host never share a key
 * @param zone the zone of the review period's local days and of calendar caps
 * @param minimumAmountMinor the least a first order must total to qualify, minor units; default 0
 * @param requiredTag a tag the first order must carry ({@link ReferralEvent.Payment#tags}), or
 *     {@code null} for none
 * @param reviewDays whole local days after the payment's local day that the order stays in review;
 *     the reward is due at the first instant of local day {@code paidDay + reviewDays + 1} in
 *     {@code zone} (0: at the end of the payment's own day); default 0
 * @param inviterReward what the inviter gets, or {@code null} for nothing
 * @param inviteeReward what the invitee gets, or {@code null} for nothing
 * @param inviterCaps at most this many inviter rewards per window, each a {@link Cap} (calendar:
 *     local day, week starting Monday, or month in {@code zone}; rolling: any window of that
 *     length); default none
 * @param inviterLifetimeMax at most this many inviter rewards ever, or {@code null} for no limit
 * @param clawback whether a refund or cancel that voids an already rewarded order claws the rewards
 *     back; default {@code true}
 */
public record ReferralProgram(
    int version,
    String id,
    ZoneId zone,
    long minimumAmountMinor,
    String requiredTag,
    int reviewDays,
    Reward inviterReward,
    Reward inviteeReward,
    List<Cap> inviterCaps,
    Long inviterLifetimeMax,
    boolean clawback) {

  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** Caps an inviter may have: each scans the inviter's recent rewards. */
  static final int MAX_CAPS = 8;

  /**
   * Checks every value.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param id the program's id, not blank, without {@code ':'} or {@code '/'} (the key separators)
   * @param zone the zone of local days and calendar caps
   * @param minimumAmountMinor the least a qualifying first order totals, {@code >= 0}
   * @param requiredTag a tag the first order must carry, or {@code null}
   * @param reviewDays whole local days of review after the payment's day, in [0, 365]
   * @param inviterReward the inviter's reward, or {@code null}
   * @param inviteeReward the invitee's reward, or {@code null}
   * @param inviterCaps at most {@value #MAX_CAPS} caps, or {@code null} for none; copied
   * @param inviterLifetimeMax lifetime inviter rewards, {@code >= 0}, or {@code null}
   * @param clawback whether rewards of a voided order are clawed back
   * @throws NullPointerException if {@code id}, {@code zone} or a cap is null
   * @throws IllegalArgumentException if a value is out of range, or both rewards are {@code null}
   */
  public ReferralProgram {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    Checks.requireNonBlank(id, "id");
    Checks.checkArgument(id.indexOf(':') < 0 && id.indexOf('/') < 0, "id: expected no ':' or '/', got \"%s\"", id);
    Checks.requireNonNull(zone, "zone");
    Checks.requireNonNegative(minimumAmountMinor, "minimumAmountMinor");
    Checks.checkArgument(requiredTag == null || !requiredTag.isBlank(),
        "requiredTag: expected a tag id or null, got \"\"");
    Checks.requireInRange(reviewDays, 0, 365, "reviewDays");
    Checks.checkArgument(inviterReward != null || inviteeReward != null,
        "inviterReward, inviteeReward: expected at least one reward, got neither");
    inviterCaps = inviterCaps == null ? List.of() : List.copyOf(inviterCaps);
    Checks.checkArgument(inviterCaps.size() <= MAX_CAPS, "inviterCaps: expected at most %s caps, got %s",
        MAX_CAPS, inviterCaps.size());
    if (inviterLifetimeMax != null) {
      Checks.requireNonNegative(inviterLifetimeMax, "inviterLifetimeMax");
    }
  }

  @JsonCreator
  static ReferralProgram json(
      @JsonProperty(value = "version", required = true) int version,
      @JsonProperty(value = "id", required = true) String id,
      @JsonProperty(value = "zone", required = true) ZoneId zone,
      @JsonProperty("minimumAmountMinor") Long minimumAmountMinor,
      @JsonProperty("requiredTag") String requiredTag,
      @JsonProperty("reviewDays") Integer reviewDays,
      @JsonProperty("inviterReward") Reward inviterReward,
      @JsonProperty("inviteeReward") Reward inviteeReward,
      @JsonProperty("inviterCaps") List<Cap> inviterCaps,
      @JsonProperty("inviterLifetimeMax") Long inviterLifetimeMax,
      @JsonProperty("clawback") Boolean clawback) {
    return new ReferralProgram(version, id, zone, minimumAmountMinor == null ? 0 : minimumAmountMinor, requiredTag,
        reviewDays == null ? 0 : reviewDays, inviterReward, inviteeReward, inviterCaps, inviterLifetimeMax,
        clawback == null || clawback);
  }

  /**
   * A program with no minimum, no tag, no review days, no caps and claw-back on.
   *
   * @param id the program's id
   * @param zone the zone of local days and calendar caps
   * @param inviterReward the inviter's reward, or {@code null}
   * @param inviteeReward the invitee's reward, or {@code null}
   * @return the program, version {@value #FORMAT_VERSION}
   * @throws NullPointerException if {@code id} or {@code zone} is null
   * @throws IllegalArgumentException if both rewards are {@code null} or the id is invalid
   */
  public static ReferralProgram of(String id, ZoneId zone, Reward inviterReward, Reward inviteeReward) {
    return new ReferralProgram(FORMAT_VERSION, id, zone, 0, null, 0, inviterReward, inviteeReward, null, null, true);
  }

  /**
   * This program with another qualifying rule.
   *
   * @param minimum the least a qualifying first order totals, minor units, {@code >= 0}
   * @param tag a tag the first order must carry, or {@code null}
   * @return a copy with {@code minimumAmountMinor = minimum} and {@code requiredTag = tag}
   * @throws IllegalArgumentException if {@code minimum < 0} or {@code tag} is blank
   */
  public ReferralProgram withQualifying(long minimum, String tag) {
    return new ReferralProgram(version, id, zone, minimum, tag, reviewDays, inviterReward, inviteeReward, inviterCaps,
        inviterLifetimeMax, clawback);
  }

  /**
   * This program with another review period.
   *
   * @param days whole local days of review after the payment's day, in [0, 365]
   * @return a copy with {@code reviewDays = days}
   * @throws IllegalArgumentException if {@code days} is out of range
   */
  public ReferralProgram withReviewDays(int days) {
    return new ReferralProgram(version, id, zone, minimumAmountMinor, requiredTag, days, inviterReward, inviteeReward,
        inviterCaps, inviterLifetimeMax, clawback);
  }

  /**
   * This program with other inviter limits.
   *
   * @param caps per-window caps on inviter rewards, at most {@value #MAX_CAPS}
   * @param lifetimeMax lifetime inviter rewards, or {@code null} for no limit
   * @return a copy with these limits
   * @throws NullPointerException if {@code caps} or a cap is null
   * @throws IllegalArgumentException if there are too many caps or {@code lifetimeMax < 0}
   */
  public ReferralProgram withInviterLimits(List<Cap> caps, Long lifetimeMax) {
    return new ReferralProgram(version, id, zone, minimumAmountMinor, requiredTag, reviewDays, inviterReward,
        inviteeReward, Checks.requireNonNull(caps, "caps"), lifetimeMax, clawback);
  }

  /**
   * This program with claw-back on or off.
   *
   * @param on whether rewards of a voided order are clawed back
   * @return a copy with {@code clawback = on}
   */
  public ReferralProgram withClawback(boolean on) {
    return new ReferralProgram(version, id, zone, minimumAmountMinor, requiredTag, reviewDays, inviterReward,
        inviteeReward, inviterCaps, inviterLifetimeMax, on);
  }

  /**
   * Reads a program from JSON.
   *
   * @param json the JSON form, as the type comment shows
   * @return the program
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, e.g. {@code
   *     inviterCaps[0].window: expected P1D, P1W or P1M for a CALENDAR cap, got "P2D"}, also for an
   *     unknown field
   */
  public static ReferralProgram fromJson(String json) {
    return Json.read(json, ReferralProgram.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * The policy of this program.
   *
   * @return a new policy; policies of equal programs behave identically
   */
  public ReferralPolicy policy() {
    return new ReferralPolicy(this);
  }

  /**
   * How far back an inviter's rewards can still count towards a cap: the longest rolling window,
   * or for calendar caps the longest period plus a day (a 25-hour day, a 31-day month and DST).
   *
   * @return milliseconds, 0 without caps
   */
  long capHorizonMillis() {
    long horizon = 0;
    for (Cap cap : inviterCaps) {
      horizon = Math.max(horizon, cap.mode() == WindowMode.ROLLING ? cap.windowMillis() : switch (cap.granularity()) {
        case DAY -> 2 * ReferralPolicy.MILLIS_PER_DAY;
        case WEEK -> 8 * ReferralPolicy.MILLIS_PER_DAY;
        case MONTH -> 32 * ReferralPolicy.MILLIS_PER_DAY;
      });
    }
    return horizon;
  }

  /**
   * A reward: points or a coupon, exactly one. In JSON {@code {"points": 500}} or {@code
   * {"offerId": "WELCOME10"}}.
   *
   * @param points points to grant, {@code > 0}, or {@code null} for a coupon; paid as a {@link
   *     dev.userops.incentives.points.PointsEvent.Adjustment} (see {@link ReferralEffect#pointsEvent})
   * @param offerId the offer id of the coupon to issue, or {@code null} for points
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Reward(Long points, String offerId) {
    /**
     * Requires exactly one of the two.
     *
     * @param points points, {@code > 0}, or {@code null}
     * @param offerId the coupon's offer id, not blank, or {@code null}
     * @throws IllegalArgumentException if both or neither are given, {@code points <= 0} or the
     *     offer id is blank
     */
    public Reward {
      Checks.checkArgument((points == null) != (offerId == null),
          "expected exactly one of points and offerId, got points %s and offerId %s", points, offerId);
      if (points != null) {
        Checks.requirePositive(points, "points");
      } else {
        Checks.requireNonBlank(offerId, "offerId");
      }
    }

    /**
     * A points reward.
     *
     * @param points points to grant, {@code > 0}
     * @return the reward
     * @throws IllegalArgumentException if {@code points <= 0}
     */
    public static Reward points(long points) {
      return new Reward(points, null);
    }

    /**
     * A coupon reward.
     *
     * @param offerId the offer id of the coupon, not blank
     * @return the reward
     * @throws NullPointerException if {@code offerId} is null
     * @throws IllegalArgumentException if {@code offerId} is blank
     */
    public static Reward coupon(String offerId) {
      return new Reward(null, Checks.requireNonNull(offerId, "offerId"));
    }
  }
}
