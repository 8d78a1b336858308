-- Every staged area in one statement, keyed by (level, code). A newer population already in the
-- table (an operator's refresh from a later Statbel file) is kept rather than replaced by the older
-- one in the seed files.
WITH
-- parsed: GeoJSON text to a MultiPolygon in WGS 84
parsed AS (
    SELECT s.*, ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(s.geometry), 4326)) AS g
      FROM seed_areas s
),
-- repaired: ST_MakeValid only where a simplified polygon turned out invalid; a geometry equal to the
-- stored one is valid already (the table's CHECK says so), which spares a repeated load the test
repaired AS (
    SELECT p.*,
           CASE WHEN p.g = a.geom OR ST_IsValid(p.g) THEN p.g
                ELSE ST_Multi(ST_CollectionExtract(ST_MakeValid(p.g), 3)) END AS geom
      FROM parsed p
      LEFT JOIN areas a ON a.level = p.level AND a.code = p.code
),
-- upserted: insert new areas, update changed ones, leave identical ones alone
upserted AS (
    INSERT INTO areas AS a (level, code, name, municipality_nis, parent_code, region, geom,
                            population, population_reference_date, source_code)
    SELECT level, code, name, municipality_nis, parent_code, region, geom,
           population, population_reference_date, source_code
      FROM repaired
    ON CONFLICT (level, code) DO UPDATE
       SET name = EXCLUDED.name,
           municipality_nis = EXCLUDED.municipality_nis,
           parent_code = EXCLUDED.parent_code,
           region = EXCLUDED.region,
           geom = EXCLUDED.geom,
           population = CASE WHEN a.population_reference_date > EXCLUDED.population_reference_date
                             THEN a.population ELSE EXCLUDED.population END,
           population_reference_date = GREATEST(a.population_reference_date, EXCLUDED.population_reference_date),
           source_code = EXCLUDED.source_code
     WHERE (a.name, a.municipality_nis, a.parent_code, a.region, a.geom, a.source_code,
            a.population, a.population_reference_date)
           IS DISTINCT FROM
           (EXCLUDED.name, EXCLUDED.municipality_nis, EXCLUDED.parent_code, EXCLUDED.region, EXCLUDED.geom, EXCLUDED.source_code,
            CASE WHEN a.population_reference_date > EXCLUDED.population_reference_date
                 THEN a.population ELSE EXCLUDED.population END,
            GREATEST(a.population_reference_date, EXCLUDED.population_reference_date))
    RETURNING a.level, (xmax = 0) AS inserted
)
SELECT level,
       count(*) FILTER (WHERE inserted) AS inserted,
       count(*) FILTER (WHERE NOT inserted) AS updated
  FROM upserted
 GROUP BY level
