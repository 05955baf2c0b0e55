-- Acquisition cohorts by channel and month as an analyst writes them, in a fixed-offset zone (local
-- month m = months since 1970-01, no time-zone functions). A user's channel is that of their
-- earliest touch: sign-ups before orders at the same millisecond, then the smallest channel, none
-- first. New users: users by month of their earliest sign-up; converted: those with a valid order.
-- First buyers: users by month of their first order, with revenue by interval k = m - cohort up to
-- ${intervals}, cumulated over k; a revenue cell is reported when cohort + k <= ${lastCompleteMonth}.
-- Tables: signups (user_id, millis, channel), value_orders (user_id, millis, amount, attribute).
-- Rows: channel, cohort month index, new users, converted, first buyers, k, cumulative revenue (k
-- and revenue NULL for a cohort with no mature cell or no first buyer).
WITH touches AS (
  SELECT user_id, millis, 0 AS kind, channel FROM signups
  UNION ALL SELECT user_id, millis, 1 AS kind, attribute FROM value_orders),
channels AS (
  SELECT user_id, channel FROM (
    SELECT *, row_number() OVER (
      PARTITION BY user_id ORDER BY millis, kind, channel ASC NULLS FIRST) AS rn FROM touches)
  WHERE rn = 1),
o AS (
  SELECT user_id, amount, (year(d) - 1970) * 12 + month(d) - 1 AS m
  FROM (SELECT *, CAST(epoch_ms(millis + ${offsetMillis}) AS DATE) AS d FROM value_orders)),
firsts AS (
  SELECT user_id, (year(d) - 1970) * 12 + month(d) - 1 AS cohort FROM (
    SELECT user_id, CAST(epoch_ms(min(millis) + ${offsetMillis}) AS DATE) AS d
    FROM value_orders GROUP BY user_id)),
joined AS (
  SELECT user_id, (year(d) - 1970) * 12 + month(d) - 1 AS cohort,
         user_id IN (SELECT user_id FROM value_orders) AS converted
  FROM (SELECT user_id, CAST(epoch_ms(min(millis) + ${offsetMillis}) AS DATE) AS d
        FROM signups GROUP BY user_id)),
counts AS (
  SELECT c.channel, x.cohort,
         count(*) FILTER (WHERE x.kind = 'joined') AS new_users,
         count(*) FILTER (WHERE x.kind = 'joined' AND x.converted) AS converted,
         count(*) FILTER (WHERE x.kind = 'first') AS first_buyers
  FROM (SELECT user_id, cohort, converted, 'joined' AS kind FROM joined
        UNION ALL SELECT user_id, cohort, false, 'first' FROM firsts) x
  JOIN channels c USING (user_id)
  GROUP BY c.channel, x.cohort),
revenue AS (
  SELECT c.channel, f.cohort, o.m - f.cohort AS k, sum(o.amount) AS amount
  FROM o JOIN firsts f USING (user_id) JOIN channels c USING (user_id)
  WHERE o.m - f.cohort <= ${intervals}
  GROUP BY c.channel, f.cohort, o.m - f.cohort),
grid AS (
  SELECT n.channel, n.cohort, ks.k FROM counts n CROSS JOIN range(0, ${intervals} + 1) ks(k)
  WHERE n.first_buyers > 0 AND n.cohort + ks.k <= ${lastCompleteMonth}),
cells AS (
  SELECT g.channel, g.cohort, g.k,
         sum(coalesce(r.amount, 0)) OVER (PARTITION BY g.channel, g.cohort ORDER BY g.k) AS revenue
  FROM grid g LEFT JOIN revenue r
    ON r.channel IS NOT DISTINCT FROM g.channel AND r.cohort = g.cohort AND r.k = g.k)
SELECT n.channel, n.cohort, n.new_users, n.converted, n.first_buyers, c.k, c.revenue
FROM counts n LEFT JOIN cells c ON c.channel IS NOT DISTINCT FROM n.channel AND c.cohort = n.cohort
ORDER BY n.channel NULLS FIRST, n.cohort, c.k
