-- The @limit places nearest to (@lon, @lat) as GraphQL Place rows with their distance, so
-- `nearestPlaces { place { … } }` costs one round trip. Optional filters: kinds, categories, wheelchair
-- access (any of @wheelchair), a maximum distance in metres, and "open at @open_at" (opening hours among @open_values, the values that say
-- open then — see OpenAtValues — or a session under way). Distances are on the WGS 84 spheroid
-- (geography), never degrees.
-- The GiST KNN operator `<->` on geography orders by *sphere* distance, which can differ from the
-- spheroid distance by up to ~0.5 %. So the index only supplies @limit candidates; the farthest of
-- them (spheroid) bounds a radius that must contain the true @limit nearest, and an index-assisted
-- ST_DWithin over that radius (plus 1 m: ST_DWithin and ST_Distance round differently at the
-- edge) gives the exact answer, ordered by ST_Distance.
WITH candidates AS (
    -- @limit matching places in sphere-distance order, straight from the geog GiST index
    SELECT p.geog
      FROM places AS p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
       AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
       AND (@max_distance::float8 IS NULL
            OR ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @max_distance::float8))
       AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
            SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at::timestamptz))
     ORDER BY p.geog <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography
     LIMIT @limit
),
search_radius AS (
    -- spheroid distance of the farthest candidate: at least @limit matching places lie within it
    SELECT max(ST_Distance(c.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography)) AS metres
      FROM candidates AS c
)
SELECT {place_columns},
       ST_Distance(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS "distanceMeters"
  FROM places AS p
 CROSS JOIN search_radius AS r
 WHERE ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, r.metres + 1.0)
   AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
   AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
   AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
   AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
        SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at::timestamptz))
 ORDER BY "distanceMeters", p.id
 LIMIT @limit
