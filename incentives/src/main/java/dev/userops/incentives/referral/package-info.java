/**
 * Referral rewards: an inviter's code brings an invitee, whose first qualifying order, once past a
 * review period without refund or cancellation, earns a reward for the inviter, the invitee or both
 * (points or a coupon), within per-inviter caps, with rules against self-referral and claw-back of
 * revoked rewards. A pure policy over immutable state with idempotent effects.
 *
 * <p>Start with {@link dev.userops.incentives.referral.ReferralProgram} (the JSON configuration),
 * {@link dev.userops.incentives.referral.ReferralPolicy} (the rules, time and replays) and {@link
 * dev.userops.incentives.referral.ReferralState} (whose state it is: one row per user, loaded
 * together for the users an event names).
 *
 * <pre>{@code
 * ReferralPolicy policy = ReferralProgram.fromJson(json).policy();
 * ReferralState slice = ReferralState.of(List.of(inviterRow, inviteeRow));
 * ReferralOutcome outcome = policy.apply(slice, event);
 * // persist outcome.state().members() and outcome.effects() (unique by key) in one transaction
 * }</pre>
 */
package dev.userops.incentives.referral;
