// UserOps on the bundled CDNOW data: a walk-through to read and to run. From the project root:
//   mvn -B -q -DskipTests package
//   jshell --class-path examples/target/userops.jar examples/notebook.jsh
// The session stays open afterwards with every variable below defined.

import dev.userops.core.Accumulator;
import dev.userops.core.BadRecordPolicy;
import dev.userops.core.UserIdDictionary;
import dev.userops.core.event.*;
import dev.userops.core.summary.*;
import dev.userops.examples.input.OrderReader;
import dev.userops.incentives.Evaluation;
import dev.userops.incentives.OrderPaid;
import dev.userops.incentives.points.*;
import dev.userops.incentives.push.*;
import dev.userops.retention.clv.*;
import dev.userops.retention.cohort.*;
import dev.userops.retention.repurchase.*;
import dev.userops.segmentation.rfm.*;
import java.time.*;

// 1. Load. CDNOW: every order of the customers whose first purchase was in Q1 1997, up to
// 1998-06-30. Time is data: we evaluate as of the next midnight in UTC; nothing after counts.
ZoneId zone = ZoneOffset.UTC;
Instant asOf = Instant.parse("1998-07-01T00:00:00Z");
UserIdDictionary userIds = new UserIdDictionary();   // file ids ("00003") <-> dense ints for arrays
List<Order> orders = new ArrayList<>();
try (var reader = OrderReader.cdnow("CDNOW_master.txt",
    OrderReader.class.getResourceAsStream("/dev/userops/examples/data/CDNOW_master.txt"), zone, userIds,
    BadRecordPolicy.REJECT)) {
  reader.forEach(orders::add);
}
OrderSummary summary = orders.stream().collect(new OrderSummarySpec(zone, asOf, BadRecordPolicy.REJECT).collector());
System.out.printf("1. Loaded: %,d users, %,d valid orders, revenue $%,.2f, %s .. %s%n", summary.users(),
    summary.orders(), BigDecimal.valueOf(summary.revenueMinor(), 2), summary.firstOrder(), summary.lastOrder());

// ValidOrders is the one definition of a valid order (paid, net of refunds); the analytics read it.
ValidOrders valid = ValidOrders.create(RefundTreatment.NET, BadRecordPolicy.REJECT, asOf);
orders.forEach(valid::addOrder);

// 2. RFM features per user: days since the last order, orders, net spend (in cents).
RfmSpec rfmSpec = RfmSpec.of(zone, asOf);
RfmFeatures features = rfmSpec.newAccumulator().addAll(valid).result();
long user3 = userIds.find("00003");
int row3 = IntStream.range(0, features.size()).filter(i -> features.userId(i) == user3).findFirst().getAsInt();
System.out.printf("2. RFM of %,d users; customer 00003: recency %d days, %d orders, $%s%n", features.size(),
    features.recencyDays(row3), features.frequency(row3), BigDecimal.valueOf(features.monetaryMinor(row3), 2));

// Accumulators merge: halves of the input (think threads or partitions), one shipped as
// versioned bytes (which carry their spec, so reading them needs none), give exactly the
// features of one pass.
RfmAccumulator even = rfmSpec.newAccumulator(), odd = rfmSpec.newAccumulator();
for (int i = 0; i < orders.size(); i++) (i % 2 == 0 ? even : odd).add(orders.get(i));
RfmFeatures merged = even.merge(Accumulator.fromBytes(odd.toByteArray(), RfmAccumulator.class)).result();
System.out.println("   two halves merged equal one pass: " + merged.equals(features));

// 3. Segments: quantile scores 1..5 per axis, then the ten named segments of R's rfm vignette.
RfmScores scores = RfmScoring.quantiles(RfmScoring.DEFAULT_SCORES).score(features);
RfmSegments segments = SegmentTable.vignette().segment(features, scores);
System.out.println("3. Segments (customer 00003: " + segments.segment(row3) + ")");
for (RfmSegments.SegmentSize s : segments.sizes()) {
  System.out.printf("   %-20s %,7d users %6.1f%% of revenue%n", s.name(), s.users(),
      100.0 * s.revenueMinor() / summary.revenueMinor());
}

// 4. Retention: monthly cohorts by first order; a cohort member counts in a column if they ordered
// in that month after the first (brackets group months 4-6, 7-12, 13-17). A cell whose last month
// had not ended at asOf is blank: unknown, not zero.
RetentionSpec retentionSpec = RetentionSpec.fromJson("""
    {"granularity": "MONTH", "zone": "UTC", "from": "1997-01-01", "to": "1997-03-31",
     "intervals": 0, "brackets": [1, 1, 1, 3, 6, 5], "asOf": "1998-07-01T00:00:00Z"}""");
RetentionAccumulator retention = retentionSpec.newAccumulator();
valid.forEach((userId, epochMillis, amountMinor) -> retention.add(userId, epochMillis, true, true));
RetentionMatrix matrix = retention.result();
System.out.println("4. Retention (% of the cohort ordering again, by months since the first order)");
System.out.print(matrix.toText());

// 5. Repurchase: of the first buyers whose 30 days had passed, how many ordered again within them.
RepurchaseResult repurchase = RepurchaseSpec.of(zone, asOf).newAccumulator().addAll(valid).result();
System.out.println("5. 30-day repurchase by month of first order");
for (RepurchaseResult.Cohort c : repurchase.cohorts()) {
  System.out.printf("   %s %,7d first buyers %6.1f%%%n", c.start(), c.firstBuyers(), 100 * c.rate().getAsDouble());
}
System.out.printf("   pooled %.1f%%; median days to a second order %d; %.1f%% of buyers have 2+ orders%n",
    100 * repurchase.pooled().rate().getAsDouble(), repurchase.timeToSecondOrder().medianDays(),
    100 * repurchase.shareWith2Plus().getAsDouble());

// 6. Points: the bundled program (1 point per whole dollar, 50 for the first order, order points
// pending for the 14-day return window, expiring at the end of the next year). A policy is pure:
// state + event -> new state + ledger entries, whose keys make a redelivered event a no-op.
PointsProgram program = PointsProgram.fromJson(new String(OrderReader.class.getResourceAsStream(
    "/dev/userops/examples/points/program.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
PointsPolicy points = program.policy(zone);
void show(PointsOutcome outcome) {
  for (LedgerEntry e : outcome.entries()) {
    System.out.printf("   %s %-8s %+4d available %+4d pending  %s%n",
        LocalDate.ofInstant(Instant.ofEpochMilli(e.atMillis()), zone), e.type(), e.available(), e.pending(), e.key());
  }
}
System.out.println("6. Points ledger of customer 00003");
PointsState wallet = points.newState();
OrderPaid paid = null;
for (Order o : orders) {
  if (o.userId() != user3) continue;
  paid = OrderPaid.of(o.orderId(), o.occurredAt(), o.amountMinor(), null);
  PointsOutcome outcome = points.apply(wallet, paid);
  show(outcome);
  wallet = outcome.state();
}
PointsOutcome evaluated = points.apply(wallet, new Evaluation(asOf));   // releases due lots
show(evaluated);
wallet = evaluated.state();
System.out.printf("   at %s: %d available, %d pending; the last order redelivered: %s%n", LocalDate.ofInstant(asOf, zone),
    wallet.available(), wallet.pending(), points.apply(wallet, paid).status());
// Looking ahead: if nothing else happens, 1997's points expire at the end of 1998.
PointsState nextYear = points.apply(wallet, new Evaluation(Instant.parse("1999-01-01T00:00:00Z"))).state();
System.out.printf("   at 1999-01-01: %d expired, %d available%n", nextYear.totals().expired(), nextYear.available());

// 7. A push decision: the bundled program (consent, 2 pushes a local day, quiet hours 22:00-08:00,
// 20-hour campaign cool-down) compiled to a policy. apply returns the decision and the state to
// store; the host stores the state, the policy reads no clock.
PushPolicy push = PushProgram.fromJson(new String(OrderReader.class.getResourceAsStream(
    "/dev/userops/examples/push/policy.json").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).policy();
PushState inbox = push.withConsent(push.newState(zone), "push", true);
System.out.println("7. Push decisions for one user on 1998-07-01");
for (String[] send : new String[][] {{"win-back", "10:00"}, {"win-back", "13:00"}, {"new-releases", "15:00"},
    {"weekend-sale", "18:00"}, {"last-call", "23:00"}}) {
  Instant now = LocalDate.of(1998, 7, 1).atTime(LocalTime.parse(send[1])).atZone(zone).toInstant();
  PushOutcome sent = push.apply(inbox, new Message("push", "marketing", send[0], null), now);
  inbox = sent.state();
  Decision decision = sent.decision();
  System.out.printf("   %s %-12s %s%s%n", send[1], send[0], decision.verdict(),
      decision.reason() == null ? "" : " (" + decision.reason() + ", " + decision.rule() + ")");
}

// 8. Customer value: each customer's summary calibrated to 1997-09-30 (x repeat purchase days,
// recency and age in weeks, mean repeat spend), BG/NBD and Gamma-Gamma fitted by maximum
// likelihood, the holdout to 1998-06-30 as the check, and a 12-month CLV discounted 1% a month.
ClvSummary summary97 = orders.stream().collect(
    ClvSummarySpec.of(zone, LocalDate.of(1997, 9, 30)).withHoldoutEnd(LocalDate.of(1998, 6, 30)).collector());
int n97 = summary97.customers();
int[] cx = new int[n97];
int[] choldout = new int[n97];
double[] ctx = new double[n97];
double[] cT = new double[n97];
double[] czbar = new double[n97];
for (int i = 0; i < n97; i++) {
  cx[i] = summary97.x(i);
  choldout[i] = summary97.holdoutPurchases(i);
  ctx[i] = summary97.tx(i);
  cT[i] = summary97.T(i);
  czbar[i] = summary97.zbarMinor(i);
}
Fit<BgNbd> bgNbd = BgNbd.fit(RepeatBuyers.of(cx, ctx, cT));
Fit<GammaGamma> gammaGamma = GammaGamma.fit(cx, czbar);
HoldoutEvaluation check = HoldoutEvaluation.of(bgNbd.model(), cx, ctx, cT, choldout, summary97.holdoutLength(), 7);
double[] spend97 = new double[n97];
for (int i = 0; i < n97; i++) spend97[i] = gammaGamma.model().expectedAverageSpend(cx[i], czbar[i]);
double[] clv97 = bgNbd.model().clv(cx, ctx, cT, spend97, ClvHorizon.months(7, 12, 0.01));
System.out.println("8. Customer value, calibrated to 1997-09-30");
System.out.printf("   %d customers, %d repeat purchase days; BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f%n", n97,
    summary97.totalRepeatPurchases(), bgNbd.model().r(), bgNbd.model().alpha(), bgNbd.model().a(), bgNbd.model().b());
System.out.printf("   holdout to 1998-06-30: %d repeat purchase days, %.0f predicted%n", check.actualPurchases(),
    check.predictedPurchases());
System.out.printf("   12-month CLV of all customers: %.2f dollars%n", Arrays.stream(clv97).sum() / 100);

System.out.println("Done. Try: segments.sizes(), matrix.toJson(), repurchase.nextPeriods(), wallet.toJson(), bgNbd.toJson()");
