package dev.userops.examples.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.BadRecordPolicy;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.Order;
import dev.userops.core.event.OrderStatus;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CdnowReaderTest {
  // The first rows of CDNOW_master.txt, byte for byte (leading spaces, CRLF).
  private static final String HEAD = " customer_id date number_of_cds dollar_value\r\n";
  private static final String ROWS =
      "  00001 19970101  1  11.77\r\n  00002 19970112  1  12.00\r\n  00002 19970112  5  77.00\r\n";

  private final UserIdDictionary users = new UserIdDictionary();
  private BadRecordPolicy policy = BadRecordPolicy.SKIP_AND_COUNT;

  private List<Order> read(String text, ZoneId zone) throws IOException {
    List<Order> orders = new ArrayList<>();
    try (OrderReader reader = OrderReader.cdnow("cdnow.txt",
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), zone, users, policy)) {
      assertThat(reader.forEach(orders::add)).isEqualTo(orders.size());
    }
    return orders;
  }

  @Test
  void eachRowIsAPaidOrderAtTheStartOfItsDate() throws IOException {
    assertThat(read(HEAD + ROWS, ZoneId.of("UTC"))).containsExactly(
        Order.of("cdnow-2", 0, Instant.parse("1997-01-01T00:00:00Z"), 1177, OrderStatus.PAID),
        Order.of("cdnow-3", 1, Instant.parse("1997-01-12T00:00:00Z"), 1200, OrderStatus.PAID),
        Order.of("cdnow-4", 1, Instant.parse("1997-01-12T00:00:00Z"), 7700, OrderStatus.PAID));
    assertThat(users.userId(1)).isEqualTo("00002");
  }

  @Test
  void datesAreLocalToTheZone() throws IOException {
    assertThat(read(HEAD + ROWS, ZoneId.of("America/New_York")).get(0).occurredAt())
        .isEqualTo("1997-01-01T05:00:00Z");
  }

  @Test
  void aWrongHeaderIsAnErrorUnderEitherPolicy() {
    assertThatThrownBy(() -> read("customer_id date dollar_value\r\n" + ROWS, ZoneId.of("UTC")))
        .isInstanceOf(InputException.class)
        .hasMessage("cdnow.txt:1: header: expected \"customer_id date number_of_cds dollar_value\","
            + " got \"customer_id date dollar_value\"");
  }

  @Test
  void malformedFieldsNameLineAndFieldUnderReject() {
    policy = BadRecordPolicy.REJECT;
    assertThatThrownBy(() -> read(HEAD + ROWS + "  00003 1997-01-02  1  1.00\r\n", ZoneId.of("UTC")))
        .hasMessage("cdnow.txt:5: date: expected a date yyyyMMdd like 19970101, got \"1997-01-02\"");
    assertThatThrownBy(() -> read(HEAD + "  00003 19970102  x  1.00\r\n", ZoneId.of("UTC")))
        .hasMessage("cdnow.txt:2: number_of_cds: expected a whole number of CDs >= 0, got \"x\"");
    assertThatThrownBy(() -> read(HEAD + "  00003 19970102  1  1.005\r\n", ZoneId.of("UTC")))
        .hasMessageStartingWith("cdnow.txt:2: dollar_value: expected at most 2 fraction digits");
    assertThatThrownBy(() -> read(HEAD + "  00003 19970102  1\r\n", ZoneId.of("UTC")))
        .hasMessageStartingWith("cdnow.txt:2: row: expected 4 whitespace-separated fields");
  }
}
