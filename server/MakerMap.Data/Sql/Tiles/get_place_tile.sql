-- One Mapbox Vector Tile (one layer, @layer) with the places inside tile @z/@x/@y that pass the
-- filters. Up to the clustering zoom (@cluster) the tile is cut into @cells × @cells cells and each
-- cell holding two or more places becomes one cluster feature: its count (point_count), its count per
-- kind (REPAIR_CAFE, GIVE_BOX, ... as numbers, kinds with none left out), the bounding box of its
-- places in WGS 84 (west, south, east, north: a click zooms there) at the mean position of its places.
-- A cell with one place shows the place itself. Cells never cross a tile edge and a place belongs to
-- exactly one tile (half-open cells), so the counts of a tile add up to the places in it and a tile
-- holds at most @cells² clusters whatever the number of places.
-- A single place's properties come from place_tile_properties() (migration 0026), shared with
-- get_place_grid_tile.sql.
-- Filters (NULL = any): @kinds, @categories (at least one), @wheelchair (any of these values), and @open_at with
-- @open_values (opening hours that say open then, or a session under way, as page_places.sql).
WITH
-- reach: the tile in WGS 84, for the places' GiST index (a Mercator rectangle is a lon/lat rectangle)
reach AS (
    SELECT ST_Transform(ST_TileEnvelope(@z, @x, @y), 4326) AS box
),
-- matching: the places in the tile that pass the filters, at their position in tile pixels (0..4096,
-- y down). Web Mercator by its formula rather than ST_Transform: the same numbers, several times
-- faster on the 100,000 points of a low-zoom tile.
matching AS (
    SELECT p.id, p.kind, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
           ((ST_X(p.location) + 180) / 360 * 2 ^ @z - @x) * 4096 AS px,
           ((1 - ln(tan(radians(ST_Y(p.location))) + 1 / cos(radians(ST_Y(p.location)))) / pi()) / 2 * 2 ^ @z - @y) * 4096 AS py
      FROM places AS p
     CROSS JOIN reach AS r
     WHERE p.location && r.box
       AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
       AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
       AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
       AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
             SELECT 1 FROM slots AS s WHERE s.place_id = p.id AND NOT s.is_cancelled AND s.period @> @open_at::timestamptz))
),
-- inside: each place's cell; half-open, so a place on the edge between two tiles is in one of them only
inside AS (
    SELECT id, kind, lon, lat, px, py,
           floor(px * @cells / 4096)::int AS cx, floor(py * @cells / 4096)::int AS cy,
           CASE WHEN @cluster THEN NULL ELSE id END AS own
      FROM matching
     WHERE px >= 0 AND px < 4096 AND py >= 0 AND py < 4096
),
-- groups: one per cell when clustering, one per place above the clustering zoom
groups AS (
    SELECT cx, cy, own, count(*)::int AS n, avg(px) AS px, avg(py) AS py,
           min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north
      FROM inside
     GROUP BY cx, cy, own
),
-- kind_counts: each cluster's places per kind, as {"REPAIR_CAFE": 12, ...}
kind_counts AS (
    SELECT cx, cy, jsonb_object_agg(kind, n) AS kinds
      FROM (SELECT cx, cy, upper(kind) AS kind, count(*)::int AS n FROM inside WHERE @cluster GROUP BY cx, cy, kind) AS k
     GROUP BY cx, cy
),
-- features: clusters, then single places, in a stable order so equal data gives equal bytes (ETag);
-- points already in tile pixels go into the tile as they are (what ST_AsMVTGeom would return)
features AS (
    SELECT ST_MakePoint(round(g.px), round(g.py)) AS geom,
           jsonb_build_object(
               'id', format('cluster/%s/%s/%s', @z, @x::bigint * @cells + g.cx, @y::bigint * @cells + g.cy),
               'point_count', g.n,
               'west', g.west, 'south', g.south, 'east', g.east, 'north', g.north) || k.kinds AS properties,
           0 AS single, g.cy AS row_, g.cx AS column_, '' AS name, '' AS slug
      FROM groups AS g
      JOIN kind_counts AS k ON k.cx = g.cx AND k.cy = g.cy
     WHERE g.n > 1
    UNION ALL
    SELECT ST_MakePoint(round(i.px), round(i.py)),
           place_tile_properties(p),
           1, 0, 0, p.name, p.slug
      FROM inside AS i
      JOIN (SELECT cx, cy, own FROM groups WHERE n = 1) AS g ON g.cx = i.cx AND g.cy = i.cy AND (g.own IS NULL OR g.own = i.id)
      JOIN places AS p ON p.id = i.id
)
SELECT ST_AsMVT(tile_features, @layer, 4096, 'geom')
  FROM (SELECT geom, properties FROM features ORDER BY single, row_, column_, name, slug) AS tile_features;
