/**
 * Operator-defined tags as data: a {@link dev.userops.segmentation.tags.TagCatalog} of GrowthBook
 * conditions evaluated into a compact {@link dev.userops.segmentation.tags.TagSet} per profile, and
 * a mergeable {@link dev.userops.segmentation.tags.TagCounter} of users per tag.
 */
package dev.userops.segmentation.tags;
