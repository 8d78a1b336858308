-- 0026: the wheelchair filter reads the low-zoom places tiles from the grid too (issue 15), and a
-- place's tile properties are written once.
-- A resident who ticks "wheelchair accessible" asks for places tiles with ?wheelchair=YES,LIMITED.
-- place_tile_grid (migration 0022) counted places per cell and kind only, so such a tile at zoom 0–9
-- was cut from the places themselves: every place under it (about a second at 100,000 places). The
-- grid now counts per cell, kind and wheelchair value, so a kinds-and-wheelchair filter is answered
-- from at most 64 cells × 9 kinds × 4 values rows, and the counts per kind still add up as before
-- (a cell's places per kind are the sum over its wheelchair values).

-- built again on the next low-zoom tile, with the new column
DELETE FROM place_tile_grid;
UPDATE place_tile_grid_revision SET revision = -1;

ALTER TABLE place_tile_grid
    ADD COLUMN wheelchair text NOT NULL CHECK (wheelchair IN ('yes', 'limited', 'no', 'unknown')),
    DROP CONSTRAINT place_tile_grid_pkey,
    ADD PRIMARY KEY (zoom, cx, cy, kind, wheelchair);

-- As in 0022, with wheelchair beside kind in every grouping.
CREATE OR REPLACE FUNCTION refresh_place_tile_grid() RETURNS void
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
    INSERT INTO place_tile_grid (zoom, cx, cy, kind, wheelchair, place_count, sum_x, sum_y, west, south, east, north, only_place)
    SELECT 9, floor(w.x * 4096)::int, floor(w.y * 4096)::int, w.kind, w.wheelchair, count(*)::int,
           sum(w.x), sum(w.y), min(w.lon), min(w.lat), max(w.lon), max(w.lat),
           CASE WHEN count(*) = 1 THEN (array_agg(w.id))[1] END
      FROM (SELECT p.id, p.kind, p.wheelchair, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
                   (ST_X(p.location) + 180) / 360 AS x,
                   (1 - ln(tan(radians(ST_Y(p.location))) + 1 / cos(radians(ST_Y(p.location)))) / pi()) / 2 AS y
              FROM places AS p) AS w
     WHERE w.x >= 0 AND w.x < 1 AND w.y >= 0 AND w.y < 1
     GROUP BY 2, 3, 4, 5;
    -- each coarser zoom from the one below: a cell is its four children
    FOR level IN REVERSE 8..0 LOOP
        INSERT INTO place_tile_grid (zoom, cx, cy, kind, wheelchair, place_count, sum_x, sum_y, west, south, east, north, only_place)
        SELECT level, g.cx >> 1, g.cy >> 1, g.kind, g.wheelchair, sum(g.place_count)::int,
               sum(g.sum_x), sum(g.sum_y), min(g.west), min(g.south), max(g.east), max(g.north),
               CASE WHEN sum(g.place_count) = 1 THEN (array_agg(g.only_place))[1] END
          FROM place_tile_grid AS g
         WHERE g.zoom = level + 1
         GROUP BY 2, 3, 4, 5;
    END LOOP;
    UPDATE place_tile_grid_revision SET revision = wanted;
END
$$;

-- A single place's properties in a places tile, as the GraphQL API names them: id is the Relay
-- global id of the Place (base64 of "Place:<uuid>", as MakerMap.Api.Schema.GlobalId encodes it; a
-- test holds the two together), kind and categories are GraphQL enum names, categories
-- comma-separated, city left out when unknown. Both places tile queries (get_place_tile.sql and
-- get_place_grid_tile.sql) call it, so the two cannot drift apart.
CREATE FUNCTION place_tile_properties(p places) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT jsonb_strip_nulls(jsonb_build_object(
               'id', encode(convert_to('Place:' || p.id::text, 'UTF8'), 'base64'),
               'slug', p.slug,
               'name', p.name,
               'kind', upper(p.kind),
               'categories', array_to_string(ARRAY(SELECT upper(c) FROM unnest(p.categories) AS c), ','),
               'city', p.locality))
$$;
