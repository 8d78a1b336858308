-- The period of every week of a series that starts with [@starts_at, @ends_at), in the database's own
-- Europe/Brussels arithmetic (series_occurrence, migration 0024), the one the series guard checks.
SELECT w.week, lower(o.period) AS starts_at, upper(o.period) AS ends_at
  FROM generate_series(0, @weeks - 1) AS w (week)
 CROSS JOIN LATERAL (SELECT series_occurrence(tstzrange(@starts_at, @ends_at, '[)'), w.week) AS period) AS o
 ORDER BY w.week;
