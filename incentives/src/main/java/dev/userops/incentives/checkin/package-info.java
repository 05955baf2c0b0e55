/** Daily check-in streaks in the user's zone, with reward schedules and make-up check-ins. */
package dev.userops.incentives.checkin;
