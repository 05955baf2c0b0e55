package dev.userops.incentives.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.userops.core.internal.Checks;
import dev.userops.core.internal.Json;
import dev.userops.incentives.Evaluation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The referral state of some users, one {@link Member} per user: what each did as an inviter (codes,
 * fingerprints, recent and lifetime rewards) and, if a code brought them, their referral as an
 * invitee. Immutable; the JSON forms of the state ({@link #toJson}) and of one member ({@link
 * Member#toJson}) are versioned and read back equal.
 *
 * <p><b>Whose state.</b> A host stores one row per user: that user's {@link Member}. For each event
 * it loads the members of the users the event names into one state ({@link #of}), applies the event
 * and stores the members of the outcome's state back, in one transaction:
 *
 * <ul>
 *   <li>{@link ReferralEvent.Invite}: the inviter;
 *   <li>{@link ReferralEvent.Attribution}: the invitee and the owner of the code (the host keeps a
 *       unique index of codes, which also enforces one owner per code across users);
 *   <li>{@link ReferralEvent.Payment}, {@link ReferralEvent.Refund}, {@link
 *       ReferralEvent.Cancellation}: the buyer and, if the buyer was referred, their inviter;
 *   <li>{@link Evaluation}: the invitees whose reward is due ({@link
 *       Referral#dueAtMillis}, which a host indexes) and their inviters.
 * </ul>
 *
 * A user missing from the state counts as a user with no history, so a host that does not load a
 * named user breaks first-code-wins; a state without the inviter of a due referral is an error.
 * A state of many users (the whole graph, as {@code userops referral-sim} could hold) works the
 * same, but each event copies its member list: keep states small.
 *
 * <p><b>Size.</b> A member is bounded: at most {@value #MAX_CODES} codes and {@value
 * #MAX_FINGERPRINTS} fingerprints, the inviter's reward instants of the longest cap window only (so
 * at most the caps' maxima), one referral with at most {@value #MAX_REFUNDS} refund ids. Nothing
 * grows with the number of invitees: an inviter's row holds no list of them. The referral is kept
 * for good, since first-code-wins must hold forever. Measured ({@code ReferralStateSizeTest}): about
 * 212 heap bytes and 455 bytes of JSON per rewarded invitee's row.
 *
 * @param version format version, {@value #FORMAT_VERSION}
 * @param members one per user, ascending user id
 */
public record ReferralState(int version, List<Member> members) {
  /** The JSON format version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;
  /** The most codes one inviter may hold. */
  public static final int MAX_CODES = 64;
  /** The most fingerprints kept per inviter; newer ones push out the oldest. */
  public static final int MAX_FINGERPRINTS = 32;
  /** The most partial refunds of a referral's first order that are told apart. */
  public static final int MAX_REFUNDS = 16;

  static final ReferralState EMPTY = new ReferralState(FORMAT_VERSION, List.of());

  /**
   * Checks the version and that members are sorted by user id without repeats; copies them.
   *
   * @param version must be {@value #FORMAT_VERSION}
   * @param members one per user, ascending user id
   * @throws NullPointerException if {@code members} or a member is null
   * @throws IllegalArgumentException if the version is wrong or user ids are not strictly ascending
   */
  public ReferralState {
    Checks.checkArgument(version == FORMAT_VERSION, "version: expected %s, got %s", FORMAT_VERSION, version);
    members = List.copyOf(members);
    for (int i = 1; i < members.size(); i++) {
      Checks.checkArgument(members.get(i - 1).userId() < members.get(i).userId(),
          "members: expected ascending user ids, got %s before %s", members.get(i - 1).userId(),
          members.get(i).userId());
    }
  }

  /**
   * The state of the given members, e.g. the rows a host loaded for one event.
   *
   * @param members members of distinct users, in any order
   * @return the state
   * @throws NullPointerException if {@code members} or a member is null
   * @throws IllegalArgumentException if a user appears twice
   */
  public static ReferralState of(Collection<Member> members) {
    List<Member> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparingLong(Member::userId));
    return new ReferralState(FORMAT_VERSION, sorted);
  }

  /**
   * The member of {@code userId}.
   *
   * @param userId the user
   * @return the member, or {@code null} if the state does not hold the user
   */
  public Member member(long userId) {
    int i = indexOf(members, userId);
    return i >= 0 ? members.get(i) : null;
  }

  /** Binary search by user id: the index, or {@code -(insertion point) - 1}. */
  static int indexOf(List<Member> members, long userId) {
    int lo = 0;
    int hi = members.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long id = members.get(mid).userId();
      if (id < userId) {
        lo = mid + 1;
      } else if (id > userId) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /**
   * Reads the JSON form, checking the version.
   *
   * @param json the JSON form as {@link #toJson()} writes it
   * @return the state
   * @throws NullPointerException if {@code json} is null
   * @throws dev.userops.core.ConfigException with the JSON path, also for another version
   */
  public static ReferralState fromJson(String json) {
    return Json.read(json, ReferralState.class);
  }

  /**
   * The JSON form.
   *
   * @return compact JSON with the version, read back equal by {@link #fromJson}
   */
  public String toJson() {
    return Json.write(this);
  }

  /**
   * One user's referral data: a host's row.
   *
   * @param userId the user
   * @param clockMillis the latest instant of an event applied to a state holding this member (an
   *     event's {@code occurredAt}, or a later clock of another member loaded with it), {@link
   *     Long#MIN_VALUE} for a new user: a first order that arrives late, due by then, is rewarded at
   *     once, so an earlier evaluation delivered again has nothing left to grant
   * @param codes codes the user issued as an inviter, oldest first
   * @param fingerprints the latest distinct fingerprints of the user's invites, oldest first
   * @param rewardMillis instants the user was granted inviter rewards, ascending, within the
   *     program's longest cap window before the latest (older ones can never count again)
   * @param inviterRewards inviter rewards granted ever (withheld ones not counted)
   * @param referral the user's referral as an invitee, or {@code null} if no code brought them
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Member(long userId, long clockMillis, List<String> codes, List<String> fingerprints,
      List<Long> rewardMillis, long inviterRewards, Referral referral) {
    /**
     * Checks bounds and copies the lists.
     *
     * @param userId the user
     * @param clockMillis the latest instant applied, epoch millis, or {@link Long#MIN_VALUE}
     * @param codes at most {@value ReferralState#MAX_CODES} codes
     * @param fingerprints at most {@value ReferralState#MAX_FINGERPRINTS} fingerprints
     * @param rewardMillis recent inviter reward instants, epoch millis
     * @param inviterRewards inviter rewards ever, {@code >= 0}
     * @param referral the referral as an invitee, or {@code null}
     * @throws NullPointerException if a list or an element is null
     * @throws IllegalArgumentException if a bound is exceeded or the count is negative
     */
    public Member {
      codes = List.copyOf(codes);
      Checks.checkArgument(codes.size() <= MAX_CODES, "codes: expected at most %s, got %s", MAX_CODES, codes.size());
      fingerprints = List.copyOf(fingerprints);
      Checks.checkArgument(fingerprints.size() <= MAX_FINGERPRINTS, "fingerprints: expected at most %s, got %s",
          MAX_FINGERPRINTS, fingerprints.size());
      rewardMillis = List.copyOf(rewardMillis);
      Checks.requireNonNegative(inviterRewards, "inviterRewards");
    }

    /**
     * The member of a user with no history.
     *
     * @param userId the user
     * @return a member with no codes, rewards or referral
     */
    public static Member of(long userId) {
      return new Member(userId, Long.MIN_VALUE, List.of(), List.of(), List.of(), 0, null);
    }

    /**
     * Reads one member's JSON form, checking the version.
     *
     * @param json the JSON form as {@link #toJson()} writes it
     * @return the member
     * @throws NullPointerException if {@code json} is null
     * @throws dev.userops.core.ConfigException with the JSON path, also for another version
     */
    public static Member fromJson(String json) {
      return Json.readVersioned(json, Member.class, FORMAT_VERSION);
    }

    /**
     * The JSON form of this member alone, led by {@code "version": 1}: a host's row.
     *
     * @return compact JSON, read back equal by {@link #fromJson}
     */
    public String toJson() {
      return Json.writeVersioned(this, FORMAT_VERSION);
    }

    Member with(Referral newReferral) {
      return new Member(userId, clockMillis, codes, fingerprints, rewardMillis, inviterRewards, newReferral);
    }

    Member at(long newClockMillis) {
      return new Member(userId, newClockMillis, codes, fingerprints, rewardMillis, inviterRewards, referral);
    }
  }

  /** Where a referral stands. */
  public enum Status {
    /** Attributed; no order yet. */
    AWAITING_ORDER,
    /** The first order qualifies and is in its review period. */
    IN_REVIEW,
    /** The review ended and the rewards were granted (the inviter's possibly withheld by a cap). */
    REWARDED,
    /** Ended with no reward, or with the rewards clawed back; {@link Referral#reason} says why. */
    ENDED
  }

  /**
   * An invitee's referral.
   *
   * @param inviterId the inviter
   * @param code the code the invitee used
   * @param attributedAtMillis when, epoch millis
   * @param status where it stands
   * @param orderId the first order, or {@code null} before it
   * @param amountMinor the first order's total, minor units (0 before it)
   * @param refundedMinor refunded from it so far, minor units
   * @param refundIds ids of its partial refunds, at most {@value ReferralState#MAX_REFUNDS}
   * @param paidAtMillis when it was paid, epoch millis (0 before it)
   * @param dueAtMillis when its review ends, epoch millis (0 before it)
   * @param rewardedAtMillis when the rewards were granted, epoch millis (0 before)
   * @param inviterRewarded whether the inviter was granted a reward (and not since clawed back)
   * @param inviteeRewarded whether the invitee was granted a reward (and not since clawed back)
   * @param reason why it ended, or why the inviter's reward was withheld ({@link
   *     ReferralReason#INVITER_CAP}); {@code null} otherwise
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Referral(long inviterId, String code, long attributedAtMillis, Status status, String orderId,
      long amountMinor, long refundedMinor, List<String> refundIds, long paidAtMillis, long dueAtMillis,
      long rewardedAtMillis, boolean inviterRewarded, boolean inviteeRewarded, ReferralReason reason) {
    /**
     * Checks code, status, amounts and refund ids.
     *
     * @param inviterId the inviter
     * @param code the code used, not blank
     * @param attributedAtMillis when, epoch millis
     * @param status where it stands
     * @param orderId the first order, or {@code null}
     * @param amountMinor the first order's total, {@code >= 0}
     * @param refundedMinor refunded so far, {@code >= 0}
     * @param refundIds partial refund ids, at most {@value ReferralState#MAX_REFUNDS}; copied
     * @param paidAtMillis when it was paid, epoch millis
     * @param dueAtMillis when its review ends, epoch millis
     * @param rewardedAtMillis when rewarded, epoch millis
     * @param inviterRewarded whether the inviter holds a reward
     * @param inviteeRewarded whether the invitee holds a reward
     * @param reason why it ended or the inviter's part was withheld, or {@code null}
     * @throws NullPointerException if {@code code}, {@code status}, {@code refundIds} or an id is null
     * @throws IllegalArgumentException if a value is out of range, or a status past {@code
     *     AWAITING_ORDER} has no order
     */
    public Referral {
      Checks.requireNonBlank(code, "code");
      Checks.requireNonNull(status, "status");
      Checks.checkArgument(status == Status.AWAITING_ORDER || orderId != null, "orderId: required in status %s",
          status);
      Checks.requireNonNegative(amountMinor, "amountMinor");
      Checks.requireNonNegative(refundedMinor, "refundedMinor");
      refundIds = List.copyOf(refundIds);
      Checks.checkArgument(refundIds.size() <= MAX_REFUNDS, "refundIds: expected at most %s, got %s", MAX_REFUNDS,
          refundIds.size());
    }

    /** A referral just attributed. */
    static Referral attributed(long inviterId, String code, long atMillis) {
      return new Referral(inviterId, code, atMillis, Status.AWAITING_ORDER, null, 0, 0, List.of(), 0, 0, 0, false,
          false, null);
    }

    /** This referral with its first order, in {@code status} for {@code reason}. */
    Referral withOrder(String newOrderId, long amount, long paidAt, long dueAt, Status newStatus,
        ReferralReason newReason) {
      return new Referral(inviterId, code, attributedAtMillis, newStatus, newOrderId, amount, 0, List.of(), paidAt,
          dueAt, 0, false, false, newReason);
    }

    /** This referral with another status, refunds and reason, rewards unchanged. */
    Referral with(Status newStatus, long refunded, List<String> refunds, ReferralReason newReason) {
      return new Referral(inviterId, code, attributedAtMillis, newStatus, orderId, amountMinor, refunded, refunds,
          paidAtMillis, dueAtMillis, rewardedAtMillis, inviterRewarded, inviteeRewarded, newReason);
    }

    /** This referral rewarded at {@code atMillis}. */
    Referral rewarded(long atMillis, boolean inviter, boolean invitee, ReferralReason newReason) {
      return new Referral(inviterId, code, attributedAtMillis, Status.REWARDED, orderId, amountMinor, refundedMinor,
          refundIds, paidAtMillis, dueAtMillis, atMillis, inviter, invitee, newReason);
    }

    /** This referral ended with its rewards taken back. */
    Referral revoked(long refunded, List<String> refunds) {
      return new Referral(inviterId, code, attributedAtMillis, Status.ENDED, orderId, amountMinor, refunded, refunds,
          paidAtMillis, dueAtMillis, rewardedAtMillis, false, false, ReferralReason.REVOKED);
    }
  }
}
