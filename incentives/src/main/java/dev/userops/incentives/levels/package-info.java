/**
 * Growth value (never spent) and the level ladder it decides: thresholds, qualification windows,
 * benefits as data, downgrade policies and granted floor levels.
 */
package dev.userops.incentives.levels;
