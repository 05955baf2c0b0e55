package dev.userops.examples.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportsTest {
  @Test
  void moneyIsExactInMajorUnits() {
    assertThat(Reports.money(250_031_563, 2)).isEqualTo("2,500,315.63");
    assertThat(Reports.money(-5, 2)).isEqualTo("-0.05");
    assertThat(Reports.money(Long.MAX_VALUE, 2)).isEqualTo("92,233,720,368,547,758.07");
    assertThat(Reports.money(1500, 0)).isEqualTo("1,500");
  }

  @Test
  void smallSharesAreNotShownAsZero() {
    assertThat(Reports.percent(11, 23_570)).isEqualTo("<0.1%");
    assertThat(Reports.percent(0, 23_570)).isEqualTo("0.0%");
    assertThat(Reports.percent(1, 3)).isEqualTo("33.3%");
    assertThat(Reports.percent(0, 0)).isEqualTo("-");
  }
}
