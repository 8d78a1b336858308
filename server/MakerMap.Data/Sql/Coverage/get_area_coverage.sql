-- Coverage of an area: for every sub-area (statistical sector or neighbourhood) in scope, its
-- residents, the distance in metres to the nearest matching place, and whether that place is
-- within @max_distance metres. Distances are on the WGS 84 spheroid (geography), never degrees.
-- With @on_date, mobile resources deployed that day count as places where they stand.
WITH scope AS (
    -- the polygon the caller drew, if any (WKB from NetTopologySuite or GeoJSON), in WGS 84
    SELECT CASE WHEN @within_wkb::bytea IS NOT NULL THEN ST_SetSRID(ST_GeomFromWKB(@within_wkb::bytea), 4326)
                WHEN @within_geojson::text IS NOT NULL THEN ST_SetSRID(ST_GeomFromGeoJSON(@within_geojson::text), 4326)
           END AS geom
),
sub_areas AS (
    -- Residents' position rule: everyone living in a sub-area is counted at ONE point, the
    -- sub-area's ST_PointOnSurface. Unlike the centroid it always lies inside the polygon (a
    -- crescent-shaped sector's centroid can fall in its neighbour), and it is deterministic. A
    -- sub-area belongs to a drawn polygon when that point lies in it.
    SELECT a.code, a.name, coalesce(a.population, 0) AS population, ST_PointOnSurface(a.geom) AS resident_point
      FROM areas a
     CROSS JOIN scope s
     WHERE a.level = @level
       AND (@municipality_nis::text IS NULL OR a.municipality_nis = @municipality_nis::text)
       AND (s.geom IS NULL OR ST_Intersects(s.geom, ST_PointOnSurface(a.geom)))
),
matching_places AS (
    -- the places that count as coverage
    SELECT p.geog
      FROM places p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
    UNION ALL
    -- mobile resources at their confirmed deployment locations on @on_date (a Europe/Brussels
    -- local day); the resource's home place decides whether it matches the kinds and categories
    SELECT b.deployment_location::geography
      FROM bookings b
      JOIN resources r ON r.id = b.resource_id AND r.is_mobile
      JOIN places p ON p.id = r.home_place_id
     WHERE @on_date::date IS NOT NULL
       AND b.status = 'confirmed'
       AND b.deployment_location IS NOT NULL
       AND b.period && tstzrange(@on_date::date::timestamp AT TIME ZONE 'Europe/Brussels',
                                 (@on_date::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels', '[)')
       AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
)
SELECT sa.code, sa.name, sa.population, ST_AsBinary(sa.resident_point) AS resident_point_wkb,
       nearest.metres AS distance_m,
       -- exact and index-assisted: some matching place within @max_distance metres
       EXISTS (SELECT 1 FROM matching_places m
                WHERE ST_DWithin(m.geog, sa.resident_point::geography, @max_distance::float8)) AS covered
  FROM sub_areas sa
  LEFT JOIN LATERAL (
      -- nearest matching place: `<->` on geography orders by sphere distance, so the 8 nearest
      -- candidates from the GiST index are re-measured on the spheroid and the smallest is kept
      SELECT min(ST_Distance(c.geog, sa.resident_point::geography)) AS metres
        FROM (SELECT m.geog FROM matching_places m
               ORDER BY m.geog <-> sa.resident_point::geography
               LIMIT 8) c
  ) nearest ON TRUE
 ORDER BY sa.code;
