/**
 * Targeting conditions in the GrowthBook condition language, compiled once and evaluated against
 * JSON profiles without re-parsing: {@link dev.userops.segmentation.condition.Condition}, with
 * {@link dev.userops.segmentation.condition.ProfileSchema} for evaluating many conditions over
 * attributes resolved once per profile.
 */
package dev.userops.segmentation.condition;
