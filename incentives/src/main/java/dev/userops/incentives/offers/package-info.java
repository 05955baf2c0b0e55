/**
 * Offers: discounts, coupons, gifts and special prices for a cart, exact to the minor unit. An
 * {@link dev.userops.incentives.offers.OffersProgram} (JSON) compiles to an {@link
 * dev.userops.incentives.offers.OffersPolicy}: {@code price(cart)} chooses the best allowed
 * combination and allocates it to the lines; {@code refund(priced, state, return)} gives back the
 * returned units' net amounts and releases the redemptions when the whole order comes back. Usage
 * counts and budgets are host state passed in; every redemption, refund and release carries an
 * idempotency key.
 */
package dev.userops.incentives.offers;
