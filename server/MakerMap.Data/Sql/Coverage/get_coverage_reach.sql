-- How many matching places (coverage_places(): mobile deployments on @on_date included) lie within
-- @metres of the area, and the part of the area farther than that from all of them (null when
-- nothing is left).
WITH area AS (
    -- the analysed area
    SELECT ST_SetSRID(ST_GeomFromGeoJSON(@area::text), 4326) AS g
),
near AS (
    -- matching places that reach into the area
    SELECT m.geog
      FROM coverage_places(@kinds::text[], @categories::text[], @on_date::date) m, area
     WHERE ST_DWithin(m.geog, area.g::geography, @metres::float8)
),
reach AS (
    -- everything within @metres of one of them
    SELECT ST_Union(ST_Buffer(near.geog, @metres::float8)::geometry) AS g FROM near
),
rest AS (
    -- the area minus that reach
    SELECT CASE WHEN reach.g IS NULL THEN area.g
                ELSE ST_CollectionExtract(ST_Difference(area.g, reach.g), 3) END AS g
      FROM area, reach
)
SELECT (SELECT count(*) FROM near)::int AS places_considered,
       CASE WHEN ST_IsEmpty(rest.g) THEN NULL ELSE ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Multi(rest.g))) END AS uncovered
  FROM rest;
