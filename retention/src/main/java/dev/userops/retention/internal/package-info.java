/** Service providers of retention for core, and helpers its packages share; not exported. */
package dev.userops.retention.internal;
