-- One Mapbox Vector Tile (one layer, @layer) with a label point per municipality, and per
-- neighbourhood from zoom @neighbourhood_min_zoom, inside tile @z/@x/@y.
-- Properties: name, level (GraphQL AreaLevel name) and population (omitted when unknown).
WITH
-- bounds: the tile and the tile grown by the 64-pixel buffer, so labels near an edge reach both tiles
bounds AS (
    SELECT ST_TileEnvelope(@z, @x, @y) AS tile,
           ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096) AS reach
),
-- labels: the stored point on surface of every labelled area in reach
labels AS (
    SELECT ST_AsMVTGeom(a.label_point_3857, b.tile, 4096, 64, true) AS geom,
           a.name,
           upper(a.level) AS level,
           a.population
      FROM areas AS a
     CROSS JOIN bounds AS b
     WHERE (a.level = 'municipality' OR (a.level = 'neighbourhood' AND @z >= @neighbourhood_min_zoom))
       AND a.label_point_3857 && b.reach
     -- bigger places first, so a client that drops colliding labels keeps the ones that matter
     ORDER BY a.population DESC NULLS LAST, a.code
)
SELECT ST_AsMVT(labels, @layer, 4096, 'geom')
  FROM labels
 WHERE labels.geom IS NOT NULL;
