package dev.userops.segmentation.dimensions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userops.core.CalendarIndex;
import dev.userops.core.ConfigException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
  @Test
  void frequencyBucketsDefaultToZeroOneTwoToFiveSixPlus() {
    FrequencyBuckets b = FrequencyBuckets.DEFAULT;
    assertThat(b.windowDays()).isEqualTo(180);
    long[] orders = {0, 1, 2, 5, 6, 1000};
    int[] buckets = {0, 1, 2, 2, 3, 3};
    for (int i = 0; i < orders.length; i++) {
      assertThat(b.bucketOf(orders[i])).isEqualTo(buckets[i]);
    }
    assertThat(List.of(b.label(0), b.label(1), b.label(2), b.label(3))).containsExactly("0", "1", "2-5", "6+");
    assertThat(FrequencyBuckets.fromJson(b.toJson())).isEqualTo(b);
    assertThatThrownBy(() -> b.bucketOf(-1)).hasMessageContaining("orders must be >= 0, got -1");
    assertThatThrownBy(() -> FrequencyBuckets.fromJson("{\"lowerBounds\":[1,2]}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("lowerBounds must start at 0");
  }

  @Test
  void windowCountsCalendarDaysEndingWithAsOfsDateAcrossDst() {
    // Berlin springs forward 2025-03-30. A 3-day window at asOf 2025-03-31 12:00 holds 03-29..03-31.
    ZoneId zone = ZoneId.of("Europe/Berlin");
    CalendarIndex calendar = CalendarIndex.of(zone);
    FrequencyBuckets b = new FrequencyBuckets(3, null);
    long asOf = at(zone, "2025-03-31T12:00");
    assertThat(b.inWindow(at(zone, "2025-03-29T00:00"), asOf, calendar)).isTrue();
    assertThat(b.inWindow(at(zone, "2025-03-28T23:59"), asOf, calendar)).isFalse();
    assertThat(b.inWindow(asOf, asOf, calendar)).isTrue();
    assertThat(b.inWindow(asOf + 1, asOf, calendar)).as("after asOf").isFalse();
  }

  private static long at(ZoneId zone, String local) {
    return LocalDateTime.parse(local).atZone(zone).toInstant().toEpochMilli();
  }

  @Test
  void amountBucketsCompareTheExactAverage() {
    AmountBuckets b = new AmountBuckets(100L, 200L);
    assertThat(b.bucketOf(299, 3)).as("99.67").isEqualTo(AmountBuckets.Bucket.LOW);
    assertThat(b.bucketOf(300, 3)).isEqualTo(AmountBuckets.Bucket.MID);
    assertThat(b.bucketOf(600, 3)).isEqualTo(AmountBuckets.Bucket.MID);
    assertThat(b.bucketOf(601, 3)).as("200.33").isEqualTo(AmountBuckets.Bucket.HIGH);
    assertThat(b.bucketOf(Long.MAX_VALUE, 1)).isEqualTo(AmountBuckets.Bucket.HIGH);
    assertThat(AmountBuckets.DEFAULT).isEqualTo(new AmountBuckets(5000L, 20_000L));
    assertThat(AmountBuckets.fromJson(b.toJson())).isEqualTo(b);
    assertThatThrownBy(() -> b.bucketOf(5, 0)).hasMessageContaining("orders must be > 0, got 0");
    assertThatThrownBy(() -> new AmountBuckets(300L, 200L)).hasMessageContaining("highMinor must be >= lowMinor 300, got 200");
  }

  @Test
  void ageBandsCountCompletedYearsWithLeapDayBirthdays() {
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    LocalDate leapling = LocalDate.of(2008, 2, 29);
    // 2026-02-28T16:00Z is already 2026-03-01 in Shanghai: the leapling has turned 18 there.
    java.time.Instant instant = java.time.Instant.parse("2026-02-28T16:00:00Z");
    assertThat(AgeBands.ageAt(leapling, instant, shanghai)).isEqualTo(18);
    assertThat(AgeBands.ageAt(leapling, instant, ZoneId.of("UTC"))).isEqualTo(17);
    AgeBands bands = AgeBands.DEFAULT;
    assertThat(bands.label(bands.bandOf(17))).isEqualTo("0-17");
    assertThat(bands.label(bands.bandOf(18))).isEqualTo("18-24");
    assertThat(bands.label(bands.bandOf(65))).isEqualTo("65+");
    assertThat(AgeBands.fromJson(bands.toJson())).isEqualTo(bands);
    assertThatThrownBy(() -> AgeBands.ageAt(LocalDate.of(2030, 1, 1), instant, shanghai)).hasMessageContaining("birthDate");
  }

  @Test
  void birthdaysThisMonthAndWeekInTheUsersZone() {
    Birthdays b = Birthdays.DEFAULT;
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    // 2025-03-31T16:00Z is 2025-04-01 in Tokyo (a Tuesday; the week runs Mon 03-31 .. Sun 04-06).
    java.time.Instant asOf = java.time.Instant.parse("2025-03-31T16:00:00Z");
    assertThat(b.isThisMonth(java.time.MonthDay.of(4, 30), asOf, tokyo)).isTrue();
    assertThat(b.isThisMonth(java.time.MonthDay.of(4, 30), asOf, ZoneId.of("UTC"))).isFalse();
    assertThat(b.isThisWeek(java.time.MonthDay.of(3, 31), asOf, tokyo)).isTrue();
    assertThat(b.isThisWeek(java.time.MonthDay.of(4, 7), asOf, tokyo)).isFalse();
    // Leap day in a common year is celebrated on 28 February: 2025-02-28 is a Friday.
    java.time.Instant feb = java.time.Instant.parse("2025-02-24T12:00:00Z");
    assertThat(b.isThisWeek(java.time.MonthDay.of(2, 29), feb, ZoneId.of("UTC"))).isTrue();
    assertThat(b.isThisWeek(java.time.MonthDay.of(2, 29), java.time.Instant.parse("2025-03-03T12:00:00Z"), ZoneId.of("UTC"))).isFalse();
    // A week across New Year: Mon 2024-12-30 .. Sun 2025-01-05.
    java.time.Instant newYear = java.time.Instant.parse("2024-12-31T12:00:00Z");
    assertThat(b.isThisWeek(java.time.MonthDay.of(1, 5), newYear, ZoneId.of("UTC"))).isTrue();
    assertThat(new Birthdays(java.time.DayOfWeek.SUNDAY).isThisWeek(java.time.MonthDay.of(1, 5), newYear, ZoneId.of("UTC"))).isFalse();
    assertThat(Birthdays.fromJson("{}")).isEqualTo(b);
  }
}
