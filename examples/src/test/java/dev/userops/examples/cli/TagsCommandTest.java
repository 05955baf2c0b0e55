package dev.userops.examples.cli;

import static dev.userops.examples.cli.Run.json;
import static dev.userops.examples.cli.Run.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagsCommandTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  @Test
  void bundledExampleTagsEveryProfile() throws IOException {
    JsonNode report = json(run("tags", "--json"));

    assertThat(report.get("records").asLong()).isEqualTo(12);
    assertThat(report.get("users").asLong()).isEqualTo(12);
    assertThat(report.get("tags")).hasSize(20);
    JsonNode first = report.get("tagsByUser").get(0);
    assertThat(first.get("userId").asText()).isEqualTo("u001");
    // u001: CN-SH, F, 28, example.com, beauty, 3 orders, ACTIVE, r5 f4 m3 (worked by hand).
    assertThat(texts(first.get("tags"))).containsExactly(
        "tier1_city", "age_25_34", "orders_2_5_180d", "champion", "beauty_fan", "corporate_email", "young_women_tier1");
    JsonNode last = report.get("tagsByUser").get(11);
    // u012 has no orders180d: the literal condition 0 matches it (null * 1 === 0 in the reference),
    // the strict {"$eq": 0} of no_orders_180d does not.
    assertThat(texts(last.get("tags"))).containsExactly("new_user", "active_non_buyer");
    for (JsonNode tag : report.get("tags")) {
      long users = 0;
      for (JsonNode user : report.get("tagsByUser")) {
        users += texts(user.get("tags")).contains(tag.get("id").asText()) ? 1 : 0;
      }
      assertThat(tag.get("users").asLong()).as(tag.get("id").asText()).isEqualTo(users);
    }
  }

  @Test
  void humanViewShowsCountsAndUsers() {
    Run run = run("tags");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("catalog.json (bundled) (20 tags)")
        .containsPattern("tier1_city +7 +58\\.3%  Lives in Shanghai or Beijing")
        .contains("u012                     new_user, active_non_buyer")
        .contains("Bad records skipped\n  none");
  }

  @Test
  void badProfileLinesAreCountedOrRejectedByLine() throws IOException {
    Path catalog = file("catalog.json", "{\"version\":1,\"tags\":[{\"id\":\"sh\",\"condition\":{\"region\":\"CN-SH\"}}]}");
    Path profiles = file("profiles.jsonl", "{\"userId\":1,\"region\":\"CN-SH\"}\n\n{\"userId\":2,\n[1]\n{\"region\":\"CN-SH\"}\n");

    JsonNode skipped = json(run("tags", "--json", "--profiles", profiles.toString(), "--catalog", catalog.toString()));
    assertThat(skipped.get("records").asLong()).isEqualTo(4);
    assertThat(skipped.get("users").asLong()).isEqualTo(1);
    assertThat(skipped.get("diagnostics").get("skipped").get("MALFORMED_RECORD").asLong()).isEqualTo(3);

    Run rejected = run("tags", "--bad-records", "reject", "--profiles", profiles.toString(), "--catalog", catalog.toString());
    assertThat(rejected.exitCode()).isEqualTo(2);
    assertThat(rejected.err()).startsWith("userops: " + profiles + ":3: row: malformed JSON");
  }

  @Test
  void badCatalogNamesTheConditionPath() throws IOException {
    Path catalog = file("catalog.json", "{\"version\":1,\"tags\":[{\"id\":\"a\",\"condition\":{\"age\":{\"$gte\":\"x\",\"$regx\":1}}}]}");
    Path profiles = file("profiles.jsonl", "{\"userId\":1}\n");

    Run run = run("tags", "--profiles", profiles.toString(), "--catalog", catalog.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("userops: " + catalog + ": tags[0].condition.age.$regx: unknown operator \"$regx\"");
  }

  @Test
  void profilesWithoutCatalogIsAUsageError() throws IOException {
    Run run = run("tags", "--profiles", Files.writeString(dir.resolve("p.jsonl"), "").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("give both --profiles and --catalog, or neither");
  }
}
