package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendCsvReaderTest {
  private record Spend(String channel, String period, long spendMinor) {}

  private static List<Spend> read(String csv) throws IOException {
    List<Spend> rows = new ArrayList<>();
    long read = SpendCsvReader.read("spend.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 2,
        (channel, period, spendMinor) -> rows.add(new Spend(channel, period.toString(), spendMinor)));
    assertThat(read).isEqualTo(rows.size());
    return rows;
  }

  @Test
  void readsColumnsInAnyOrderWithAmountsInMajorUnits() throws IOException {
    assertThat(read("\uFEFFperiod,spend,channel\n2024-03-01,1250.5,\" search \"\n2024-04-01,0,\"ads, video\"\n"))
        .containsExactly(new Spend("search", "2024-03-01", 125_050), new Spend("ads, video", "2024-04-01", 0));
  }

  @Test
  void aRowThatCannotBeReadEndsTheRunNamingLineAndField() {
    assertThatThrownBy(() -> read("channel,period,spend\nsearch,2024-03,10\n"))
        .isInstanceOf(InputException.class)
        .hasMessage("spend.csv:2: period: expected an ISO date in the period, e.g. 2024-03-01, got \"2024-03\"");
    assertThatThrownBy(() -> read("channel,period,spend\nsearch,2024-03-01,-1\n"))
        .hasMessage("spend.csv:2: spend: expected a spend >= 0, got \"-1\"");
    assertThatThrownBy(() -> read("channel,period,spend\nsearch,2024-03-01,1.234\n"))
        .hasMessageStartingWith("spend.csv:2: spend: ");
    assertThatThrownBy(() -> read("channel,period,spend\n ,2024-03-01,1\n"))
        .hasMessage("spend.csv:2: channel: expected a non-empty id, got \" \"");
    assertThatThrownBy(() -> read("channel,period\n"))
        .hasMessageStartingWith("spend.csv:1: header: ");
  }
}
