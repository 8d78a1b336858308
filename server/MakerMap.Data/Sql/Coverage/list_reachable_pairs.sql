-- Which candidate sites reach which uncovered population points within @metres (0-based indexes),
-- the input of the greedy site choice. The points come as arrays, so no index helps; comparing
-- every candidate with every point is quadratic (84 million pairs for Flanders' sectors). Instead
-- both are put on a grid of cells at least @metres wide and only points in the same or a
-- neighbouring cell are measured, a hash join.
WITH candidates AS (
    -- candidate sites, 1-based ordinals
    SELECT i, lon, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
      FROM unnest(@candidate_lons::float8[], @candidate_lats::float8[]) WITH ORDINALITY AS t(lon, lat, i)
),
demand AS (
    -- uncovered population points, 1-based ordinals
    SELECT j, lon, lat, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
      FROM unnest(@demand_lons::float8[], @demand_lats::float8[]) WITH ORDINALITY AS t(lon, lat, j)
),
cell AS (
    -- Cell size in degrees. A path of length d changes latitude by at most d / 110,574 m (the
    -- shortest degree of latitude) and stays below the points' highest latitude plus that; there a
    -- degree of longitude is at least 111,319 m × cos(latitude). Cells that size in both directions
    -- therefore never separate two points within @metres by more than one cell. Points near the
    -- antimeridian (none in Belgium) would need a wrap-around.
    SELECT @metres::float8 / 110000 AS dlat,
           @metres::float8 / (111000 * cos(radians(least(89.9, max(abs(lat)) + @metres::float8 / 110000)))) AS dlon
      FROM (SELECT lat FROM candidates UNION ALL SELECT lat FROM demand) AS points
),
candidate_cells AS (
    -- each candidate's cell
    SELECT c.i, c.g, floor(c.lon / cell.dlon)::bigint AS cx, floor(c.lat / cell.dlat)::bigint AS cy
      FROM candidates c, cell
),
demand_cells AS (
    -- the nine cells around each uncovered point
    SELECT d.j, d.g, floor(d.lon / cell.dlon)::bigint + dx AS cx, floor(d.lat / cell.dlat)::bigint + dy AS cy
      FROM demand d, cell, generate_series(-1, 1) AS dx, generate_series(-1, 1) AS dy
)
SELECT c.i::int - 1 AS candidate, d.j::int - 1 AS demand
  FROM candidate_cells c
  JOIN demand_cells d ON d.cx = c.cx AND d.cy = c.cy
 WHERE ST_DWithin(c.g, d.g, @metres::float8);
