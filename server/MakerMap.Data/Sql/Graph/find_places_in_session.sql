-- For each place with sessions: whether one of them is under way at @at.
SELECT s.place_id, bool_or(s.period @> @at) FROM slots AS s
WHERE s.place_id = ANY(@ids) AND NOT s.is_cancelled
GROUP BY s.place_id
