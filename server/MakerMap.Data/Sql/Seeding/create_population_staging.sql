-- Staging table for a Statbel population-per-sector file; dropped with the seed transaction.
CREATE TEMP TABLE seed_sector_population (
    code       text PRIMARY KEY,
    population integer NOT NULL
) ON COMMIT DROP
