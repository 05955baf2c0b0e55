/**
 * Active users: exact distinct DAU, trailing 7- and 30-day WAU and MAU, calendar week- and
 * month-to-date counts and stickiness (DAU/MAU) per local day in a zone. Start with {@link
 * dev.userops.retention.active.ActiveUsersSpec}.
 */
package dev.userops.retention.active;
