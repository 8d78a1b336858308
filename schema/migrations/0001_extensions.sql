-- 0001: extensions MakerMap relies on.
-- postgis: geometry/geography types and spatial indexes; btree_gist: equality on scalar columns inside
-- GiST exclusion constraints (no two confirmed bookings of an exclusive resource overlap);
-- pg_trgm: fuzzy text search on place and area names; pgcrypto: unguessable feed tokens.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS pgcrypto;
