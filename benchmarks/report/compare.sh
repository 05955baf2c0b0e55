#!/usr/bin/env bash
# Checks that userops report and DuckDB (report.sql via DuckDbReport) give the same figures:
#   benchmarks/report/compare.sh OUT/report.json duckdb.json
# Compares the record count, the summary counts, the RFM segments' users and revenue, the retention
# cohorts (size and counts per month offset), the repurchase cohorts (first buyers, mature,
# repurchasers) and the skipped counts by reason. Prints each differing value as
# "path: userops value, duckdb value" and exits 1 if any differ, 0 if all are equal. Needs jq.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: $0 REPORT_JSON DUCKDB_JSON" >&2
  exit 2
fi

# Lists are keyed by segment name or cohort start, so that a missing or extra cohort shows as
# itself rather than shifting every later one.
differences=$(jq -n -r --slurpfile userops "$1" --slurpfile duckdb "$2" '
  def figures: {
    records,
    summary: .summary | {users, orders, revenueMinor, cancelledOrders, refundedOrders, firstOrder,
        lastOrder, ordersPerUser},
    rfm: .rfm.segments | map({key: .name, value: {users, revenueMinor}}) | from_entries,
    retention: .retention.cohorts | map({key: .start, value: {size, counts}}) | from_entries,
    repurchase: .repurchase.cohorts
        | map({key: .start, value: {firstBuyers, mature, repurchasers}}) | from_entries,
    skipped: .diagnostics.skipped
  };
  ($userops[0] | figures) as $a
  | ($duckdb[0] | figures) as $b
  | [$a, $b | paths(type != "object" and type != "array")] | unique[] as $path
  | ($a | getpath($path)) as $x
  | ($b | getpath($path)) as $y
  | select($x != $y)
  | "\($path | map(tostring) | join(".")): userops \($x | tojson), duckdb \($y | tojson)"')

if [[ -n "$differences" ]]; then
  echo "$differences"
  echo "$(wc -l <<< "$differences") values differ" >&2
  exit 1
fi
jq -r '"equal: records, summary, RFM segments, \(.retention.cohorts | length) retention cohorts, "
    + "\(.repurchase.cohorts | length) repurchase cohorts, skipped counts"' "$1"
