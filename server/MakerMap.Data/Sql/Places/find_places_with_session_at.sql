-- Which of @ids hold a session at @at: a slot of the place (repair-café sessions are slots with a
-- place_id) whose half-open period [start, end) contains the instant and that is not cancelled.
-- A session ending exactly at @at is over.
SELECT DISTINCT s.place_id
  FROM slots s
 WHERE s.place_id = ANY (@ids::uuid[])
   AND s.period @> @at::timestamptz
   AND NOT s.is_cancelled;
