-- One Mapbox Vector Tile (one layer, @layer) with the areas of @level that touch tile @z/@x/@y.
-- Properties: code, name, population (omitted when unknown) and level as the GraphQL AreaLevel name.
WITH
-- bounds: the tile, the tile grown by the 64-pixel buffer (which features to take), and the size of
-- one of the tile's 4096 pixels in metres (the simplification tolerance)
bounds AS (
    SELECT ST_TileEnvelope(@z, @x, @y) AS tile,
           ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096) AS reach,
           40075016.68557849 / (4096 * 2 ^ @z::integer) AS pixel
),
-- features: simplified to one pixel first (ST_AsMVTGeom's clipping and validation cost grows with
-- the vertex count, so this halves low-zoom tiles' time and size), then clipped and quantised
features AS (
    SELECT ST_AsMVTGeom(ST_Simplify(a.geom_3857, b.pixel, false), b.tile, 4096, 64, true) AS geom,
           a.code,
           a.name,
           a.population,
           upper(a.level) AS level
      FROM areas AS a
     CROSS JOIN bounds AS b
     WHERE a.level = @level
       AND a.geom_3857 && b.reach
)
SELECT ST_AsMVT(features, @layer, 4096, 'geom')
  FROM features
 WHERE features.geom IS NOT NULL;
