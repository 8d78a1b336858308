-- Recomputes coverage_snapshots: for each municipality, sub-area level and distance, the residents
-- (placed at a point on their sub-area's surface) and those within that distance of any place
-- (coverage_places() with no filter: every place, no mobile deployments).
-- An upsert, so a re-run replaces the figures in place.
WITH sub_area AS (
    -- residents of each neighbourhood or sector at a point on its surface (geography, metres)
    SELECT a.municipality_nis, a.level, a.population::bigint AS population,
           ST_PointOnSurface(a.geom)::geography AS geog
      FROM areas AS a
     WHERE a.level IN ('neighbourhood', 'sector')
       AND a.municipality_nis IS NOT NULL
       AND a.population IS NOT NULL
),
distance AS (
    -- the distances reported
    SELECT unnest(@distances::integer[]) AS metres
),
summary AS (
    -- per municipality, level and distance
    SELECT s.municipality_nis, s.level, d.metres,
           sum(s.population) AS population,
           coalesce(sum(s.population) FILTER (
               WHERE EXISTS (SELECT 1 FROM coverage_places(NULL, NULL, NULL) AS p WHERE ST_DWithin(p.geog, s.geog, d.metres))), 0) AS covered
      FROM sub_area AS s
     CROSS JOIN distance AS d
     GROUP BY s.municipality_nis, s.level, d.metres
)
INSERT INTO coverage_snapshots AS c (municipality_nis, level, distance_m, population, covered_population, computed_at)
SELECT summary.municipality_nis, summary.level, summary.metres, summary.population, summary.covered, @now
  FROM summary
ON CONFLICT (municipality_nis, level, distance_m) DO UPDATE
   SET population = EXCLUDED.population,
       covered_population = EXCLUDED.covered_population,
       computed_at = EXCLUDED.computed_at
