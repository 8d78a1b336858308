-- matching: every filter that was given must hold
WITH matching AS (
    SELECT p.* FROM places AS p
    WHERE (@kinds::text[] IS NULL OR p.kind = ANY(@kinds))
      AND (@categories::text[] IS NULL OR p.categories && @categories)
      AND (@locality::text IS NULL OR lower(p.locality) = lower(@locality))
      AND (@area_id::uuid IS NULL OR EXISTS (
            SELECT 1 FROM areas AS a WHERE a.id = @area_id AND ST_Intersects(a.geom, p.location)))
      AND (@nis::text IS NULL OR EXISTS (
            SELECT 1 FROM areas AS a WHERE a.level = 'municipality' AND a.code = @nis AND ST_Intersects(a.geom, p.location)))
      AND (@west::float8 IS NULL OR p.location && ST_MakeEnvelope(@west, @south, @east, @north, 4326))
      AND (@text::text IS NULL OR p.name ILIKE '%' || @text || '%' OR p.description ILIKE '%' || @text || '%'
           OR word_similarity(@text, p.name) >= 0.5)
      AND (@organisation_id::uuid IS NULL OR p.organisation_id = @organisation_id)
      -- open at @open_at: opening hours among @open_values (the values that say open then, see
      -- OpenAtValues) or a session under way, as in find_nearest_place_rows.sql
      AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
            SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at))
)
SELECT {place_columns}, (SELECT count(*) FROM matching)::int AS "totalCount"
FROM matching AS p
WHERE @after::uuid IS NULL OR (p.name, p.id) > ((SELECT name FROM places WHERE id = @after), @after)
ORDER BY p.name, p.id
LIMIT @limit
