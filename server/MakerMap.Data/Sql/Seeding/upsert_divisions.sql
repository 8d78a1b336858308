-- Provinces and regions (@levels, @codes, @names, @parent_codes: one entry per division) as areas
-- built from the stored municipalities: the union of their polygons and the sum of their residents,
-- dated by the oldest count. A province's municipalities are those whose parent_code names it; a
-- region's are its own (Brussels' 19) and those of its provinces. Divisions without municipalities
-- are left out, and a division is only written when it differs, as in upsert_areas.sql.
WITH
-- division: the divisions asked for
division AS (
    SELECT * FROM unnest(@levels::text[], @codes::text[], @names::text[], @parent_codes::text[]) AS t(level, code, name, parent_code)
),
-- member: each division's municipalities
member AS (
    SELECT d.level, d.code, m.geom, m.population, m.population_reference_date
      FROM division d
      JOIN areas m ON m.level = 'municipality'
                  AND (m.parent_code = d.code
                       OR m.parent_code IN (SELECT p.code FROM division p WHERE p.parent_code = d.code))
),
-- unioned: union and totals per division
unioned AS (
    SELECT d.level, d.code, d.name, d.parent_code,
           ST_Union(m.geom) AS geom,
           sum(m.population)::integer AS population,
           min(m.population_reference_date) AS population_reference_date
      FROM division d
      JOIN member m ON m.level = d.level AND m.code = d.code
     GROUP BY d.level, d.code, d.name, d.parent_code
),
-- built: the union without its slivers. Simplified municipality boundaries do not meet exactly, so
-- the union has hundreds of holes a metre or two wide where neighbours part; real holes (Brussels
-- in Flanders, the Dutch enclaves in Baarle-Hertog) are tens of metres wide and more. A hole is
-- dropped when its mean width (2 × area / perimeter) is under 10 m.
built AS (
    SELECT u.level, u.code, u.name, u.parent_code, u.population, u.population_reference_date,
           ST_Multi(ST_Collect(ST_MakePolygon(ST_ExteriorRing(part.geom), ARRAY(
               SELECT ST_InteriorRingN(part.geom, n)
                 FROM generate_series(1, ST_NumInteriorRings(part.geom)) AS n
                WHERE 2 * ST_Area(ST_MakePolygon(ST_InteriorRingN(part.geom, n))::geography)
                      >= 10 * ST_Perimeter(ST_MakePolygon(ST_InteriorRingN(part.geom, n))::geography))))) AS geom
      FROM unioned u, ST_Dump(u.geom) AS part
     GROUP BY u.level, u.code, u.name, u.parent_code, u.population, u.population_reference_date
),
-- named: the region name the municipalities' files use (the division's own name for a region)
named AS (
    SELECT b.*, CASE WHEN b.level = 'region' THEN b.name ELSE r.name END AS region
      FROM built b
      LEFT JOIN division r ON r.level = 'region' AND r.code = b.parent_code
),
-- upserted: insert new divisions, update changed ones, leave identical ones alone
upserted AS (
    INSERT INTO areas AS a (level, code, name, municipality_nis, parent_code, region, geom,
                            population, population_reference_date, source_code)
    SELECT level, code, name, NULL, parent_code, region, geom, population, population_reference_date, @source_code::text
      FROM named
    ON CONFLICT (level, code) DO UPDATE
       SET name = EXCLUDED.name,
           parent_code = EXCLUDED.parent_code,
           region = EXCLUDED.region,
           geom = EXCLUDED.geom,
           population = EXCLUDED.population,
           population_reference_date = EXCLUDED.population_reference_date,
           source_code = EXCLUDED.source_code
     WHERE (a.name, a.parent_code, a.region, a.geom, a.population, a.population_reference_date, a.source_code)
           IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.parent_code, EXCLUDED.region, EXCLUDED.geom, EXCLUDED.population,
            EXCLUDED.population_reference_date, EXCLUDED.source_code)
    RETURNING a.level, (xmax = 0) AS inserted
)
SELECT level,
       count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
  FROM upserted
 GROUP BY level
