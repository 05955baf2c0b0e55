package dev.userops.spark.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar spark/target/userops-spark.jar report …} as a user runs it after a build, with no
 * Spark installation and no JVM flags (the manifest carries the class path and Spark's
 * {@code Add-Opens}), writes the same report sections as {@code userops report} on a small order
 * CSV with a repeated order id and bad rows.
 */
class ReportJarIT {
  /** The sections the job computes; it writes every other field of the command's report but {@code value}. */
  private static final List<String> SECTIONS = List.of(
      "records", "summary", "rfm", "retention", "repurchase", "lifecycle", "valueTier", "diagnostics");

  @TempDir
  Path dir;

  @Test
  void theJobJarWritesTheCommandsSections() throws Exception {
    Path orders = Path.of("src/test/resources/orders.csv").toAbsolutePath();
    List<String> options = List.of("report", "--orders", orders.toString(), "--zone", "Asia/Tokyo",
        "--as-of", "2025-09-01");

    JsonNode job = run(System.getProperty("userops.spark.jar"), options, List.of("--master", "local[2]"), "job");
    JsonNode command = run(System.getProperty("userops.jar"), options, List.of(), "command");

    assertThat(command.get("diagnostics").get("skipped").size()).isGreaterThanOrEqualTo(7);
    for (String section : SECTIONS) {
      assertThat(job.get(section)).as(section).isNotNull().isEqualTo(command.get(section));
    }
    ObjectNode withoutValue = command.deepCopy();
    withoutValue.remove("value");
    assertThat(job).isEqualTo(withoutValue);
  }

  /** Runs {@code java -jar jar options… more… --out DIR} and reads DIR/report.json. */
  private JsonNode run(String jar, List<String> options, List<String> more, String name) throws Exception {
    assertThat(Path.of(jar)).as("built by the reactor before this test").exists();
    Path out = dir.resolve(name);
    Path log = dir.resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(options);
    command.addAll(more);
    command.addAll(List.of("--out", out.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(Files.readString(log)).isZero();
    return new ObjectMapper().readTree(out.resolve("report.json").toFile());
  }
}
