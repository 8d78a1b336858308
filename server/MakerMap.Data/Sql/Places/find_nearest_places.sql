-- Nearest places to (@lon, @lat), optionally filtered by kinds, categories and a maximum distance
-- in metres. Distances are on the WGS 84 spheroid (geography), never degrees.
-- The GiST KNN operator `<->` on geography orders by *sphere* distance, which can differ from the
-- spheroid distance by up to ~0.5 %. So the index only supplies @limit candidates; the farthest of
-- them (spheroid) bounds a radius that must contain the true @limit nearest, and an index-assisted
-- ST_DWithin over that radius (plus 1 m: ST_DWithin and ST_Distance round differently at the
-- edge) gives the exact answer, ordered by ST_Distance.
WITH candidates AS (
    -- @limit places in sphere-distance order, straight from the geog GiST index
    SELECT p.geog
      FROM places p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
       AND (@max_distance::float8 IS NULL
            OR ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, @max_distance::float8))
     ORDER BY p.geog <-> ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography
     LIMIT @limit
),
search_radius AS (
    -- spheroid distance of the farthest candidate: at least @limit places lie within it
    SELECT max(ST_Distance(c.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography)) AS metres
      FROM candidates c
)
SELECT p.id, p.slug, p.name, p.kind, p.categories, ST_AsBinary(p.location) AS location_wkb,
       p.location_precision, p.street_address, p.postal_code, p.locality, p.website, p.opening_hours,
       p.wheelchair, p.organisation_id, p.source_code,
       ST_Distance(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography) AS distance_m
  FROM places p
 CROSS JOIN search_radius r
 WHERE ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography, r.metres + 1.0)
   AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
   AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
 ORDER BY distance_m, p.id
 LIMIT @limit;
