/** The order summary: users, valid orders, revenue and orders per user over a population. */
package dev.userops.core.summary;
