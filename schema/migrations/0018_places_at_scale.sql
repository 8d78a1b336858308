-- 0018: places at scale (issue 14). Two things the server needs once the map holds 100,000 places:
--  1. a revision number of the places table, bumped by a trigger on every statement that writes it,
--     so the server can keep cut place tiles in memory and still never serve one older than the data
--     (the cache key holds the revision; no write path can forget to bump it);
--  2. accent-folded text search over name and description (nl/fr: "café" finds "Cafe", "Reparatie"
--     finds "réparatie"), served by a trigram GIN index instead of scanning every row.

-- (1) one row, one number
CREATE TABLE places_revision (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    revision bigint NOT NULL DEFAULT 0
);
INSERT INTO places_revision DEFAULT VALUES;

CREATE FUNCTION bump_places_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE places_revision SET revision = revision + 1;
    RETURN NULL;
END
$$;

-- per statement, not per row: a bulk load of 100,000 places bumps it once
CREATE TRIGGER places_revision_bump
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION bump_places_revision();

-- (2) unaccent is STABLE (its dictionary could be swapped), so it cannot be indexed as it is. This
-- wrapper names the dictionary with its schema and declares itself IMMUTABLE, the usual way to index
-- it; the index would need a REINDEX only if someone edited the unaccent rules file.
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION fold_for_search(value text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN lower(public.unaccent('public.unaccent'::regdictionary, value));

-- what a text search looks in: the folded name, then the folded description
CREATE FUNCTION place_search_text(name text, description text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN fold_for_search(name) || ' ' || coalesce(fold_for_search(description), '');

CREATE INDEX places_search_text_trgm_idx ON places USING gin (place_search_text(name, description) gin_trgm_ops);
CREATE INDEX places_name_folded_trgm_idx ON places USING gin (fold_for_search(name) gin_trgm_ops);

-- How well a place matches a search (folded with fold_for_search): names that start with it first,
-- then names that contain it, then by trigram word similarity over name and description, so
-- "repair" puts "Repair Café Gent" before "Café De Reparateur" before a description that mentions it.
CREATE FUNCTION place_search_rank(folded_query text, name text, description text) RETURNS float8
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (CASE WHEN strpos(fold_for_search(name), folded_query) = 1 THEN 2 ELSE 0 END)
     + (CASE WHEN strpos(fold_for_search(name), folded_query) > 0 THEN 1 ELSE 0 END)
     + word_similarity(folded_query, place_search_text(name, description));

-- The LIKE pattern that finds a search text anywhere in place_search_text: folded, its wildcards escaped.
CREATE FUNCTION search_like_pattern(query text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
RETURN '%' || replace(replace(replace(fold_for_search(query), '\', '\\'), '%', '\%'), '_', '\_') || '%';
