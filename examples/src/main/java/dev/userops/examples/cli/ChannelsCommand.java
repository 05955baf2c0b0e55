package dev.userops.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userops.core.Diagnostics;
import dev.userops.core.Granularity;
import dev.userops.core.UserOpsJson;
import dev.userops.core.event.RefundTreatment;
import dev.userops.core.event.ValidOrders;
import dev.userops.core.internal.Json;
import dev.userops.examples.input.SignupCsvReader;
import dev.userops.examples.input.SpendCsvReader;
import dev.userops.examples.report.AsOfRule;
import dev.userops.examples.report.Reports;
import dev.userops.retention.value.AcquisitionAccumulator;
import dev.userops.retention.value.AcquisitionResult;
import dev.userops.retention.value.AcquisitionSpec;
import dev.userops.retention.value.LtvSpec;
import dev.userops.retention.value.Ratio;
import dev.userops.retention.value.Spend;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code userops channels}: acquisition economics per channel and cohort. A user's acquisition
 * channel is that of their first touch: the {@code channel} of their earliest sign-up in {@code
 * --signups}, or else the {@code sales_channel} of their first valid order. The host's spend per
 * channel and period ({@code --spend}) is set against the cohorts: CAC, cost per new user, revenue
 * per first buyer at each age, ROI and payback, as exact ratios ({@link AcquisitionResult}).
 * Without {@code --as-of}, as of the day after the last order or sign-up ({@link AsOfRule}).
 */
@Command(
    name = "channels",
    description = "Acquisition-channel economics: new users, first buyers, conversion, CAC, revenue per user,"
        + " ROI and payback per channel and cohort. The channel is the sign-up's (--signups), else the"
        + " sales_channel of the user's first valid order.")
final class ChannelsCommand extends InputCommand {
  /** Ages shown in the terminal table, in periods after the cohort's own. */
  private static final int[] SHOWN_AGES = {0, 3, 6, 12};

  @Option(names = "--spend", paramLabel = "FILE", required = true,
      description = "Spend CSV: channel,period,spend (period: an ISO date in the period; spend in major units"
          + " like order amounts). Rows of one channel and period add up; a bad row ends the run.")
  Path spendFile;

  @Option(names = "--signups", paramLabel = "FILE",
      description = "Sign-ups CSV: user_id,occurred_at[,channel], with the orders' user ids: gives new users,"
          + " conversion and cost per new user.")
  Path signups;

  @Option(names = "--cohort-period", paramLabel = "day|week|month", defaultValue = "month",
      description = "Period of cohorts and ages (default: ${DEFAULT-VALUE}).")
  Granularity period;

  @Option(names = "--intervals", paramLabel = "N", defaultValue = "12",
      description = "Ages tracked after the cohort's period (default: ${DEFAULT-VALUE}); payback later than"
          + " this is NEVER within the horizon.")
  int intervals;

  private record Signup(long user, long millis, String channel) {}

  @Override
  public Integer call() throws IOException {
    ValidOrders valid = ValidOrders.create(RefundTreatment.NET, input.badRecords(), input.asOfBound());
    List<String> channelOfKept = new ArrayList<>();
    long[] last = {Long.MIN_VALUE};
    InputOptions.ReadResult read = input.read(order -> {
      if (valid.addOrder(order)) {
        channelOfKept.add(order.salesChannel());
        last[0] = Math.max(last[0], order.occurredAtMillis());
      }
    });
    // Kept until the as-of is known, which the last sign-up may decide.
    List<Signup> signupList = new ArrayList<>();
    SignupCsvReader.Result signupsRead = null;
    if (signups != null) {
      long bound = input.asOfBound().toEpochMilli();
      try (InputStream in = Files.newInputStream(signups)) {
        signupsRead = SignupCsvReader.read(signups.toString(), in, input.zone(), read.users(), input.badRecords(),
            (user, at, channel) -> {
              long millis = at.toEpochMilli();
              signupList.add(new Signup(user, millis, channel));
              if (millis <= bound) {
                last[0] = Math.max(last[0], millis);
              }
            });
      }
    }
    AsOfRule asOf = input.asOfRule(last[0] == Long.MIN_VALUE ? null : Instant.ofEpochMilli(last[0]));
    AcquisitionSpec acquisitionSpec = fromOptions(null, () -> AcquisitionSpec.of(
        LtvSpec.of(input.zone(), asOf.instant(), period, intervals).withBadRecords(input.badRecords())));
    AcquisitionAccumulator accumulator = acquisitionSpec.newAccumulator();
    for (Signup signup : signupList) {
      accumulator.addSignup(signup.user(), signup.millis(), signup.channel());
    }
    accumulator.addAll(valid, channelOfKept::get);
    List<Spend> spend = new ArrayList<>();
    try (InputStream in = Files.newInputStream(spendFile)) {
      SpendCsvReader.read(spendFile.toString(), in, input.fractionDigits(),
          (channel, periodDay, spendMinor) -> spend.add(new Spend(channel, periodDay, spendMinor)));
    }
    AcquisitionResult result = fromOptions("--spend", () -> accumulator.result().withSpend(spend));
    Diagnostics diagnostics = read.diagnostics().plus(valid.diagnostics()).plus(result.diagnostics());
    if (signupsRead != null) {
      diagnostics = diagnostics.plus(signupsRead.diagnostics());
    }
    long records = read.records() + (signupsRead == null ? 0 : signupsRead.records());
    Diagnostics skipped = diagnostics;
    return output.print(() -> json(asOf, records, result, skipped), out -> print(out, asOf, records, result, skipped));
  }

  private String json(AsOfRule asOf, long records, AcquisitionResult result, Diagnostics diagnostics) {
    ObjectMapper mapper = UserOpsJson.mapper();
    ObjectNode document = mapper.createObjectNode();
    document.put("source", input.source());
    document.put("signups", signups == null ? null : signups.toString());
    document.put("spend", spendFile.toString());
    document.put("zone", input.zone().getId());
    document.put("asOf", asOf.instant().toString());
    document.put("asOfRule", asOf.rule());
    document.put("records", records);
    document.setAll(Reports.section(result));
    document.set("diagnostics", mapper.valueToTree(diagnostics));
    return Json.writePretty(document);
  }

  private void print(PrintWriter out, AsOfRule asOf, long records, AcquisitionResult result, Diagnostics diagnostics) {
    out.println("Acquisition channels");
    out.printf("  %-24s %s%n", "source", input.source());
    out.printf("  %-24s %s%n", "sign-ups", signups == null ? "-" : signups);
    out.printf("  %-24s %s%n", "spend", spendFile);
    out.printf("  %-24s %s (%s)%n", "as of", asOf.instant(), asOf.rule());
    out.printf("  %-24s %s%n", "records read", Reports.count(records));
    out.println();
    String unit = period.name().toLowerCase(Locale.ROOT);
    out.printf("Pooled over each channel's cohorts (money in minor units; revenue per first buyer at age k %ss)%n",
        unit);
    StringBuilder header = new StringBuilder(String.format("  %-14s %10s %10s %8s %12s %10s", "channel",
        "new users", "buyers", "conv.", "spend", "CAC"));
    for (int k : SHOWN_AGES) {
      header.append(String.format(" %9s", "rev@" + k));
    }
    header.append(String.format(" %9s", "ROI@" + intervals));
    out.println(header);
    for (AcquisitionResult.Channel channel : result.channels()) {
      AcquisitionResult.Pooled pooled = channel.pooled();
      StringBuilder row = new StringBuilder(String.format("  %-14s %10s %10s %8s %12s %10s",
          channel.acquisitionChannel() == null ? "(none)" : channel.acquisitionChannel(),
          Reports.count(pooled.newUsers()), Reports.count(pooled.firstBuyers()), percent(pooled.conversion()),
          Reports.count(pooled.spendMinor()), number(pooled.cac())));
      List<Ratio> revenue = pooled.revenuePerUser();
      for (int k : SHOWN_AGES) {
        row.append(String.format(" %9s", k < revenue.size() ? number(revenue.get(k)) : "-"));
      }
      List<Ratio> roi = pooled.roi();
      row.append(String.format(" %9s", intervals < roi.size() ? percent(roi.get(intervals)) : "-"));
      out.println(row);
    }
    out.println();
    out.printf("Payback by cohort (the first age, in %ss, whose cumulative revenue covers the spend)%n", unit);
    out.printf("  %-14s %-12s %12s %10s %10s %s%n", "channel", "cohort", "spend", "buyers", "CAC", "payback");
    for (AcquisitionResult.Channel channel : result.channels()) {
      for (AcquisitionResult.Cohort cohort : channel.cohorts()) {
        if (cohort.spendMinor() == null) {
          continue;
        }
        AcquisitionResult.Payback payback = cohort.payback();
        out.printf("  %-14s %-12s %12s %10s %10s %s%n",
            channel.acquisitionChannel() == null ? "(none)" : channel.acquisitionChannel(), cohort.start(),
            Reports.count(cohort.spendMinor()), Reports.count(cohort.firstBuyers()), number(cohort.cac()),
            payback.status() == AcquisitionResult.Payback.Status.PAID_BACK
                ? "age " + payback.interval()
                : payback.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    Reports.printSkipped(out, diagnostics);
  }

  private static String number(Ratio ratio) {
    return ratio == null ? "-" : String.format("%.1f", ratio.value());
  }

  private static String percent(Ratio ratio) {
    return ratio == null ? "-" : String.format("%.1f%%", 100 * ratio.value());
  }
}
