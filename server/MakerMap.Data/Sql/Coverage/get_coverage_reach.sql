-- How many matching places (mobile deployments on @on_date included) lie within @metres of the
-- area, and the part of the area farther than that from all of them (null when nothing is left).
WITH area AS (
    -- the analysed area
    SELECT ST_SetSRID(ST_GeomFromGeoJSON(@area::text), 4326) AS g
),
matching_places AS (
    -- the places that count as coverage, as in get_area_coverage.sql
    SELECT p.geog
      FROM places p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
    UNION ALL
    -- mobile resources at their confirmed deployment locations on @on_date (Europe/Brussels day)
    SELECT b.deployment_location::geography
      FROM bookings b
      JOIN resources r ON r.id = b.resource_id AND r.is_mobile
      JOIN places p ON p.id = r.home_place_id
     WHERE @on_date::date IS NOT NULL
       AND b.status = 'confirmed'
       AND b.deployment_location IS NOT NULL
       AND b.period && tstzrange(@on_date::date::timestamp AT TIME ZONE 'Europe/Brussels',
                                 (@on_date::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels', '[)')
       AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
),
near AS (
    -- matching places that reach into the area
    SELECT m.geog FROM matching_places m, area WHERE ST_DWithin(m.geog, area.g::geography, @metres::float8)
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
