package dev.userops.segmentation.tags;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userops.core.Checks;
import dev.userops.segmentation.condition.ConditionMode;
import java.util.List;

/** The JSON form of a {@link TagCatalog}, version {@value TagCatalog#FORMAT_VERSION}. */
record CatalogDocument(int formatVersion, ConditionMode mode, JsonNode savedGroups, List<TagRule> tags) {
  CatalogDocument {
    Checks.checkArgument(formatVersion == TagCatalog.FORMAT_VERSION,
        "formatVersion: expected %s, got %s", TagCatalog.FORMAT_VERSION, formatVersion);
    mode = mode == null ? ConditionMode.STRICT : mode;
    savedGroups = savedGroups == null || savedGroups.isNull() ? null : savedGroups.deepCopy();
    Checks.requireNonNull(tags, "tags");
    tags = List.copyOf(tags);
  }
}
