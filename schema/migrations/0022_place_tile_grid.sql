-- 0022: places counted per grid cell for the low-zoom places tiles (issue 14).
-- A places tile at zoom z is cut into 8 × 8 cells, which are the cells of the zoom z+3 grid. Cutting a
-- zoom 0–9 tile from the places themselves reads every place under it (all 100,000 at zoom 5, in about
-- a second; ten at a million), so the first visitor after any change waited. This table holds, for
-- zooms 0–9, each occupied cell's places per kind (count, sum of their Web Mercator positions, bounding
-- box, and the place itself when it is alone), so such a tile reads at most 64 cells × 8 kinds rows.
-- Cell numbers are global at zoom z+3 (0 .. 2^(z+3)-1, y down), half-open like the tile query's cells,
-- so a cell of zoom z is exactly its four cells of zoom z+1 and the counts add up as the places do.
CREATE TABLE place_tile_grid (
    zoom smallint NOT NULL CHECK (zoom BETWEEN 0 AND 9),
    cx integer NOT NULL,
    cy integer NOT NULL,
    kind text NOT NULL,
    place_count integer NOT NULL CHECK (place_count > 0),
    -- sums of the places' positions as fractions of the world (0..1), for the cluster's mean position
    sum_x double precision NOT NULL,
    sum_y double precision NOT NULL,
    west double precision NOT NULL,
    south double precision NOT NULL,
    east double precision NOT NULL,
    north double precision NOT NULL,
    -- the place, when it is the only one of its kind in the cell (a cell of one place shows that place)
    only_place uuid,
    PRIMARY KEY (zoom, cx, cy, kind)
);

-- the places revision (migration 0018) the grid was built from; -1: never built
CREATE TABLE place_tile_grid_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    revision bigint NOT NULL DEFAULT -1
);
INSERT INTO place_tile_grid_revision DEFAULT VALUES;

-- Rebuilds the grid when the places changed since it was built, and does nothing otherwise. Called by
-- the server before it cuts a low-zoom tile from the grid, so the grid is never older than the places
-- a tile is cut at, whatever wrote them; the build costs one pass over the places (about 0.2 s at
-- 100,000) once per change instead of once per tile. Concurrent callers wait for one build: the
-- advisory lock serialises them, and the second one finds the revision current (each statement of
-- a volatile function sees what committed before it began).
CREATE FUNCTION refresh_place_tile_grid() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    wanted bigint;
BEGIN
    SELECT revision INTO wanted FROM places_revision;
    IF wanted = (SELECT revision FROM place_tile_grid_revision) THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(hashtext('makermap:place_tile_grid'));
    SELECT revision INTO wanted FROM places_revision;
    IF wanted = (SELECT revision FROM place_tile_grid_revision) THEN
        RETURN;
    END IF;

    DELETE FROM place_tile_grid;
    -- zoom 9 tiles: cells of the zoom 12 grid, from the places (the same Web Mercator formula as
    -- get_place_tile.sql, so a place falls in the same cell either way)
    INSERT INTO place_tile_grid
    SELECT 9, floor(w.x * 4096)::int, floor(w.y * 4096)::int, w.kind, count(*)::int,
           sum(w.x), sum(w.y), min(w.lon), min(w.lat), max(w.lon), max(w.lat),
           CASE WHEN count(*) = 1 THEN (array_agg(w.id))[1] END
      FROM (SELECT p.id, p.kind, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
                   (ST_X(p.location) + 180) / 360 AS x,
                   (1 - ln(tan(radians(ST_Y(p.location))) + 1 / cos(radians(ST_Y(p.location)))) / pi()) / 2 AS y
              FROM places AS p) AS w
     WHERE w.x >= 0 AND w.x < 1 AND w.y >= 0 AND w.y < 1
     GROUP BY 2, 3, 4;
    -- each coarser zoom from the one below: a cell is its four children
    FOR level IN REVERSE 8..0 LOOP
        INSERT INTO place_tile_grid
        SELECT level, g.cx >> 1, g.cy >> 1, g.kind, sum(g.place_count)::int,
               sum(g.sum_x), sum(g.sum_y), min(g.west), min(g.south), max(g.east), max(g.north),
               CASE WHEN sum(g.place_count) = 1 THEN (array_agg(g.only_place))[1] END
          FROM place_tile_grid AS g
         WHERE g.zoom = level + 1
         GROUP BY 2, 3, 4;
    END LOOP;
    UPDATE place_tile_grid_revision SET revision = wanted;
END
$$;
