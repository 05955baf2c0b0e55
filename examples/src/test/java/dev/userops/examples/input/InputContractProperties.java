package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.BadRecordReason;
import dev.userops.core.Diagnostics;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.summary.OrderSummary;
import dev.userops.core.summary.OrderSummaryAccumulator;
import dev.userops.core.summary.OrderSummarySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The input contract as a law: defects injected into a valid order CSV are each skipped and counted
 * under their own reason, and the summary of what is left equals the summary of the clean file.
 * The messy copy also pads ids with whitespace, starts with a BOM and ends lines in CRLF at
 * random, none of which may change a figure.
 */
class InputContractProperties {
  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final String HEADER = "user_id,order_id,occurred_at,amount,status";
  private static final String[] USERS = {"u0", "u1", "u2", "u3", "u4", "caf\u00e9", "\u4e2d\u6587", "a,b", "say \"hi\""};
  private static final String[] PADS = {"", " ", "\t", "  "};
  private static final String[] STATUSES = {"paid", "PAID", "Cancelled", "refunded"};
  private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

  /** A valid row: user, padding around its ids in the messy copy, time, amount and status. */
  record Good(int user, String pad, long seconds, boolean dateOnly, long amountMinor, String status) {}

  /** A defect of one reason, in one of its variants, inserted before the good row at {@code position}. */
  record Defect(BadRecordReason reason, int variant, int position) {}

  @Property(tries = 200)
  void defectsAreCountedByReasonAndLeaveTheValidFiguresUnchanged(
      @ForAll @Size(max = 40) List<@From("goods") Good> goods,
      @ForAll @Size(max = 15) List<@From("defects") Defect> defects,
      @ForAll boolean bom,
      @ForAll boolean crlf) throws IOException {
    Read clean = read(csv(goods, List.of(), false, false, false));
    Read messy = read(csv(goods, defects, bom, crlf, true));

    assertThat(clean.skipped()).isEqualTo(Diagnostics.NONE);
    assertThat(messy.summary()).isEqualTo(clean.summary());
    assertThat(messy.records()).isEqualTo(goods.size() + defects.size());
    Map<BadRecordReason, Long> injected = new EnumMap<>(BadRecordReason.class);
    defects.forEach(defect -> injected.merge(defect.reason(), 1L, Long::sum));
    assertThat(messy.skipped().skipped()).isEqualTo(injected);
  }

  private record Read(long records, OrderSummary summary, Diagnostics skipped) {}

  private static Read read(byte[] csv) throws IOException {
    OrderSummaryAccumulator summary = new OrderSummarySpec(UTC, null, BadRecordPolicy.SKIP_AND_COUNT).newAccumulator();
    try (OrderReader reader = OrderReader.csv("orders.csv", new ByteArrayInputStream(csv), UTC, 2,
        new UserIdDictionary(), BadRecordPolicy.SKIP_AND_COUNT)) {
      long records = reader.forEach(summary::add);
      return new Read(records, summary.result(), reader.diagnostics());
    }
  }

  private static byte[] csv(List<Good> goods, List<Defect> defects, boolean bom, boolean crlf, boolean padded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (bom) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }
    String end = crlf ? "\r\n" : "\n";
    out.writeBytes((HEADER + end).getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i <= goods.size(); i++) {
      for (int d = 0; d < defects.size(); d++) {
        if (Math.min(defects.get(d).position(), goods.size()) == i) {
          out.writeBytes(defect(defects.get(d), "d" + d));
          out.writeBytes(end.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (i < goods.size()) {
        Good good = goods.get(i);
        String pad = padded ? good.pad() : "";
        out.writeBytes(row(pad + USERS[good.user()] + pad, pad + "o" + i + pad, timestamp(good), amount(good),
            good.status()).concat(end).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  /** A row of order {@code orderId} with the one defect {@code defect} says, as bytes. */
  private static byte[] defect(Defect defect, String orderId) {
    String[] fields = {"u1", orderId, "2024-01-15", "1.00", "paid"};
    int v = defect.variant();
    switch (defect.reason()) {
      case MALFORMED_AMOUNT -> fields[3] = pick(v, "1,000.00", "1e3", "12.345", "", "abc", "1.", ".5", "+1", " 1.00");
      case MALFORMED_TIMESTAMP -> fields[2] = pick(v, "2024-02-30", "2024-13-01", "01/03/2024", "", "2024-01-01T25:00",
          "yesterday");
      case MALFORMED_STATUS -> fields[4] = pick(v, "shipped", "", "paid!", "pending");
      case EMPTY_ID -> fields[v % 2] = pick(v / 2, "", " ", "\t", "   ");
      case WRONG_FIELD_COUNT -> {
        String text = String.join(",", fields);
        return pick(v, text.substring(0, text.lastIndexOf(',')), text + ",x", "u1", text + ",,").getBytes(StandardCharsets.UTF_8);
      }
      case MALFORMED_ENCODING -> {
        // Not UTF-8: a Latin-1 byte, 0xFF, an overlong '/', a truncated euro sign, an encoded surrogate.
        byte[][] bad = {{(byte) 0xE9}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        int field = new int[] {0, 1, 4}[v % 3];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i++) {
          out.writeBytes(((i == 0 ? "" : ",") + fields[i]).getBytes(StandardCharsets.UTF_8));
          if (i == field) {
            out.writeBytes(bad[v % bad.length]);
          }
        }
        return out.toByteArray();
      }
      default -> throw new IllegalArgumentException("not a reader's defect: " + defect.reason());
    }
    return row(fields).getBytes(StandardCharsets.UTF_8);
  }

  private static String pick(int variant, String... choices) {
    return choices[variant % choices.length];
  }

  private static String row(String... fields) {
    List<String> quoted = new ArrayList<>();
    for (String field : fields) {
      boolean quote = field.contains(",") || field.contains("\"");
      quoted.add(quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field);
    }
    return String.join(",", quoted);
  }

  private static String timestamp(Good good) {
    Instant at = EPOCH.plusSeconds(good.seconds());
    return good.dateOnly() ? at.toString().substring(0, 10) : at.toString();
  }

  private static String amount(Good good) {
    return String.format(Locale.ROOT, "%d.%02d", good.amountMinor() / 100, good.amountMinor() % 100);
  }

  @Provide
  Arbitrary<Good> goods() {
    return Combinators.combine(
            Arbitraries.integers().between(0, USERS.length - 1),
            Arbitraries.of(PADS),
            Arbitraries.longs().between(0, 5L * 365 * 86_400),
            Arbitraries.of(true, false),
            Arbitraries.longs().between(0, 10_000_000),
            Arbitraries.of(STATUSES))
        .as(Good::new);
  }

  @Provide
  Arbitrary<Defect> defects() {
    return Combinators.combine(
            Arbitraries.of(BadRecordReason.MALFORMED_AMOUNT, BadRecordReason.MALFORMED_TIMESTAMP,
                BadRecordReason.MALFORMED_STATUS, BadRecordReason.EMPTY_ID, BadRecordReason.WRONG_FIELD_COUNT,
                BadRecordReason.MALFORMED_ENCODING),
            Arbitraries.integers().between(0, 59),
            Arbitraries.integers().between(0, 40))
        .as(Defect::new);
  }
}
