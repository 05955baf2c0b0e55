package dev.userops.incentives.referral;

import dev.userops.core.internal.Checks;
import dev.userops.incentives.points.PointsEvent;
import dev.userops.incentives.referral.ReferralProgram.Reward;
import java.time.Instant;
import java.util.Locale;

/**
 * What the host should do for one part of one referral: grant a reward, take it back, or record
 * that it was withheld. The key is {@code PROGRAM:ACTION:INVITEE/ROLE}, e.g. {@code
 * spring:grant:42/inviter}: one per program, invitee, role and action, so a host that stores effects
 * under a unique key pays each part at most once and claws it back at most once.
 *
 * @param key the idempotency key
 * @param action grant, claw back or withhold
 * @param role whose part of the reward
 * @param userId who receives (or gives back) it: the inviter or the invitee
 * @param inviteeId the referral's invitee
 * @param atMillis when, epoch millis: the reward's grant instant, or the refund's or cancellation's
 *     time for a claw-back
 * @param reward the reward concerned
 * @param reason {@link ReferralReason#INVITER_CAP} for a withheld part, {@link
 *     ReferralReason#REVOKED} for a claw-back, {@code null} for a grant
 */
public record ReferralEffect(String key, Action action, Role role, long userId, long inviteeId, long atMillis,
    Reward reward, ReferralReason reason) {
  /**
   * Checks key, action, role and reward.
   *
   * @param key the idempotency key, not blank
   * @param action what to do
   * @param role whose part
   * @param userId the recipient
   * @param inviteeId the invitee
   * @param atMillis when, epoch millis
   * @param reward the reward
   * @param reason why, or {@code null} for a grant
   * @throws NullPointerException if {@code key}, {@code action}, {@code role} or {@code reward} is
   *     null
   * @throws IllegalArgumentException if {@code key} is blank
   */
  public ReferralEffect {
    Checks.requireNonBlank(key, "key");
    Checks.requireNonNull(action, "action");
    Checks.requireNonNull(role, "role");
    Checks.requireNonNull(reward, "reward");
  }

  /** The effect of {@code action} on {@code role}'s part of {@code inviteeId}'s referral. */
  static ReferralEffect of(String programId, Action action, Role role, long userId, long inviteeId, long atMillis,
      Reward reward, ReferralReason reason) {
    String key = programId + ":" + action.name().toLowerCase(Locale.ROOT) + ":" + inviteeId + "/"
        + role.name().toLowerCase(Locale.ROOT);
    return new ReferralEffect(key, action, role, userId, inviteeId, atMillis, reward, reason);
  }

  /**
   * The points event to apply to {@link #userId}'s points state, for a points reward granted or
   * clawed back: an {@link PointsEvent.Adjustment} whose id is {@link #key} (so the points policy
   * too sees a redelivery as a duplicate), of the reward's points, negative for a claw-back. The
   * referral program holds the amount, so a claw-back takes back exactly what was granted.
   *
   * @return the adjustment, or {@code null} for a coupon or a withheld part
   */
  public PointsEvent.Adjustment pointsEvent() {
    if (reward.points() == null || action == Action.WITHHOLD) {
      return null;
    }
    long points = action == Action.GRANT ? reward.points() : -reward.points();
    return new PointsEvent.Adjustment(key, Instant.ofEpochMilli(atMillis), points,
        "referral " + action.name().toLowerCase(Locale.ROOT) + " for invitee " + inviteeId);
  }

  /** What to do. */
  public enum Action {
    /** Pay the reward: apply {@link #pointsEvent()} or issue a coupon of the reward's offer. */
    GRANT,
    /** Take the reward back: apply {@link #pointsEvent()} or void the coupon if unused. */
    CLAWBACK,
    /** Nothing to pay: the part was withheld ({@link ReferralReason#INVITER_CAP}); for records. */
    WITHHOLD
  }

  /** Whose part of a referral's reward. */
  public enum Role {
    /** The user whose code was used. */
    INVITER,
    /** The user who used the code. */
    INVITEE
  }
}
