-- matching: every filter that was given must hold; rank orders text matches (0 without a text)
WITH matching AS (
    SELECT p.*, CASE WHEN @text::text IS NULL THEN 0
                     ELSE place_search_rank(fold_for_search(@text::text), p.name, p.description) END AS rank
    FROM places AS p
    WHERE (@kinds::text[] IS NULL OR p.kind = ANY(@kinds))
      AND (@categories::text[] IS NULL OR p.categories && @categories)
      AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
      AND (@locality::text IS NULL OR lower(p.locality) = lower(@locality))
      AND (@area_id::uuid IS NULL OR EXISTS (
            SELECT 1 FROM areas AS a WHERE a.id = @area_id AND ST_Intersects(a.geom, p.location)))
      AND (@nis::text IS NULL OR EXISTS (
            SELECT 1 FROM areas AS a WHERE a.level = 'municipality' AND a.code = @nis AND ST_Intersects(a.geom, p.location)))
      AND (@west::float8 IS NULL OR p.location && ST_MakeEnvelope(@west, @south, @east, @north, 4326))
      -- text: a substring of the folded name or description, or a close word (pg_trgm's <%, word
      -- similarity >= 0.6), both answered by the trigram index on place_search_text (migration 0018)
      AND (@text::text IS NULL OR place_search_text(p.name, p.description) LIKE search_like_pattern(@text::text)
           OR fold_for_search(@text::text) <% place_search_text(p.name, p.description))
      AND (@organisation_id::uuid IS NULL OR p.organisation_id = @organisation_id)
      -- open at @open_at: opening hours among @open_values (the values that say open then, see
      -- OpenAtValues) or a session under way, as in find_nearest_place_rows.sql
      AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
            SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at))
)
SELECT {place_columns}, (SELECT count(*) FROM matching)::int AS "totalCount"
FROM matching AS p
-- keyset after the cursor's place: best rank first, then name, then id
WHERE @after::uuid IS NULL OR (-p.rank, p.name, p.id) > (
      SELECT CASE WHEN @text::text IS NULL THEN 0
                  ELSE -place_search_rank(fold_for_search(@text::text), a.name, a.description) END, a.name, a.id
        FROM places AS a WHERE a.id = @after)
ORDER BY p.rank DESC, p.name, p.id
LIMIT @limit
