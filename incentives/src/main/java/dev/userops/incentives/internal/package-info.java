/** The incentives module's service implementations. Not exported. */
package dev.userops.incentives.internal;
