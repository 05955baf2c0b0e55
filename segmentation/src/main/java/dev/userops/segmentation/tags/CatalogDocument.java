package dev.userops.segmentation.tags;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.internal.Checks;
import dev.userops.segmentation.condition.ConditionMode;
import java.util.List;

/**
 * The JSON form of a {@link TagCatalog}, version {@value TagCatalog#FORMAT_VERSION}. Its version
 * field is {@code version}, as in every other document; catalogs written before 0.1.0 named it
 * {@code formatVersion}, which still reads.
 */
record CatalogDocument(
    @JsonAlias("formatVersion") int version, ConditionMode mode, JsonNode savedGroups, List<TagRule> tags) {
  CatalogDocument {
    Checks.checkArgument(version == TagCatalog.FORMAT_VERSION,
        "version: expected %s, got %s", TagCatalog.FORMAT_VERSION, version);
    mode = mode == null ? ConditionMode.STRICT : mode;
    savedGroups = savedGroups == null || savedGroups.isNull() ? null : savedGroups.deepCopy();
    Checks.requireNonNull(tags, "tags");
    tags = List.copyOf(tags);
  }
}
