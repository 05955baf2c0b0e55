/** Service providers of segmentation for core; not exported. */
package dev.userops.segmentation.internal;
