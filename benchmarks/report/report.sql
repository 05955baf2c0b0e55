-- The figures of `userops report` as an analyst computes them in DuckDB from the same order CSV
-- (user_id,order_id,occurred_at,amount,status[,sales_channel]), by the library's definitions:
-- the summary, RFM segments (quantile scores 1..5, the R rfm vignette segments), monthly
-- first-order retention and 30-day repurchase by month of first order.
--
-- Inputs, set before running: SET VARIABLE orders_csv = 'orders.csv'; SET VARIABLE as_of_ms =
-- <the as-of instant in epoch milliseconds>. The zone is UTC and amounts have 2 fraction digits
-- (the report's defaults). The statement that reads the file is the load; the others compute. The
-- last returns one JSON document shaped like report.json's records, summary, rfm.segments,
-- retention.cohorts, repurchase.cohorts and diagnostics.skipped. Run it with DuckDbReport, or in
-- the DuckDB CLI after the two SET VARIABLEs. Statements end with ';' at the end of a line.

-- An id as Fields.id reads it: without the leading and trailing characters Java's String.strip
-- removes (Character.isWhitespace): ASCII whitespace, the separators U+001C..U+001F, and Unicode
-- spaces other than no-break ones. An empty field (DuckDB's NULL) is the empty id. An id that
-- starts and ends with printable ASCII, as nearly every one does, is kept without the trim, which
-- costs about 200 ns an id with this set of characters.
CREATE MACRO strip_id(s) AS CASE WHEN regexp_full_match(s, '[!-~]|[!-~].*[!-~]') THEN s
    ELSE coalesce(trim(s, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(28) || chr(29)
        || chr(30) || chr(31) || chr(32) || chr(5760) || chr(8192) || chr(8193) || chr(8194)
        || chr(8195) || chr(8196) || chr(8197) || chr(8198) || chr(8200) || chr(8201) || chr(8202)
        || chr(8232) || chr(8233) || chr(8287) || chr(12288)), '') END;

-- occurred_at in epoch milliseconds as Timestamps.parse reads it in UTC, NULL if it does not parse:
-- a date (the start of the day), a local date-time HH:mm[:ss[.f{0,9}]] or one with an offset Z,
-- ±HH, ±HH:MM or ±HH:MM:SS of at most 18 hours; a fraction is truncated to milliseconds, as
-- Instant.toEpochMilli does. The export shape yyyy-MM-ddTHH:mm:ss[.SSS]Z takes DuckDB's cast, which
-- reads it exactly; other shapes take the regular expression of all three forms, group by group.
CREATE MACRO ts_group(s, i) AS regexp_extract(s,
    '^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{0,9}))?)?(?:Z|([+-])(\d{2})(?::(\d{2})(?::(\d{2}))?)?)?)?$',
    i);
CREATE MACRO ts_number(s, i) AS coalesce(CAST(nullif(ts_group(s, i), '') AS INTEGER), 0);
CREATE MACRO ts_offset(s) AS (ts_number(s, 7) * 3600 + ts_number(s, 8) * 60 + ts_number(s, 9))
    * CASE ts_group(s, 6) WHEN '-' THEN -1 ELSE 1 END;
CREATE MACRO epoch_millis(s) AS CASE
    WHEN regexp_full_match(s, '[1-9]\d{3}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z')
    THEN epoch_ms(try_cast(s AS TIMESTAMP))
    WHEN ts_number(s, 2) < 24 AND ts_number(s, 3) < 60 AND ts_number(s, 4) < 60
        AND ts_number(s, 8) < 60 AND ts_number(s, 9) < 60 AND abs(ts_offset(s)) <= 18 * 3600
    THEN ((try_cast(ts_group(s, 1) AS DATE) - DATE '1970-01-01') * 86400 + ts_number(s, 2) * 3600
        + ts_number(s, 3) * 60 + ts_number(s, 4) - ts_offset(s)) * 1000
        + CAST(rpad(ts_group(s, 5), 3, '0') AS INTEGER) END;

-- amount in minor units as Fields.amountMinor reads it with 2 fraction digits, NULL if it does not
-- parse: -?digits[.1 or 2 digits], within a long. (Text to BIGINT: a DECIMAL(38, 2) cast costs about
-- 3 µs a row.)
CREATE MACRO cents(s) AS CASE WHEN regexp_full_match(s, '-?\d+(\.\d{1,2})?')
    THEN try_cast(split_part(s, '.', 1) || rpad(split_part(s, '.', 2), 2, '0') AS BIGINT) END;

-- status as Fields.status reads it: paid, cancelled or refunded in any case (equalsIgnoreCase, so
-- also with a dotless or dotted capital i), NULL otherwise.
CREATE MACRO order_status(s) AS CASE WHEN s IN ('paid', 'cancelled', 'refunded') THEN s
    WHEN lower(translate(s, 'ıİ', 'ii')) IN ('paid', 'cancelled', 'refunded')
    THEN lower(translate(s, 'ıİ', 'ii')) END;

-- The vignette segments of SegmentTable.vignette(): the first rule whose ranges hold a user's
-- scores names the user's segment; Others holds every score, so it takes the users no rule holds.
CREATE TABLE segments (position INTEGER, name VARCHAR, r_min INTEGER, r_max INTEGER,
    f_min INTEGER, f_max INTEGER, m_min INTEGER, m_max INTEGER);
INSERT INTO segments VALUES
    (1, 'Champions', 5, 5, 5, 5, 5, 5),
    (2, 'Potential Loyalist', 3, 5, 3, 5, 2, 5),
    (3, 'Loyal Customers', 2, 4, 2, 4, 2, 4),
    (4, 'Promising', 3, 4, 1, 3, 3, 5),
    (5, 'New Customers', 4, 5, 1, 3, 1, 5),
    (6, 'Can''t Lose Them', 1, 2, 3, 4, 4, 5),
    (7, 'At Risk', 1, 2, 2, 5, 4, 5),
    (8, 'Need Attention', 1, 3, 3, 5, 3, 5),
    (9, 'About To Sleep', 2, 3, 1, 3, 1, 4),
    (10, 'Lost', 1, 1, 1, 5, 1, 5),
    (11, 'Others', 1, 100, 1, 100, 1, 100);

-- The load: every data row with its fields parsed by the reader's rules (OrderCsvReader, Row,
-- Fields), in file order (kept while preserve_insertion_order is on, DuckDB's default), so that
-- rowid is the row's index. A row that cannot be read has the reason of the reader's first failing
-- check, in its order: an empty order_id or user_id (EMPTY_ID), then occurred_at, amount and
-- status. Rows of the wrong width or with a field that is not UTF-8, which the reader checks
-- first, never get here: they go to reject_errors.
--
-- Rows are selected by the flags readable and accepted, never by a reason IS NULL: in DuckDB 1.4.2
-- a filter that NULL passes (IS NULL, coalesce(x, '') = '') skips row groups of a VARCHAR column
-- that is NULL throughout them once the table was written by two threads; such a filter on this
-- table of 1,000,186 rows kept 101,256.
CREATE TABLE parsed AS
SELECT *, malformed IS NULL AS readable
FROM (
  SELECT user_id, order_id, ms, minor, status,
      CASE WHEN order_id = '' OR user_id = '' THEN 'EMPTY_ID'
          WHEN ms IS NULL THEN 'MALFORMED_TIMESTAMP'
          WHEN minor IS NULL THEN 'MALFORMED_AMOUNT'
          WHEN status IS NULL THEN 'MALFORMED_STATUS' END AS malformed
  FROM (
    SELECT strip_id(user_id) AS user_id, strip_id(order_id) AS order_id,
        epoch_millis(occurred_at) AS ms, cents(amount) AS minor, order_status(status) AS status
    FROM read_csv(getvariable('orders_csv'), header = true, all_varchar = true, delim = ',',
        quote = '"', escape = '"', ignore_errors = true, store_rejects = true)));

-- Of the rows that can be read, the first of each order id in the file (OrderCsvReader's duplicate
-- rule), with its number of copies, screened as BadRecords.acceptOrder does: a negative amount, a
-- time before 1970, a time after as-of.
CREATE TABLE orders AS
SELECT *, reason IS NULL AS accepted
FROM (
  SELECT user_id, ms, minor, status, count(*) OVER (PARTITION BY order_id) AS copies,
      CASE WHEN minor < 0 THEN 'NEGATIVE_AMOUNT' WHEN ms < 0 THEN 'BEFORE_1970'
          WHEN ms > getvariable('as_of_ms') THEN 'AFTER_AS_OF' END AS reason
  FROM parsed
  WHERE readable
  QUALIFY row_number() OVER (PARTITION BY order_id ORDER BY rowid) = 1);

-- Valid orders: accepted and paid, with their UTC day.
CREATE TABLE valid AS
SELECT user_id, ms, minor, CAST(epoch_ms(ms) AS DATE) AS day
FROM orders WHERE accepted AND status = 'paid';

-- Per buyer: valid orders, spend, first and last day, and the month of the first (the cohort).
CREATE TABLE buyers AS
SELECT user_id, count(*) AS orders, sum(minor) AS spend, min(day) AS first_day,
    max(day) AS last_day, date_trunc('month', min(day)) AS cohort
FROM valid GROUP BY user_id;

-- RFM (RfmAccumulator, RfmScoring.quantiles(5)): recency in days from the last valid order's day
-- to the as-of day, frequency in valid orders, monetary in spend. A score is 1 + floor(5 * worse /
-- users), worse counting users with a strictly worse value, so ties share a score.
CREATE TABLE rfm AS
WITH features AS (
  SELECT spend, CAST(epoch_ms(getvariable('as_of_ms')) AS DATE) - last_day AS recency, orders,
      count(*) OVER () AS users
  FROM buyers),
scores AS (
  SELECT spend,
      1 + 5 * (rank() OVER (ORDER BY recency DESC) - 1) // users AS r,
      1 + 5 * (rank() OVER (ORDER BY orders) - 1) // users AS f,
      1 + 5 * (rank() OVER (ORDER BY spend) - 1) // users AS m
  FROM features),
cells AS (SELECT r, f, m, count(*) AS users, sum(spend) AS revenue FROM scores GROUP BY ALL)
SELECT s.position, s.name, coalesce(sum(c.users), 0) AS users,
    coalesce(sum(c.revenue), 0) AS revenue
FROM segments s LEFT JOIN (
  SELECT c.*, (SELECT min(position) FROM segments
      WHERE c.r BETWEEN r_min AND r_max AND c.f BETWEEN f_min AND f_max
          AND c.m BETWEEN m_min AND m_max) AS position
  FROM cells c) c USING (position)
GROUP BY s.position, s.name;

-- Monthly retention (RetentionSpec MONTH, first-time cohorts, calendar windows): a buyer of cohort
-- month c returned in month k >= 1 with a valid order in month c + k.
CREATE TABLE returned AS
WITH months AS (SELECT DISTINCT user_id, date_trunc('month', day) AS month FROM valid)
SELECT b.cohort, datediff('month', b.cohort, m.month) AS k, count(*) AS users
FROM months m JOIN buyers b USING (user_id)
WHERE m.month > b.cohort
GROUP BY ALL;

-- 30-day repurchase (RepurchaseSpec.of): a first buyer is mature once their first day plus 30 is
-- a complete day at as-of, and repurchased with a valid order on a later day at most 30 days after.
CREATE TABLE repurchase AS
WITH seconds AS (
  SELECT v.user_id, min(v.day) AS second_day
  FROM valid v JOIN buyers b USING (user_id)
  WHERE v.day > b.first_day GROUP BY v.user_id),
horizon AS (
  SELECT CAST(epoch_ms(getvariable('as_of_ms') + 1) AS DATE) - 1 - 30 AS last_mature_day)
SELECT b.cohort, count(*) AS first_buyers,
    count(*) FILTER (WHERE b.first_day <= h.last_mature_day) AS mature,
    count(*) FILTER (WHERE b.first_day <= h.last_mature_day AND s.second_day - b.first_day <= 30)
        AS repurchasers
FROM buyers b LEFT JOIN seconds s USING (user_id) CROSS JOIN horizon h
GROUP BY b.cohort;

-- The figures as JSON. Retention spans the cohorts from the first to the last non-empty one and
-- the offsets up to the widest complete one (UserBaseReport.trimmed): a cell is null until month
-- c + k has ended at as-of (its last millisecond at or before it), k at most 62
-- (RetentionSpec.MAX_SPAN).
WITH span AS (
  SELECT min(cohort) AS first_cohort, max(cohort) AS last_cohort,
      -- the last month that has ended at as-of
      date_trunc('month', epoch_ms(getvariable('as_of_ms') + 1))::DATE - INTERVAL 1 MONTH
          AS last_complete
  FROM buyers),
width AS (
  SELECT greatest(1, least(62, datediff('month', first_cohort, last_complete))) AS columns FROM span),
cohort_rows AS (
  SELECT c.cohort, coalesce((SELECT count(*) FROM buyers b WHERE b.cohort = c.cohort), 0) AS size
  FROM (SELECT unnest(generate_series(first_cohort, last_cohort, INTERVAL 1 MONTH))::DATE AS cohort
      FROM span) c),
cells AS (
  SELECT c.cohort, c.size, k.k,
      CASE WHEN c.cohort + to_months(k.k) <= s.last_complete THEN coalesce(r.users, 0) END AS users
  FROM cohort_rows c CROSS JOIN span s CROSS JOIN width
  CROSS JOIN (SELECT unnest(range(1, 63)) AS k) k
  LEFT JOIN returned r ON r.cohort = c.cohort AND r.k = k.k
  WHERE k.k <= width.columns),
-- A rejected row's reason is the reader's first failing check: its field count, then its encoding.
-- DuckDB reports every problem of a row; any other kind shows under DuckDB's own name.
rejected AS (
  SELECT CASE
      WHEN bool_or(error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')) THEN 'WRONG_FIELD_COUNT'
      WHEN bool_or(error_type = 'INVALID ENCODING') THEN 'MALFORMED_ENCODING'
      ELSE min(CAST(error_type AS VARCHAR)) END AS reason
  FROM reject_errors GROUP BY file_id, line),
skipped AS (
  SELECT malformed AS reason, count(*) AS n FROM parsed WHERE NOT readable GROUP BY ALL
  UNION ALL SELECT reason, count(*) FROM rejected GROUP BY ALL
  UNION ALL SELECT 'DUPLICATE_ORDER_ID', sum(copies - 1) FROM orders
  UNION ALL SELECT reason, count(*) FROM orders WHERE NOT accepted GROUP BY reason)
SELECT to_json({
  'records': (SELECT count(*) FROM parsed) + (SELECT count(*) FROM rejected),
  'summary': (
    SELECT {
      'users': (SELECT count(*) FROM buyers),
      'orders': count(*) FILTER (WHERE status = 'paid'),
      'revenueMinor': coalesce(sum(minor) FILTER (WHERE status = 'paid'), 0),
      'cancelledOrders': count(*) FILTER (WHERE status = 'cancelled'),
      'refundedOrders': count(*) FILTER (WHERE status = 'refunded'),
      'firstOrder': CAST(epoch_ms(min(ms) FILTER (WHERE status = 'paid')) AS DATE),
      'lastOrder': CAST(epoch_ms(max(ms) FILTER (WHERE status = 'paid')) AS DATE),
      'ordersPerUser': (
        SELECT coalesce(map_from_entries(list((CAST(orders AS VARCHAR), users) ORDER BY orders)),
            MAP {})
        FROM (SELECT orders, count(*) AS users FROM buyers GROUP BY orders))}
    FROM orders WHERE accepted),
  'rfm': {'segments': (
    SELECT list({'name': name, 'users': users, 'revenueMinor': revenue} ORDER BY position) FROM rfm)},
  'retention': {'cohorts': (
    SELECT coalesce(list({'start': cohort, 'size': size, 'counts': counts} ORDER BY cohort), [])
    FROM (SELECT cohort, size, [size] || list(users ORDER BY k) AS counts
        FROM cells GROUP BY cohort, size))},
  'repurchase': {'windowDays': 30, 'cohorts': (
    SELECT coalesce(list({'start': cohort, 'firstBuyers': first_buyers, 'mature': mature,
        'repurchasers': repurchasers} ORDER BY cohort), [])
    FROM repurchase)},
  'diagnostics': {'skipped': (
    SELECT coalesce(map_from_entries(list((reason, n) ORDER BY reason)), MAP {})
    FROM skipped WHERE n > 0)}
}) AS report;
