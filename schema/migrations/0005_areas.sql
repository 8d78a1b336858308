-- 0005: areas for coverage analysis. Municipalities, neighbourhoods (districts) and statistical
-- sectors as multipolygons with the number of residents and the date that count refers to.
-- A code is unique within its level; parent_code links a sector to its neighbourhood and a
-- neighbourhood to its municipality.

CREATE TABLE areas (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    level           text NOT NULL CHECK (level IN ('municipality', 'neighbourhood', 'sector')),
    code            text NOT NULL,
    name            text NOT NULL,
    municipality_nis text,
    parent_code     text,
    region          text,
    geom            geometry(MultiPolygon, 4326) NOT NULL CHECK (ST_IsValid(geom)),
    population      integer CHECK (population >= 0),
    population_reference_date date,
    source_code     text NOT NULL REFERENCES data_sources (code),
    UNIQUE (level, code)
);
CREATE INDEX areas_geom_idx ON areas USING gist (geom);
CREATE INDEX areas_geog_idx ON areas USING gist ((geom::geography));
CREATE INDEX areas_level_municipality_idx ON areas (level, municipality_nis);
CREATE INDEX areas_parent_idx ON areas (level, parent_code);
CREATE INDEX areas_name_trgm_idx ON areas USING gin (name gin_trgm_ops);
