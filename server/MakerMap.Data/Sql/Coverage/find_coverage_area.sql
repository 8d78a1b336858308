-- The area a coverage report analyses: a municipality by NIS code, or any stored area by id.
SELECT a.id, a.level, a.code, a.name, ST_AsGeoJSON(ST_ForcePolygonCCW(a.geom)) AS geojson
  FROM areas a
 WHERE (@municipality_code::text IS NOT NULL AND a.level = 'municipality' AND a.code = @municipality_code::text)
    OR a.id = @area_id::uuid
 LIMIT 1;
