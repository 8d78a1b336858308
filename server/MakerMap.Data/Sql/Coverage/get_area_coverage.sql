-- Coverage of an area: for every sub-area (statistical sector or neighbourhood) in scope, its
-- residents, the nearest matching place and its distance in metres, and whether a matching place
-- is within @max_distance metres; with the sub-area's id and the date of its count. Distances are
-- on the WGS 84 spheroid (geography), never degrees.
-- Which places count is coverage_places() (migration 0021): with @on_date, mobile resources
-- deployed that day count where they stand. @municipalities limits the sub-areas to those of the
-- given municipalities (a municipality, province or region); @within or @within_geojson to a
-- drawn polygon.
WITH scope AS (
    -- the polygon the caller drew, if any (a NetTopologySuite geometry or GeoJSON), in WGS 84
    SELECT CASE WHEN @within::geometry IS NOT NULL THEN ST_SetSRID(@within::geometry, 4326)
                WHEN @within_geojson::text IS NOT NULL THEN ST_SetSRID(ST_GeomFromGeoJSON(@within_geojson::text), 4326)
           END AS geom
),
sub_areas AS (
    -- Residents' position rule: everyone living in a sub-area is counted at ONE point, the
    -- sub-area's ST_PointOnSurface. Unlike the centroid it always lies inside the polygon (a
    -- crescent-shaped sector's centroid can fall in its neighbour), and it is deterministic. A
    -- sub-area belongs to a drawn polygon when that point lies in it.
    SELECT a.id, a.code, a.name, coalesce(a.population, 0) AS population, a.population_reference_date,
           ST_PointOnSurface(a.geom) AS resident_point
      FROM areas a
     CROSS JOIN scope s
     WHERE a.level = @level
       AND (@municipalities::text[] IS NULL OR a.municipality_nis = ANY (@municipalities::text[]))
       AND (s.geom IS NULL OR ST_Intersects(s.geom, ST_PointOnSurface(a.geom)))
)
SELECT sa.code, sa.name, sa.population, sa.resident_point,
       nearest.metres AS distance_m,
       -- exact and index-assisted: some matching place within @max_distance metres
       EXISTS (SELECT 1 FROM coverage_places(@kinds::text[], @categories::text[], @on_date::date) m
                WHERE ST_DWithin(m.geog, sa.resident_point::geography, @max_distance::float8)) AS covered,
       sa.id AS area_id, nearest.place_id AS nearest_place_id, sa.population_reference_date
  FROM sub_areas sa
  LEFT JOIN LATERAL (
      -- nearest matching place: `<->` on geography orders by sphere distance, so the 8 nearest
      -- candidates from the GiST index are re-measured on the spheroid and the closest is kept,
      -- ties by place id (a deployed mobile resource links to its home place)
      SELECT c.place_id, ST_Distance(c.geog, sa.resident_point::geography) AS metres
        FROM (SELECT m.place_id, m.geog FROM coverage_places(@kinds::text[], @categories::text[], @on_date::date) m
               ORDER BY m.geog <-> sa.resident_point::geography
               LIMIT 8) c
       ORDER BY metres, c.place_id
       LIMIT 1
  ) nearest ON TRUE
 ORDER BY sa.code;
