-- All places matching the optional filters as one RFC 7946 FeatureCollection, built in PostGIS so
-- the server streams a single text value instead of materialising rows.
-- @kinds / @categories: NULL means "any"; categories match when the place has at least one of them.
WITH
-- the places asked for, in a stable order (name, then slug) so exports diff cleanly
selected AS (
    SELECT p.*, s.licence, s.attribution, encode(convert_to('Place:' || p.id::text, 'UTF8'), 'base64') AS global_id
    FROM places AS p
    JOIN data_sources AS s ON s.code = p.source_code
    WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
      AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
      AND (@locality::text IS NULL OR lower(p.locality) = lower(@locality::text))
    ORDER BY p.name, p.slug
),
-- one GeoJSON Feature per place; coordinates are WGS 84 longitude, latitude (RFC 7946 section 4).
-- The id (feature and property) is the Place's GraphQL global id, base64 of "Place:<uuid>", as in
-- the place tiles (get_place_tile.sql) and MakerMap.Api.Schema.GlobalId; a test holds them together.
features AS (
    SELECT json_build_object(
        'type', 'Feature',
        'id', selected.global_id,
        'geometry', ST_AsGeoJSON(selected.location, 7)::json,
        'properties', json_strip_nulls(json_build_object(
            'id', selected.global_id,
            'slug', selected.slug,
            'name', selected.name,
            'kind', selected.kind,
            'categories', selected.categories,
            'street_address', selected.street_address,
            'postal_code', selected.postal_code,
            'locality', selected.locality,
            'country_code', selected.country_code,
            'description', selected.description,
            'website', selected.website,
            'opening_hours', selected.opening_hours,
            'wheelchair', selected.wheelchair,
            'languages', selected.languages,
            'location_precision', selected.location_precision,
            'location_note', selected.location_note,
            'source', selected.source_code,
            'licence', selected.licence,
            'attribution', selected.attribution
        ))
    ) AS feature
    FROM selected
)
SELECT json_build_object(
    'type', 'FeatureCollection',
    'features', coalesce(json_agg(features.feature), '[]'::json)
)::text
FROM features;
