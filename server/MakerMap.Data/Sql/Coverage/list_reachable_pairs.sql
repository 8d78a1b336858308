-- Which candidate sites reach which uncovered population points within @metres (0-based indexes),
-- the input of the greedy site choice.
WITH candidates AS (
    -- candidate sites, 1-based ordinals
    SELECT i, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
      FROM unnest(@candidate_lons::float8[], @candidate_lats::float8[]) WITH ORDINALITY AS t(lon, lat, i)
),
demand AS (
    -- uncovered population points, 1-based ordinals
    SELECT j, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
      FROM unnest(@demand_lons::float8[], @demand_lats::float8[]) WITH ORDINALITY AS t(lon, lat, j)
)
SELECT c.i::int - 1 AS candidate, d.j::int - 1 AS demand
  FROM candidates c
  JOIN demand d ON ST_DWithin(c.g, d.g, @metres::float8);
