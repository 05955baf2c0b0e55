/**
 * Built-in user dimensions with configurable thresholds and documented defaults, each a record with
 * a JSON form: lifecycle stage ({@link dev.userops.segmentation.dimensions.LifecycleRules}),
 * order-frequency buckets over a trailing window ({@link
 * dev.userops.segmentation.dimensions.FrequencyBuckets}), average-order-amount buckets ({@link
 * dev.userops.segmentation.dimensions.AmountBuckets}), the Pareto value tier ({@link
 * dev.userops.segmentation.dimensions.ValueTiers}), opinion leaders ({@link
 * dev.userops.segmentation.dimensions.OpinionLeaders}), birthdays in the user's zone ({@link
 * dev.userops.segmentation.dimensions.Birthdays}) and age bands ({@link
 * dev.userops.segmentation.dimensions.AgeBands}). Calendar days are local dates of an explicit zone.
 */
package dev.userops.segmentation.dimensions;
