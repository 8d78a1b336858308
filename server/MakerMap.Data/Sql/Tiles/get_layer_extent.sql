-- The extent in WGS 84 of what a tile layer shows, for its TileJSON bounds: every place when
-- @places, every street edge when @streets, otherwise the areas of @levels. Four NULLs when the
-- layer has no feature.
WITH
-- extent: the bounding box of the layer's geometries
extent AS (
    SELECT CASE WHEN @places::boolean THEN (SELECT ST_Extent(p.location) FROM places AS p)
                WHEN @streets::boolean THEN (SELECT ST_Extent(s.geom) FROM street_segments AS s)
                ELSE (SELECT ST_Extent(a.geom) FROM areas AS a WHERE a.level = ANY (@levels::text[])) END AS box
)
SELECT ST_XMin(e.box), ST_YMin(e.box), ST_XMax(e.box), ST_YMax(e.box)
  FROM extent AS e;
