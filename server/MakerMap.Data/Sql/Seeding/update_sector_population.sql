-- Sector populations from the staged Statbel file, then how the file and the sectors matched.
WITH
-- updated: sectors whose population or reference date changes
updated AS (
    UPDATE areas a
       SET population = s.population,
           population_reference_date = @reference_date
      FROM seed_sector_population s
     WHERE a.level = 'sector'
       AND a.code = s.code
       AND (a.population, a.population_reference_date) IS DISTINCT FROM (s.population, @reference_date::date)
    RETURNING a.code
)
SELECT (SELECT count(*) FROM updated) AS updated,
       (SELECT count(*) FROM seed_sector_population s
         WHERE EXISTS (SELECT 1 FROM areas a WHERE a.level = 'sector' AND a.code = s.code)) AS matched,
       (SELECT count(*) FROM seed_sector_population s
         WHERE NOT EXISTS (SELECT 1 FROM areas a WHERE a.level = 'sector' AND a.code = s.code)) AS file_rows_without_sector,
       (SELECT count(*) FROM areas a
         WHERE a.level = 'sector'
           AND NOT EXISTS (SELECT 1 FROM seed_sector_population s WHERE s.code = a.code)) AS sectors_without_file_row
