-- Neighbourhood and municipality populations as the sum of their sectors, for the parents that hold
-- at least one sector the refresh just dated. Only sectors with a polygon count (Statbel's
-- not-localisable ZZZZ residents have none); the total is dated by its oldest sector.
WITH
-- by_neighbourhood: sector sums per neighbourhood code
by_neighbourhood AS (
    SELECT 'neighbourhood' AS level, parent_code AS code, sum(population)::integer AS population,
           min(population_reference_date) AS reference_date
      FROM areas
     WHERE level = 'sector' AND parent_code IS NOT NULL AND population IS NOT NULL
     GROUP BY parent_code
    HAVING bool_or(population_reference_date = @reference_date::date)
),
-- by_municipality: sector sums per municipality NIS code
by_municipality AS (
    SELECT 'municipality' AS level, municipality_nis AS code, sum(population)::integer AS population,
           min(population_reference_date) AS reference_date
      FROM areas
     WHERE level = 'sector' AND municipality_nis IS NOT NULL AND population IS NOT NULL
     GROUP BY municipality_nis
    HAVING bool_or(population_reference_date = @reference_date::date)
),
-- totals: both levels in one list
totals AS (
    SELECT * FROM by_neighbourhood
    UNION ALL
    SELECT * FROM by_municipality
),
-- updated: parents whose total or date changes
updated AS (
    UPDATE areas a
       SET population = t.population,
           population_reference_date = t.reference_date
      FROM totals t
     WHERE a.level = t.level
       AND a.code = t.code
       AND (a.population, a.population_reference_date) IS DISTINCT FROM (t.population, t.reference_date)
    RETURNING a.level
)
SELECT level, count(*) AS updated FROM updated GROUP BY level
