/**
 * The points program: earn rules, pending points, expiry by lot, redemption and refund claw-back,
 * as a pure policy over immutable per-user state with an idempotent ledger of effects.
 */
package dev.userops.incentives.points;
