-- One session (a slot of a session schedule) with its place, for a single-event calendar file.
-- No row for an unknown slot or for a resource slot (those are not sessions).
SELECT p.name AS place_name,
       concat_ws(', ', p.name, p.street_address, p.locality) AS location,
       s.id AS slot_id,
       lower(s.period) AS starts_at,
       upper(s.period) AS ends_at,
       s.is_cancelled,
       sc.title,
       s.calendar_sequence,
       s.calendar_changed_at
  FROM slots AS s
  JOIN schedules AS sc ON sc.id = s.schedule_id AND sc.kind = 'session'
  JOIN places AS p ON p.id = s.place_id
 WHERE s.id = @slot_id
