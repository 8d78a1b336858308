-- 0003: the map's content. Places are geolocated points (repair cafés, maker spaces, give-boxes,
-- reuse centres ...); resources are the bookable things that live at a place (rooms, machines,
-- the mobile give-box, the caravan), with the requirements a borrower has to meet.

CREATE TABLE places (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind             text NOT NULL CHECK (kind IN (
                         'maker_space', 'repair_cafe', 'repair_shop', 'give_box', 'sewing_atelier',
                         'reuse_centre', 'tool_library', 'bicycle_workshop', 'other')),
    categories       text[] NOT NULL DEFAULT '{}' CHECK (categories <@ ARRAY[
                         'electro', 'textile', 'bicycle', 'furniture', 'computers', 'toys',
                         'jewellery', 'ceramics', 'books', 'tools', 'garden', 'other']::text[]),
    location         geometry(Point, 4326) NOT NULL CHECK (ST_IsValid(location) AND NOT ST_IsEmpty(location)),
    -- geography copy for metre-correct KNN ordering and distances (an index on the cast itself
    -- would not be used by `<->` on the column)
    geog             geography(Point, 4326) GENERATED ALWAYS AS (location::geography) STORED,
    -- surveyed: measured on site; address: geocoded from the street address; approximate: best
    -- known position (e.g. the neighbourhood), see location_note
    location_precision text NOT NULL DEFAULT 'approximate'
                     CHECK (location_precision IN ('surveyed', 'address', 'approximate')),
    location_note    text,
    street_address   text,
    postal_code      text,
    locality         text,
    country_code     text NOT NULL DEFAULT 'BE' CHECK (country_code ~ '^[A-Z]{2}$'),
    description      text,
    phone            text,
    email            text,
    website          text,
    -- OpenStreetMap opening_hours syntax, e.g. 'Mo-Fr 09:00-17:00; Sa 10:00-12:00'
    opening_hours    text,
    wheelchair       text NOT NULL DEFAULT 'unknown' CHECK (wheelchair IN ('yes', 'limited', 'no', 'unknown')),
    languages        text[] NOT NULL DEFAULT '{nl}',
    organisation_id  uuid REFERENCES organisations (id) ON DELETE SET NULL,
    source_code      text NOT NULL REFERENCES data_sources (code),
    source_url       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_geog_idx ON places USING gist (geog);
CREATE INDEX places_location_idx ON places USING gist (location);
CREATE INDEX places_categories_idx ON places USING gin (categories);
CREATE INDEX places_kind_idx ON places (kind);
CREATE INDEX places_name_trgm_idx ON places USING gin (name gin_trgm_ops);

CREATE TABLE resources (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug              text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    home_place_id     uuid NOT NULL REFERENCES places (id) ON DELETE RESTRICT,
    organisation_id   uuid REFERENCES organisations (id) ON DELETE SET NULL,
    name              text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
    kind              text NOT NULL CHECK (kind IN (
                          'workshop_room', 'machine', 'tool', 'mobile_give_box', 'caravan', 'vehicle', 'other')),
    description       text,
    -- how many units (people at a workbench, copies of a tool) can be booked at the same time
    capacity          integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 10000),
    -- exclusive: one booking at a time, overlap is impossible; shared: bookings add up to capacity
    booking_mode      text NOT NULL DEFAULT 'exclusive' CHECK (booking_mode IN ('exclusive', 'shared')),
    is_mobile         boolean NOT NULL DEFAULT false,
    requires_approval boolean NOT NULL DEFAULT true,
    -- shortest and longest booking the resource accepts
    min_booking       interval NOT NULL DEFAULT interval '30 minutes',
    max_booking       interval NOT NULL DEFAULT interval '14 days',
    -- undecided requests expire after this long and release their capacity
    approval_timeout  interval NOT NULL DEFAULT interval '72 hours',
    source_code       text NOT NULL REFERENCES data_sources (code),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (min_booking > interval '0' AND max_booking >= min_booking)
);
CREATE INDEX resources_home_place_idx ON resources (home_place_id);

-- What a borrower has to have or have done: a van, a tow hitch, extra number plates, a training.
CREATE TABLE resource_requirements (
    resource_id uuid NOT NULL REFERENCES resources (id) ON DELETE CASCADE,
    code        text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    description text NOT NULL,
    PRIMARY KEY (resource_id, code)
);
