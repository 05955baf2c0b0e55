/**
 * Reach without harassment: consent, frequency caps, quiet hours, adaptive frequency and send-time
 * proposals as a pure decision over compact per-user state.
 */
package dev.userops.incentives.push;
