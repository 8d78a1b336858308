-- A clustered places tile (zoom @z ≤ 9) read from place_tile_grid (migrations 0022, 0026) instead of
-- from the places: the same features, properties and order as get_place_tile.sql with @cluster, for a
-- filter of kinds and wheelchair access only (@kinds, @wheelchair, NULL = any). The caller runs
-- refresh_place_tile_grid() first.
-- The tile's 8 × 8 cells are the grid's cells @x*8 .. @x*8+7 by @y*8 .. @y*8+7 at this zoom.
WITH
cells AS (
    SELECT g.cx - @x * 8 AS cx, g.cy - @y * 8 AS cy, g.kind, g.place_count, g.sum_x, g.sum_y,
           g.west, g.south, g.east, g.north, g.only_place
      FROM place_tile_grid AS g
     WHERE g.zoom = @z
       AND g.cx >= @x * 8 AND g.cx < @x * 8 + 8
       AND g.cy >= @y * 8 AND g.cy < @y * 8 + 8
       AND (@kinds::text[] IS NULL OR g.kind = ANY (@kinds::text[]))
       AND (@wheelchair::text[] IS NULL OR g.wheelchair = ANY (@wheelchair::text[]))
),
-- groups: one per cell; a cell of one place keeps that place
groups AS (
    SELECT cx, cy, sum(place_count)::int AS n,
           sum(sum_x) / sum(place_count) AS mean_x, sum(sum_y) / sum(place_count) AS mean_y,
           min(west) AS west, min(south) AS south, max(east) AS east, max(north) AS north,
           CASE WHEN sum(place_count) = 1 THEN (array_agg(only_place))[1] END AS only_place
      FROM cells
     GROUP BY cx, cy
),
-- kind_counts: each cell's places per kind, summed over the wheelchair values the filter keeps
kind_counts AS (
    SELECT cx, cy, jsonb_object_agg(upper(kind), n) AS kinds
      FROM (SELECT cx, cy, kind, sum(place_count)::int AS n FROM cells GROUP BY cx, cy, kind) AS k
     GROUP BY cx, cy
),
features AS (
    SELECT ST_MakePoint(round((g.mean_x * 2 ^ @z - @x) * 4096), round((g.mean_y * 2 ^ @z - @y) * 4096)) AS geom,
           jsonb_build_object(
               'id', format('cluster/%s/%s/%s', @z, @x::bigint * 8 + g.cx, @y::bigint * 8 + g.cy),
               'point_count', g.n,
               'west', g.west, 'south', g.south, 'east', g.east, 'north', g.north) || k.kinds AS properties,
           0 AS single, g.cy AS row_, g.cx AS column_, '' AS name, '' AS slug
      FROM groups AS g
      JOIN kind_counts AS k ON k.cx = g.cx AND k.cy = g.cy
     WHERE g.n > 1
    UNION ALL
    SELECT ST_MakePoint(
               round(((ST_X(p.location) + 180) / 360 * 2 ^ @z - @x) * 4096),
               round(((1 - ln(tan(radians(ST_Y(p.location))) + 1 / cos(radians(ST_Y(p.location)))) / pi()) / 2 * 2 ^ @z - @y) * 4096)),
           place_tile_properties(p),
           1, 0, 0, p.name, p.slug
      FROM groups AS g
      JOIN places AS p ON p.id = g.only_place
     WHERE g.n = 1
)
SELECT ST_AsMVT(tile_features, @layer, 4096, 'geom')
  FROM (SELECT geom, properties FROM features ORDER BY single, row_, column_, name, slug) AS tile_features;
