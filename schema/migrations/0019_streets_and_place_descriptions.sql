-- 0019: a street layer for residents, and place descriptions per language.
--
-- street_segments: the street and path network (seed-data/gent-street-network-osm-2017.geojson,
-- OpenStreetMap, ODbL), one row per edge between two junctions, served as vector tiles
-- (/tiles/streets/...) so a resident can tell where they are at street zoom. The loader replaces a
-- source's edges by their position in the file (source_code, edge_index); nothing refers to an edge,
-- so edges a newer file no longer has are deleted. street_class groups OpenStreetMap's highway values
-- into the four line styles the map draws and decides from which zoom an edge is in a tile; it is
-- generated so that no writer can get it wrong. The Web-Mercator copy spares every tile a
-- transform (as areas.geom_3857 in 0012).
--
-- places.descriptions: the description in each language the place has one in ({"nl": …, "fr": …});
-- places.description stays the text shown when the asked language is missing, and
-- places.description_language says which language that fallback is in, so the client can mark it.

CREATE TABLE street_segments (
    source_code  text NOT NULL REFERENCES data_sources (code),
    edge_index   integer NOT NULL CHECK (edge_index >= 0),
    highway      text NOT NULL CHECK (highway <> ''),
    name         text CHECK (name <> ''),
    length_m     double precision NOT NULL CHECK (length_m >= 0),
    vertex1      bigint NOT NULL,
    vertex2      bigint NOT NULL,
    oneway       boolean NOT NULL DEFAULT false,
    foot_allowed boolean NOT NULL DEFAULT true,
    geom         geometry(LineString, 4326) NOT NULL,
    geom_3857    geometry(LineString, 3857) GENERATED ALWAYS AS (ST_Transform(geom, 3857)) STORED,
    street_class text GENERATED ALWAYS AS (
        CASE
            WHEN highway IN ('motorway', 'motorway_link', 'trunk', 'trunk_link', 'primary', 'primary_link') THEN 'major'
            WHEN highway IN ('secondary', 'secondary_link', 'tertiary', 'tertiary_link') THEN 'secondary'
            WHEN highway IN ('footway', 'path', 'cycleway', 'pedestrian', 'track', 'steps', 'bridleway') THEN 'path'
            ELSE 'minor'
        END) STORED,
    PRIMARY KEY (source_code, edge_index)
);
CREATE INDEX street_segments_geom_3857_idx ON street_segments USING gist (geom_3857);

ALTER TABLE places
    ADD COLUMN descriptions jsonb NOT NULL DEFAULT '{}'
        CHECK (jsonb_typeof(descriptions) = 'object'
               AND descriptions - ARRAY['nl', 'fr', 'en'] = '{}'::jsonb
               AND NOT jsonb_path_exists(descriptions, '$.* ? (@.type() != "string" || @ == "")')),
    ADD COLUMN description_language text NOT NULL DEFAULT 'en' CHECK (description_language IN ('nl', 'fr', 'en'));
