-- For each sub-area population point: its stored area row, the nearest matching place within
-- 50 km and the date of its population count. A mobile resource deployed on @on_date counts at
-- its deployment location and links to its home place (the Place a client can show).
WITH points AS (
    -- the sub-areas' population points
    SELECT * FROM unnest(@codes::text[], @lons::float8[], @lats::float8[]) AS t(code, lon, lat)
),
matching_places AS (
    -- the places that count as coverage, as in get_area_coverage.sql
    SELECT p.id AS place_id, p.geog
      FROM places p
     WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
    UNION ALL
    -- mobile resources at their confirmed deployment locations on @on_date (Europe/Brussels day)
    SELECT p.id, b.deployment_location::geography
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
)
SELECT pt.code, a.id AS area_id, n.place_id, a.population_reference_date
  FROM points pt
  LEFT JOIN areas a ON a.level = @level AND a.code = pt.code
  LEFT JOIN LATERAL (
      -- the nearest matching place, ties by id
      SELECT m.place_id
        FROM matching_places m
       WHERE ST_DWithin(m.geog, ST_SetSRID(ST_MakePoint(pt.lon, pt.lat), 4326)::geography, 50000)
       ORDER BY ST_Distance(m.geog, ST_SetSRID(ST_MakePoint(pt.lon, pt.lat), 4326)::geography), m.place_id
       LIMIT 1
  ) n ON TRUE;
