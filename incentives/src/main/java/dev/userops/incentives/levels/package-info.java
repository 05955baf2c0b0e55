/**
 * Growth value (never spent) and the levels it decides (a {@link dev.userops.incentives.levels.LevelProgram}): thresholds, qualification windows,
 * benefits as data, downgrade policies and granted floor levels.
 */
package dev.userops.incentives.levels;
