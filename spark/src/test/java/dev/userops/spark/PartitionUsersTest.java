package dev.userops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class PartitionUsersTest {
  /** Sparse, negative and strided ids, many times the first table's size: it grows several times. */
  @Test
  void longIdsAreDenseInFirstSeenOrderAndMapBack() {
    PartitionUsers users = PartitionUsers.of(DataTypes.LongType);
    Random random = new Random(14);
    long[] ids = new long[100_000];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = i % 3 == 0 ? random.nextLong() : (i - 50_000L) * 1_000_000_007L;
      assertThat(users.indexOf(ids[i])).isEqualTo(i);
    }
    for (int i = ids.length - 1; i >= 0; i--) {
      assertThat(users.indexOf(ids[i])).isEqualTo(i);
      assertThat(users.userId(i)).isEqualTo(ids[i]);
    }
  }

  @Test
  void stringIdsAreDenseInFirstSeenOrderAndMapBack() {
    PartitionUsers users = PartitionUsers.of(DataTypes.StringType);
    assertThat(users.indexOf("u7")).isZero();
    assertThat(users.indexOf("u3")).isEqualTo(1);
    assertThat(users.indexOf("u7")).isZero();
    assertThat(users.userId(1)).isEqualTo("u3");
  }

  @Test
  void otherIdTypesAreRejectedByName() {
    assertThatThrownBy(() -> PartitionUsers.of(DataTypes.IntegerType))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("user_id: expected BIGINT or STRING, got INT");
  }
}
