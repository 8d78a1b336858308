-- 0021: provinces and regions as areas (issue 14, region-wide coverage), and the coverage rule
-- written once (issue 13).
--
-- Provinces and regions are built by the seed loader from the municipalities it loads (their union
-- and the sum of their residents), so no boundary file has to agree with another. The hierarchy is
-- kept in parent_code: a municipality's names its province (or its region where there is none, as
-- for Brussels' 19), a province's names its region. Codes are Statbel's NIS codes (02000 Flemish
-- Region, 04000 Brussels-Capital Region, 10000 Antwerpen, 20001 Vlaams-Brabant, ...).
--
-- coverage_places() says which places count as coverage. get_area_coverage.sql,
-- get_coverage_reach.sql, link_coverage_rows.sql and refresh_coverage_snapshots.sql used to each
-- spell it out; now they call it. It is a single-statement SQL function, so PostgreSQL inlines it
-- into the calling query and its GiST indexes (places_geog_idx) stay usable for `<->` and
-- ST_DWithin, unlike a CTE referenced twice, which PostgreSQL materialises without indexes.

ALTER TABLE areas DROP CONSTRAINT areas_level_check;
ALTER TABLE areas ADD CONSTRAINT areas_level_check
    CHECK (level IN ('region', 'province', 'municipality', 'neighbourhood', 'sector'));

-- Places that count as coverage: those of the given kinds and categories (null: any), and, when
-- on_date is given, mobile resources at their confirmed deployment locations on that Europe/Brussels
-- day. A deployed resource's home place decides whether it matches, and is the place it links to.
-- Arguments are qualified with the function's name because in SQL functions a column of the same
-- name (places.categories) would win over the argument.
CREATE FUNCTION coverage_places(kinds text[], categories text[], on_date date)
RETURNS TABLE (place_id uuid, geog geography)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT p.id, p.geog
      FROM places p
     WHERE (coverage_places.kinds IS NULL OR p.kind = ANY (coverage_places.kinds))
       AND (coverage_places.categories IS NULL OR p.categories && coverage_places.categories)
    UNION ALL
    SELECT p.id, b.deployment_location::geography
      FROM bookings b
      JOIN resources r ON r.id = b.resource_id AND r.is_mobile
      JOIN places p ON p.id = r.home_place_id
     WHERE coverage_places.on_date IS NOT NULL
       AND b.status = 'confirmed'
       AND b.deployment_location IS NOT NULL
       AND b.period && tstzrange(coverage_places.on_date::timestamp AT TIME ZONE 'Europe/Brussels',
                                 (coverage_places.on_date + 1)::timestamp AT TIME ZONE 'Europe/Brussels', '[)')
       AND (coverage_places.kinds IS NULL OR p.kind = ANY (coverage_places.kinds))
       AND (coverage_places.categories IS NULL OR p.categories && coverage_places.categories)
$$;
