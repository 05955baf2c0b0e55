/**
 * The vocabulary shared by every incentives policy: {@link dev.userops.incentives.Cap} (one shape
 * for every frequency limit) and {@link dev.userops.incentives.OutcomeStatus} (what became of an
 * event). Each subpackage follows one scheme: a JSON {@code *Program} compiles to a {@code *Policy},
 * and {@code policy.apply(state, event)} returns an outcome with the new state and its effects.
 * Offers price a cart rather than change a user's state: {@code policy.price(cart)}, then {@code
 * policy.refund(priced, state, return)} per order.
 */
package dev.userops.incentives;
