-- Cohort LTV by month of first valid order as an analyst writes it. Each order's local month m
-- (months since 1970-01) in a fixed-offset zone, so no time-zone functions; each user's first
-- order (earliest millis, then the smallest attribute, none first) gives the user's cohort and
-- attribute; revenue per attribute, cohort and interval k = m - cohort up to ${intervals},
-- cumulated over k. A cell is reported when its month, cohort + k, is complete:
-- cohort + k <= ${lastCompleteMonth}.
-- Table: value_orders (user_id, millis, amount, attribute), one row per valid order.
-- Rows: attribute (NULL for none), cohort month index, users, k, cumulative revenue.
WITH o AS (
  SELECT user_id, millis, amount, attribute, (year(d) - 1970) * 12 + month(d) - 1 AS m
  FROM (SELECT *, CAST(epoch_ms(millis + ${offsetMillis}) AS DATE) AS d FROM value_orders)),
firsts AS (
  SELECT user_id, m AS cohort, attribute FROM (
    SELECT *, row_number() OVER (
      PARTITION BY user_id ORDER BY millis, attribute ASC NULLS FIRST) AS rn FROM o)
  WHERE rn = 1),
sizes AS (SELECT attribute, cohort, count(*) AS users FROM firsts GROUP BY attribute, cohort),
revenue AS (
  SELECT f.attribute, f.cohort, o.m - f.cohort AS k, sum(o.amount) AS amount
  FROM o JOIN firsts f USING (user_id)
  WHERE o.m - f.cohort <= ${intervals}
  GROUP BY f.attribute, f.cohort, o.m - f.cohort),
grid AS (
  SELECT s.attribute, s.cohort, s.users, ks.k
  FROM sizes s CROSS JOIN range(0, ${intervals} + 1) ks(k)
  WHERE s.cohort + ks.k <= ${lastCompleteMonth})
SELECT g.attribute, g.cohort, g.users, g.k,
       sum(coalesce(r.amount, 0)) OVER (PARTITION BY g.attribute, g.cohort ORDER BY g.k) AS revenue
FROM grid g LEFT JOIN revenue r
  ON r.attribute IS NOT DISTINCT FROM g.attribute AND r.cohort = g.cohort AND r.k = g.k
ORDER BY g.attribute NULLS FIRST, g.cohort, g.k
