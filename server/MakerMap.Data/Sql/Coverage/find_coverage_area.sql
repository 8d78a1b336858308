-- The area a coverage report analyses: a municipality by NIS code, or any stored area by id, with
-- the NIS codes of the municipalities it consists of (null for a neighbourhood or sector, which are
-- analysed as polygons): a province's are its children, a region's its own and its provinces'.
SELECT a.id, a.level, a.code, a.name, ST_AsGeoJSON(ST_ForcePolygonCCW(a.geom)) AS geojson,
       CASE WHEN a.level = 'municipality' THEN ARRAY[a.code]
            WHEN a.level IN ('province', 'region') THEN ARRAY(
                SELECT m.code
                  FROM areas m
                 WHERE m.level = 'municipality'
                   AND (m.parent_code = a.code
                        OR m.parent_code IN (SELECT p.code FROM areas p WHERE p.level = 'province' AND p.parent_code = a.code))
                 ORDER BY m.code)
       END AS municipalities
  FROM areas a
 WHERE (@municipality_code::text IS NOT NULL AND a.level = 'municipality' AND a.code = @municipality_code::text)
    OR a.id = @area_id::uuid
 LIMIT 1;
