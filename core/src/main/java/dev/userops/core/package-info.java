/**
 * Shared contracts: {@link dev.userops.core.CalendarIndex} for periods in a zone, the {@link
 * dev.userops.core.Accumulator} contract with its versioned bytes, {@link
 * dev.userops.core.UserOpsJson} and {@link dev.userops.core.ConfigException} for configuration, and
 * {@link dev.userops.core.BadRecordPolicy} with {@link dev.userops.core.Diagnostics} for bad data.
 * The package {@code dev.userops.core.internal} is exported only to the library's own modules.
 */
package dev.userops.core;
