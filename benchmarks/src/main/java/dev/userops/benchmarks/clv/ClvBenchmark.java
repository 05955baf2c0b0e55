package dev.userops.benchmarks.clv;

import dev.userops.retention.clv.BgNbd;
import dev.userops.retention.clv.ClvHorizon;
import dev.userops.retention.clv.Fit;
import dev.userops.retention.clv.GammaGamma;
import dev.userops.retention.clv.HoldoutEvaluation;
import dev.userops.retention.clv.RepeatBuyers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.hipparchus.special.Gamma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Predicted customer value end to end (issue 13 §5), on one core: {@link #fitAndPredict()}
 * compresses the calibration summaries ({@link RepeatBuyers}), fits BG/NBD and Gamma-Gamma with
 * standard errors, and predicts for every customer P(alive), E[Y(t)] over the holdout length, the
 * expected spend and a 12-month CLV. The BG/NBD log-likelihood is also timed alone, in evaluations
 * per second: on the compressed rows ({@link #logLikelihoodCompressed()}); uncompressed, one term
 * per customer with the log-gamma terms computed once per x as the kernel does ({@link
 * #logLikelihoodPerCustomer()}); as a backend developer would write lifetimes' formula in Java,
 * four log-gamma calls per customer ({@link #logLikelihoodNaive()}); and as one DuckDB query over
 * the customers table ({@link #logLikelihoodDuckDb()}, {@code threads=1}). {@link #setUp()} checks
 * that the four log-likelihoods agree to 1e-9 and prints the fit and the holdout totals.
 *
 * <p>Sources: {@code CDNOW_MASTER}, the 23,570 CDNOW customers read from {@code -p cdnowMaster=}
 * (default {@code /work/shared/data/cdnow/CDNOW_master.txt}), split at 1997-09-30 as Fader, Hardie
 * and Lee do; {@code SHOP_1M}, the paid orders of a 1.7M-user {@code SyntheticShop} (about 1.0M
 * customers with a first purchase in the calibration period; its repeat process is not BG/NBD, so
 * the fit drives a and b towards infinity); {@code BG_NBD_1M}, 1M customers drawn from BG/NBD and
 * Gamma-Gamma at the CDNOW parameters, times in whole days.
 *
 * <p>Run (from the project root, after {@code mvn -pl benchmarks -am -DskipTests package}):
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar ClvBenchmark -jvmArgs -Xmx6g -f 1 -wi 2 -w 2s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ClvBenchmark {
  /** Where the customers come from. */
  public enum Source {
    CDNOW_MASTER,
    SHOP_1M,
    BG_NBD_1M
  }

  private static final ClvHorizon YEAR = ClvHorizon.months(7, 12, 0.01);

  @Param({"CDNOW_MASTER", "SHOP_1M", "BG_NBD_1M"})
  public Source source;

  @Param({"/work/shared/data/cdnow/CDNOW_master.txt"})
  public String cdnowMaster;

  private Summaries data;
  private int maxX;
  private RepeatBuyers buyers;
  private BgNbd model;
  private Connection duckDb;
  private PreparedStatement duckDbLogLikelihood;

  @Setup(Level.Trial)
  public void setUp() throws SQLException {
    data =
        switch (source) {
          case CDNOW_MASTER -> ClvData.cdnowMaster(Path.of(cdnowMaster));
          case SHOP_1M -> ClvData.shop(1_700_000);
          case BG_NBD_1M -> ClvData.bgNbd(1_000_000);
        };
    buyers = RepeatBuyers.of(data.x, data.tx, data.T);
    maxX = Arrays.stream(data.x).max().orElse(0);
    long start = System.nanoTime();
    Fit<BgNbd> fit = BgNbd.fit(buyers);
    double fitMillis = (System.nanoTime() - start) / 1e6;
    model = fit.model();
    Fit<GammaGamma> spend = GammaGamma.fit(data.x, data.zbar);
    loadDuckDb();

    double compressed = logLikelihoodCompressed();
    check("per customer", compressed, logLikelihoodPerCustomer());
    check("naive", compressed, logLikelihoodNaive());
    check("duckdb", compressed, logLikelihoodDuckDb());
    HoldoutEvaluation holdout =
        HoldoutEvaluation.of(model, data.x, data.tx, data.T, data.holdout, data.holdoutWeeks(), 7);
    System.out.printf(
        "%n%s: %,d customers in %,d rows; BG/NBD %s, LL %.1f, %d evaluations, first fit %.0f ms;"
            + " Gamma-Gamma %s on %,d; holdout %.1f weeks: actual %,d, predicted %.1f%n",
        source,
        buyers.customers(),
        buyers.rows(),
        model,
        fit.logLikelihood(),
        fit.evaluations(),
        fitMillis,
        spend.model(),
        spend.customers(),
        data.holdoutWeeks(),
        holdout.actualPurchases(),
        holdout.predictedPurchases());
  }

  private static void check(String variant, double expected, double actual) {
    if (!(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected))) {
      throw new IllegalStateException(
          variant + " log-likelihood disagrees: expected " + expected + ", got " + actual);
    }
  }

  private void loadDuckDb() throws SQLException {
    duckDb = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = duckDb.createStatement()) {
      statement.execute("SET threads = 1");
      statement.execute("CREATE TABLE customers (x INTEGER, tx DOUBLE, age DOUBLE)");
    }
    try (DuckDBAppender appender =
        duckDb.unwrap(DuckDBConnection.class).createAppender("customers")) {
      for (int i = 0; i < data.customers(); i++) {
        appender.beginRow().append(data.x[i]).append(data.tx[i]).append(data.T[i]).endRow();
      }
    }
    // Fader, Hardie and Lee's likelihood per customer, the two terms added in log space.
    duckDbLogLikelihood =
        duckDb.prepareStatement(
            "WITH p AS (SELECT ?::DOUBLE AS r, ?::DOUBLE AS alpha, ?::DOUBLE AS a, ?::DOUBLE AS b),"
                + " terms AS (SELECT x,"
                + "   lgamma(r + x) - lgamma(r) + r * ln(alpha) + lgamma(a + b) + lgamma(b + x)"
                + "     - lgamma(b) - lgamma(a + b + x) AS base,"
                + "   -(r + x) * ln(alpha + age) AS alive,"
                + "   CASE WHEN x > 0 THEN ln(a) - ln(b + x - 1) - (r + x) * ln(alpha + tx) END AS dropped"
                + "   FROM customers, p)"
                + " SELECT sum(base + CASE WHEN x = 0 THEN alive ELSE greatest(alive, dropped)"
                + "   + ln(1 + exp(-abs(alive - dropped))) END) FROM terms");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    duckDb.close();
  }

  /** Compress, fit BG/NBD and Gamma-Gamma, predict for every customer; returns the total CLV. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public double fitAndPredict() {
    RepeatBuyers compressed = RepeatBuyers.of(data.x, data.tx, data.T);
    BgNbd purchases = BgNbd.fit(compressed).model();
    GammaGamma spend = GammaGamma.fit(data.x, data.zbar).model();
    int n = data.customers();
    double[] averageSpend = new double[n];
    double alive = 0;
    for (int i = 0; i < n; i++) {
      averageSpend[i] = spend.expectedAverageSpend(data.x[i], data.zbar[i]);
      alive += purchases.probabilityAlive(data.x[i], data.tx[i], data.T[i]);
    }
    double[] expected = purchases.expectedPurchases(data.holdoutWeeks(), data.x, data.tx, data.T);
    double[] clv = purchases.clv(data.x, data.tx, data.T, averageSpend, YEAR);
    double total = alive + expected[n - 1];
    for (double value : clv) {
      total += value;
    }
    return total;
  }

  /** One BG/NBD log-likelihood evaluation on the compressed rows. */
  @Benchmark
  public double logLikelihoodCompressed() {
    return model.logLikelihood(buyers);
  }

  /** The same, uncompressed: one term per customer, the log-gamma terms once per x. */
  @Benchmark
  public double logLikelihoodPerCustomer() {
    double r = model.r();
    double alpha = model.alpha();
    double a = model.a();
    double b = model.b();
    double[] base = new double[maxX + 1];
    double[] logDropped = new double[maxX + 1];
    double common = r * Math.log(alpha) - Gamma.logGamma(r) + Gamma.logGamma(a + b) - Gamma.logGamma(b);
    for (int x = 0; x <= maxX; x++) {
      base[x] = common + Gamma.logGamma(r + x) + Gamma.logGamma(b + x) - Gamma.logGamma(a + b + x);
      logDropped[x] = Math.log(a) - Math.log(b + x - 1);
    }
    double sum = 0;
    for (int i = 0; i < data.customers(); i++) {
      int x = data.x[i];
      double alive = -(r + x) * Math.log(alpha + data.T[i]);
      sum += base[x] + (x == 0 ? alive : logAddExp(alive, logDropped[x] - (r + x) * Math.log(alpha + data.tx[i])));
    }
    return sum;
  }

  /** The same as lifetimes writes it, four log-gamma calls per customer. */
  @Benchmark
  public double logLikelihoodNaive() {
    double r = model.r();
    double alpha = model.alpha();
    double a = model.a();
    double b = model.b();
    double sum = 0;
    for (int i = 0; i < data.customers(); i++) {
      int x = data.x[i];
      double base =
          Gamma.logGamma(r + x)
              - Gamma.logGamma(r)
              + r * Math.log(alpha)
              + Gamma.logGamma(a + b)
              + Gamma.logGamma(b + x)
              - Gamma.logGamma(b)
              - Gamma.logGamma(a + b + x);
      double alive = -(r + x) * Math.log(alpha + data.T[i]);
      if (x == 0) {
        sum += base + alive;
      } else {
        double dropped = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + data.tx[i]);
        sum += base + logAddExp(alive, dropped);
      }
    }
    return sum;
  }

  private static double logAddExp(double u, double v) {
    return Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
  }

  /** The same in one DuckDB query over the customers table. */
  @Benchmark
  public double logLikelihoodDuckDb() throws SQLException {
    duckDbLogLikelihood.setDouble(1, model.r());
    duckDbLogLikelihood.setDouble(2, model.alpha());
    duckDbLogLikelihood.setDouble(3, model.a());
    duckDbLogLikelihood.setDouble(4, model.b());
    try (ResultSet result = duckDbLogLikelihood.executeQuery()) {
      result.next();
      return result.getDouble(1);
    }
  }
}
