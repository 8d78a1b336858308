-- 0012: Web-Mercator copies of the area geometry for the vector tiles (/tiles/...). Tiles are cut
-- in EPSG:3857; transforming up to 9,879 sector polygons on every request cost a third to a half of
-- a tile's time (measured in bench/README.md), so the projected polygon and the label point
-- (ST_PointOnSurface: inside the polygon even for crescent-shaped municipalities) are stored,
-- generated from geom so that no writer has to keep them in step.

ALTER TABLE areas
    ADD COLUMN geom_3857 geometry(MultiPolygon, 3857)
        GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    ADD COLUMN label_point_3857 geometry(Point, 3857)
        GENERATED ALWAYS AS (ST_Transform(ST_PointOnSurface(geom), 3857)) STORED;

CREATE INDEX areas_geom_3857_idx ON areas USING gist (geom_3857);
CREATE INDEX areas_label_point_3857_idx ON areas USING gist (label_point_3857);
