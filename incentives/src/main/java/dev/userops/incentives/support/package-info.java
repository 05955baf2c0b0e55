/**
 * Helpers shared by the incentives packages: version 1 JSON upgrades, JSON paths of validation
 * errors and the calendar-cap check.
 * Not exported by the module.
 */
package dev.userops.incentives.support;
