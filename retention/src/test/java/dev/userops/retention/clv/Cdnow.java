package dev.userops.retention.clv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CDNOW 1/10 sample's calibration summary (2,357 customers, weeks, dollars), read from the copy
 * of lifetimes' {@code cdnow_customers_summary_with_transactions.csv} in the test resources (MIT,
 * see {@code retention/cdnow/LICENSE-lifetimes.txt}).
 */
record Cdnow(int[] id, int[] x, double[] tx, double[] T, double[] zbar) {
  static final Cdnow SUMMARY = read("/retention/cdnow/cdnow_customers_summary_with_transactions.csv");

  int size() {
    return id.length;
  }

  /** The row of customer {@code id}. */
  int indexOf(int customerId) {
    for (int i = 0; i < id.length; i++) {
      if (id[i] == customerId) {
        return i;
      }
    }
    throw new IllegalArgumentException("no customer " + customerId);
  }

  RepeatBuyers buyers() {
    return RepeatBuyers.of(x, tx, T);
  }

  private static Cdnow read(String resource) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = Objects.requireNonNull(Cdnow.class.getResourceAsStream(resource), resource);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        rows.add(line.split(","));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int n = rows.size();
    Cdnow data = new Cdnow(new int[n], new int[n], new double[n], new double[n], new double[n]);
    for (int i = 0; i < n; i++) {
      String[] row = rows.get(i);
      data.id[i] = Integer.parseInt(row[0]);
      data.x[i] = Integer.parseInt(row[1]);
      data.tx[i] = Double.parseDouble(row[2]);
      data.T[i] = Double.parseDouble(row[3]);
      data.zbar[i] = Double.parseDouble(row[4]);
    }
    return data;
  }
}
