/**
 * Lucky draws with auditable odds: a {@link dev.userops.incentives.draw.DrawProgram} of prizes,
 * eligibility, a guaranteed-win rule and a consolation prize compiles to a {@link
 * dev.userops.incentives.draw.DrawPolicy} whose results are a keyed hash of the event, re-derivable
 * by anyone who holds the host's {@link dev.userops.incentives.draw.DrawKey}.
 */
package dev.userops.incentives.draw;
