-- The @limit places nearest to (@lon, @lat) as GraphQL Place rows with their distance, so
-- `nearestPlaces { place { … } }` costs one round trip. Optional filters: kinds, categories, wheelchair
-- access (any of @wheelchair), a maximum distance in metres, and "open at @open_at" (opening hours among @open_values, the values that say
-- open then — see OpenAtValues — or a session under way). Distances are on the WGS 84 spheroid
-- (geography), never degrees.
-- The GiST KNN operator `<->` on geography orders by *sphere* distance, which differs from the
-- spheroid distance by under 0.6 % (the Earth's radii of curvature lie within 6,335–6,400 km, the
-- sphere's is 6,371 km). So the index supplies @limit + 3 candidates in sphere order and they are
-- ranked by spheroid distance. That ranking is exact when the index ran out of matching places, or
-- when the farthest candidate on the sphere lies more than 1 % (plus 1 m: ST_DWithin and ST_Distance
-- round differently at the edge) beyond the @limit-th on the spheroid: every place the index did not
-- return is at least as far on the sphere, so farther on the spheroid. Otherwise (places tied at one
-- spot, say) an index-assisted ST_DWithin over that radius gives the exact answer. The spare three
-- candidates replace that second pass, which read every place in the radius again (at 100,000 places
-- and a 2 % category, some 1,000 rows where the index read 500: the bulk of the search's p99).
WITH candidates AS (
    -- @limit + 3 matching places in sphere-distance order, straight from the geog GiST index
    SELECT p.id,
           p.geog <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography AS sphere_metres,
           ST_Distance(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS metres
      FROM places AS p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
       AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
       AND (@max_distance::float8 IS NULL
            OR ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @max_distance::float8))
       AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
            SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at::timestamptz))
     ORDER BY p.geog <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography
     LIMIT @limit + 3
),
ranked AS (
    SELECT c.id, c.metres FROM candidates AS c ORDER BY c.metres, c.id LIMIT @limit
),
search_radius AS (
    -- spheroid distance of the @limit-th ranked candidate: at least @limit matching places lie within it
    SELECT max(r.metres) AS metres,
           (SELECT count(*) FROM candidates) < @limit + 3
           OR (SELECT max(c.sphere_metres) FROM candidates AS c) > max(r.metres) * 1.01 + 1.0 AS settled
      FROM ranked AS r
)
SELECT {place_columns}, r.metres AS "distanceMeters"
  FROM ranked AS r
  JOIN places AS p ON p.id = r.id
 WHERE (SELECT settled FROM search_radius)
UNION ALL
SELECT {place_columns},
       ST_Distance(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS "distanceMeters"
  FROM places AS p
 CROSS JOIN search_radius AS r
 WHERE NOT r.settled
   AND ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, r.metres + 1.0)
   AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
   AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
   AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
   AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
        SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at::timestamptz))
 ORDER BY "distanceMeters", "uuid"
 LIMIT @limit
