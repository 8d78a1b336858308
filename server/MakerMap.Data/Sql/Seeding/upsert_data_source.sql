-- One data_sources row by its code; an identical row is left alone so a second load changes nothing.
INSERT INTO data_sources AS d (code, title, url, licence, attribution, reference_date)
VALUES (@code, @title, @url, @licence, @attribution, @reference_date)
ON CONFLICT (code) DO UPDATE
   SET title = EXCLUDED.title,
       url = EXCLUDED.url,
       licence = EXCLUDED.licence,
       attribution = EXCLUDED.attribution,
       reference_date = EXCLUDED.reference_date
 WHERE (d.title, d.url, d.licence, d.attribution, d.reference_date)
       IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.url, EXCLUDED.licence, EXCLUDED.attribution, EXCLUDED.reference_date)
RETURNING (xmax = 0) AS inserted
