-- N-day repurchase by month of first order as an analyst writes it: each user's first local day
-- d0, the earliest later day d1, joined back. A user is mature when d0 + windowDays is a complete
-- day, and repurchased when d1 <= d0 + windowDays. The zone is a fixed offset, so a local day is
-- floor((millis + offsetMillis) / 86400000), with no time-zone functions.
-- Table: orders (user_id, millis). Rows: cohort month, first buyers, mature, mature repurchasers.
WITH days AS (
  SELECT user_id, CAST(floor((millis + ${offsetMillis}) / 86400000.0) AS BIGINT) AS day FROM orders),
firsts AS (SELECT user_id, min(day) AS d0 FROM days GROUP BY user_id),
seconds AS (
  SELECT d.user_id, min(d.day) AS d1 FROM days d JOIN firsts f USING (user_id)
  WHERE d.day > f.d0 GROUP BY d.user_id)
SELECT date_trunc('month', DATE '1970-01-01' + CAST(d0 AS INTEGER)) AS cohort,
       count(*),
       count(*) FILTER (WHERE d0 + ${windowDays} <= ${lastCompleteDay}),
       count(*) FILTER (WHERE d0 + ${windowDays} <= ${lastCompleteDay} AND d1 <= d0 + ${windowDays})
FROM firsts LEFT JOIN seconds USING (user_id) GROUP BY cohort ORDER BY cohort
