/** Service providers of retention for core; not exported. */
package dev.userops.retention.internal;
