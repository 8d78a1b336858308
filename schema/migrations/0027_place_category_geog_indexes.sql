-- 0027: one partial GiST index on places.geog per repair category, for nearestPlaces with a category
-- (issue 14). places_geog_idx returns places in distance order whatever their categories, so a search
-- for a rare category checked every nearer place on the way: at 100,000 places and a 2 % category,
-- some 500 heap rows per search for 10 answers (4–5 ms of the query's 5, and most of the API's p99).
-- The search writes a single category into its SQL as a literal (NearestSearch), which lets the planner
-- prove the index's predicate and walk only that category's places. Searches with several categories,
-- or none, keep using places_geog_idx. The list is the categories CHECK of migration 0003.
CREATE INDEX places_geog_electro_idx ON places USING gist (geog) WHERE categories && '{electro}'::text[];
CREATE INDEX places_geog_textile_idx ON places USING gist (geog) WHERE categories && '{textile}'::text[];
CREATE INDEX places_geog_bicycle_idx ON places USING gist (geog) WHERE categories && '{bicycle}'::text[];
CREATE INDEX places_geog_furniture_idx ON places USING gist (geog) WHERE categories && '{furniture}'::text[];
CREATE INDEX places_geog_computers_idx ON places USING gist (geog) WHERE categories && '{computers}'::text[];
CREATE INDEX places_geog_toys_idx ON places USING gist (geog) WHERE categories && '{toys}'::text[];
CREATE INDEX places_geog_jewellery_idx ON places USING gist (geog) WHERE categories && '{jewellery}'::text[];
CREATE INDEX places_geog_ceramics_idx ON places USING gist (geog) WHERE categories && '{ceramics}'::text[];
CREATE INDEX places_geog_books_idx ON places USING gist (geog) WHERE categories && '{books}'::text[];
CREATE INDEX places_geog_tools_idx ON places USING gist (geog) WHERE categories && '{tools}'::text[];
CREATE INDEX places_geog_garden_idx ON places USING gist (geog) WHERE categories && '{garden}'::text[];
CREATE INDEX places_geog_other_idx ON places USING gist (geog) WHERE categories && '{other}'::text[];
