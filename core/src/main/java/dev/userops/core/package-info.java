/**
 * Shared contracts: {@link dev.userops.core.CalendarIndex} for periods in a zone, the {@link
 * dev.userops.core.Accumulator} contract with its {@link dev.userops.core.BinaryForm}, {@link
 * dev.userops.core.UserOpsJson} and {@link dev.userops.core.ConfigException} for configuration, and
 * {@link dev.userops.core.BadRecordPolicy} with {@link dev.userops.core.Diagnostics} for bad data.
 */
package dev.userops.core;
