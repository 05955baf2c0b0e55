-- The day-N retention matrix as an analyst writes it: first-time cohorts by the first 'signup'
-- event, a return on local day k = any event on day d + k, mature cells only. The zone is a fixed
-- offset, so a local day is (millis + offsetMillis) // 86400000, with no time-zone functions.
-- Table: events (user_id, millis, event). Rows: cohort day, cohort size, k, returners.
WITH firsts AS (
  SELECT user_id, (min(millis) + ${offsetMillis}) // 86400000 AS d FROM events
  WHERE event = 'signup' GROUP BY user_id),
cohorts AS (SELECT * FROM firsts WHERE d BETWEEN ${fromDay} AND ${toDay}),
sizes AS (SELECT d, count(*) AS size FROM cohorts GROUP BY d),
cells AS (
  SELECT c.d, (e.millis + ${offsetMillis}) // 86400000 - c.d AS k, count(DISTINCT c.user_id) AS n
  FROM cohorts c JOIN events e USING (user_id)
  WHERE (e.millis + ${offsetMillis}) // 86400000 - c.d BETWEEN 1 AND ${intervals}
  GROUP BY ALL)
SELECT s.d, s.size, t.k, coalesce(c.n, 0) AS n
FROM sizes s CROSS JOIN (SELECT range AS k FROM range(1, ${intervals} + 1)) t
LEFT JOIN cells c ON c.d = s.d AND c.k = t.k
WHERE (s.d + t.k + 1) * 86400000 - ${offsetMillis} <= ${asOfMillis}
ORDER BY 1, 3
