-- One Mapbox Vector Tile (layer @layer) with the street edges that touch tile @z/@x/@y. Which edges a
-- zoom gets follows the class (major roads from zoom 10, secondary from 11, every road from 13,
-- footways and paths from 14), so an overview tile of the city stays small. Properties: class
-- (major, secondary, minor, path), highway (the OpenStreetMap value) and, from zoom 13 where labels
-- are drawn, name.
WITH
-- bounds: the tile, the tile grown by the 64-pixel buffer, and one pixel in metres
bounds AS (
    SELECT ST_TileEnvelope(@z, @x, @y) AS tile,
           ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096) AS reach,
           40075016.68557849 / (4096 * 2 ^ @z::integer) AS pixel
),
-- features: edges of the classes this zoom shows, simplified to a pixel, clipped and quantised
features AS (
    SELECT ST_AsMVTGeom(ST_Simplify(s.geom_3857, b.pixel, true), b.tile, 4096, 64, true) AS geom,
           s.street_class AS class,
           s.highway,
           CASE WHEN @z >= 13 THEN s.name END AS name
      FROM street_segments AS s
     CROSS JOIN bounds AS b
     WHERE s.geom_3857 && b.reach
       AND CASE s.street_class
               WHEN 'major' THEN @z >= 10
               WHEN 'secondary' THEN @z >= 11
               WHEN 'minor' THEN @z >= 13
               ELSE @z >= 14
           END
)
SELECT ST_AsMVT(features, @layer, 4096, 'geom')
  FROM features
 WHERE features.geom IS NOT NULL;
