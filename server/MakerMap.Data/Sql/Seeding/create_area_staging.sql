-- Staging table for the binary COPY of areas; dropped with the seed transaction.
CREATE TEMP TABLE seed_areas (
    ordinal                   integer NOT NULL,
    level                     text NOT NULL,
    code                      text NOT NULL,
    name                      text NOT NULL,
    municipality_nis          text,
    parent_code               text,
    region                    text,
    geometry                  text NOT NULL,
    population                integer,
    population_reference_date date,
    source_code               text NOT NULL
) ON COMMIT DROP
