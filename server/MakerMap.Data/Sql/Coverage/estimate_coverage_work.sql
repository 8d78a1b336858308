-- What a coverage report would weigh, to refuse one that is too large before running it: the
-- sub-areas of @level in scope (those of @municipalities, or all whose box meets the area's box)
-- and the matching places within @metres of the area's bounding box. Both are upper estimates
-- from the GiST indexes, so the check costs milliseconds even for a region.
WITH area AS (
    -- the area's bounding box in WGS 84
    SELECT ST_Envelope(ST_SetSRID(ST_GeomFromGeoJSON(@area::text), 4326)) AS box
)
SELECT (SELECT count(*)
          FROM areas a, area
         WHERE a.level = @level::text
           AND (@municipalities::text[] IS NULL OR a.municipality_nis = ANY (@municipalities::text[]))
           AND a.geom && area.box) AS sub_areas,
       (SELECT count(*)
          FROM coverage_places(@kinds::text[], @categories::text[], @on_date::date) m, area
         WHERE ST_DWithin(m.geog, area.box::geography, @metres::float8)) AS places;
