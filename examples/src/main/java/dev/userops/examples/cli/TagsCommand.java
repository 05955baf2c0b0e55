package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.UserOpsJson;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.InputFiles;
import dev.userops.examples.input.TagsProfileReader;
import dev.userops.examples.report.Reports;
import dev.userops.segmentation.condition.FlatProfile;
import dev.userops.segmentation.tags.TagCatalog;
import dev.userops.segmentation.tags.TagCountSpec;
import dev.userops.segmentation.tags.TagCounter;
import dev.userops.segmentation.tags.TagCounts;
import dev.userops.segmentation.tags.TagRule;
import dev.userops.segmentation.tags.TagSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code userops tags}: evaluates a tag catalog (GrowthBook conditions as JSON) over user profiles
 * (JSON Lines) and reports the tags of each user and the users per tag. A bad catalog or a rejected
 * profile line is one line on stderr naming the path or the line, exit code 2.
 */
@Command(
    name = "tags",
    description = "Tags per user and users per tag, from a tag catalog over profiles. Without"
        + " --profiles and --catalog, runs on a bundled example.")
final class TagsCommand extends FilesCommand {
  private static final String CATALOG_RESOURCE = "tags/catalog.json";
  private static final String PROFILES_RESOURCE = "tags/profiles.jsonl";
  /** Users listed by the human view; --json lists all. */
  private static final int USERS_SHOWN = 20;

  @Option(names = "--profiles", paramLabel = "FILE",
      description = "Profiles as JSON Lines: one object per line with a userId.")
  Path profiles;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Tag catalog JSON: {\"version\":1,\"tags\":[{\"id\",\"description\",\"condition\"}]}.")
  Path catalog;

  private record UserTags(String userId, List<String> tags) {}

  @Override
  public Integer call() throws IOException {
    if ((profiles == null) != (catalog == null)) {
      throw new ParameterException(spec.commandLine(), "give both --profiles and --catalog, or neither");
    }
    TagCatalog tags = InputFiles.config(catalog, CATALOG_RESOURCE, TagCatalog::fromJson);
    TagCounter counter = TagCountSpec.of(tags).newAccumulator();
    FlatProfile flat = tags.schema().flatten(UserOpsJson.mapper().createObjectNode());
    List<UserTags> users = new ArrayList<>();
    TagsProfileReader.Result read;
    try (InputStream in = InputFiles.open(profiles, PROFILES_RESOURCE)) {
      read = TagsProfileReader.read(profilesName(), in, badRecords.policy(), (userId, profile) -> {
        TagSet tagSet = tags.evaluate(tags.schema().flatten(profile, flat));
        counter.add(tagSet);
        users.add(new UserTags(userId, tagSet.ids()));
      });
    }
    return output.print(
        () -> json(tags, users, counter.result(), read),
        out -> printTables(out, tags, users, counter.result(), read));
  }

  private String profilesName() {
    return InputFiles.name(profiles, PROFILES_RESOURCE);
  }

  private String catalogName() {
    return InputFiles.name(catalog, CATALOG_RESOURCE);
  }

  private String json(TagCatalog tags, List<UserTags> users, TagCounts counts, TagsProfileReader.Result read) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("profiles", profilesName());
    document.put("catalog", catalogName());
    document.put("badRecords", badRecords.policy().name());
    document.put("records", read.records());
    document.put("users", counts.users());
    ArrayNode tagArray = document.putArray("tags");
    for (TagRule rule : tags.tags()) {
      tagArray.addObject().put("id", rule.id()).put("description", rule.description())
          .put("users", counts.users(rule.id()));
    }
    ArrayNode userArray = document.putArray("tagsByUser");
    for (UserTags user : users) {
      ObjectNode entry = userArray.addObject().put("userId", user.userId());
      user.tags().forEach(entry.putArray("tags")::add);
    }
    document.set("diagnostics", mapper.valueToTree(read.diagnostics()));
    return Json.writePretty(document);
  }

  private void printTables(
      PrintWriter out, TagCatalog tags, List<UserTags> users, TagCounts counts, TagsProfileReader.Result read) {
    out.println("Tags");
    out.printf("  %-24s %s%n", "profiles", profilesName());
    out.printf("  %-24s %s (%d tags)%n", "catalog", catalogName(), tags.size());
    out.printf("  %-24s %s%n", "bad records", badRecords.policy() == BadRecordPolicy.REJECT ? "reject" : "skip and count");
    out.printf("  %-24s %14s%n", "records read", Reports.count(read.records()));
    out.printf("  %-24s %14s%n", "users", Reports.count(counts.users()));
    out.println();
    out.printf("  %-24s %14s %8s  %s%n", "tag", "users", "share", "description");
    for (TagRule rule : tags.tags()) {
      long n = counts.users(rule.id());
      out.printf("  %-24s %14s %8s  %s%n", rule.id(), Reports.count(n), Reports.percent(n, counts.users()), rule.description());
    }
    out.println();
    out.println("Tags by user" + (users.size() > USERS_SHOWN ? " (first " + USERS_SHOWN + " of " + Reports.count(users.size()) + "; --json lists all)" : ""));
    for (UserTags user : users.subList(0, Math.min(USERS_SHOWN, users.size()))) {
      out.printf("  %-24s %s%n", user.userId(), user.tags().isEmpty() ? "-" : String.join(", ", user.tags()));
    }
    Reports.printSkipped(out, read.diagnostics());
  }
}
