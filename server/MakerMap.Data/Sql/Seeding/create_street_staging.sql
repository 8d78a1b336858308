-- Staging table for the binary COPY of street edges; dropped with the seed transaction.
CREATE TEMP TABLE seed_streets (
    edge_index   integer NOT NULL,
    highway      text NOT NULL,
    name         text,
    length_m     double precision NOT NULL,
    vertex1      bigint NOT NULL,
    vertex2      bigint NOT NULL,
    oneway       boolean NOT NULL,
    foot_allowed boolean NOT NULL,
    geometry     text NOT NULL
) ON COMMIT DROP
