-- The staged street edges of source @source_code in one statement, keyed by their position in the
-- file. Identical edges are left alone (a repeated load changes nothing); edges past the end of a
-- shorter, newer file are deleted, since nothing refers to a street edge.
WITH
-- upserted: insert new edges, update changed ones
upserted AS (
    INSERT INTO street_segments AS s (source_code, edge_index, highway, name, length_m, vertex1, vertex2, oneway, foot_allowed, geom)
    SELECT @source_code, t.edge_index, t.highway, t.name, t.length_m, t.vertex1, t.vertex2, t.oneway, t.foot_allowed,
           ST_SetSRID(ST_GeomFromGeoJSON(t.geometry), 4326)
      FROM seed_streets AS t
    ON CONFLICT (source_code, edge_index) DO UPDATE
       SET highway = EXCLUDED.highway,
           name = EXCLUDED.name,
           length_m = EXCLUDED.length_m,
           vertex1 = EXCLUDED.vertex1,
           vertex2 = EXCLUDED.vertex2,
           oneway = EXCLUDED.oneway,
           foot_allowed = EXCLUDED.foot_allowed,
           geom = EXCLUDED.geom
     WHERE (s.highway, s.name, s.length_m, s.vertex1, s.vertex2, s.oneway, s.foot_allowed, s.geom)
           IS DISTINCT FROM
           (EXCLUDED.highway, EXCLUDED.name, EXCLUDED.length_m, EXCLUDED.vertex1, EXCLUDED.vertex2, EXCLUDED.oneway,
            EXCLUDED.foot_allowed, EXCLUDED.geom)
    RETURNING (xmax = 0) AS inserted
),
-- deleted: edges of the source the file no longer has
deleted AS (
    DELETE FROM street_segments AS s
     WHERE s.source_code = @source_code
       AND NOT EXISTS (SELECT 1 FROM seed_streets AS t WHERE t.edge_index = s.edge_index)
    RETURNING 1
)
SELECT (SELECT count(*) FROM upserted WHERE inserted) AS inserted,
       (SELECT count(*) FROM upserted WHERE NOT inserted) AS updated,
       (SELECT count(*) FROM deleted) AS deleted
