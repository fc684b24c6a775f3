-- The gate's rule expect_bill_events_in_date_order (pipeline/validate/expectations.py): a bill's dated
-- events, taken by ordinal, never go back in time. Each row is an event dated before an earlier one.
SELECT bill_id, ordinal, event_type, event_date, latest_before FROM (
    SELECT *, max(event_date) OVER (PARTITION BY bill_id ORDER BY ordinal
                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_before
    FROM bill_events)
WHERE event_date < latest_before ORDER BY ALL
