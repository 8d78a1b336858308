-- The places of the open-data export, one row each, in a stable order (name, then slug) so exports
-- diff cleanly; the server writes them as GeoJSON features while it reads them, so neither side holds
-- the whole export. Values as the GraphQL API names them: id is the Place's global id (base64 of
-- "Place:<uuid>", as the place tiles and MakerMap.Api.Schema.GlobalId; a test holds them together),
-- kind, categories, wheelchair and location_precision are GraphQL enum names. The location is rounded
-- to 7 decimals (about 1 cm) here, through numeric so each coordinate is the double nearest its decimal
-- and GeoJSON4STJ writes it short.
-- Filters (NULL = any): @kinds, @categories (at least one), @locality (any letter case), @wheelchair,
-- the box @west/@south/@east/@north, and @open_at with @open_values (as page_places.sql).
SELECT encode(convert_to('Place:' || p.id::text, 'UTF8'), 'base64') AS global_id,
       ST_SetSRID(ST_MakePoint(round(ST_X(p.location)::numeric, 7)::float8,
                               round(ST_Y(p.location)::numeric, 7)::float8), 4326) AS location,
       p.slug,
       p.name,
       upper(p.kind) AS kind,
       ARRAY(SELECT upper(c) FROM unnest(p.categories) AS c) AS categories,
       p.street_address,
       p.postal_code,
       p.locality,
       p.country_code,
       p.description,
       p.website,
       p.opening_hours,
       upper(p.wheelchair) AS wheelchair,
       p.languages,
       upper(p.location_precision) AS location_precision,
       p.location_note,
       p.source_code,
       s.licence,
       s.attribution
  FROM places AS p
  JOIN data_sources AS s ON s.code = p.source_code
 WHERE (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
   AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
   AND (@locality::text IS NULL OR lower(p.locality) = lower(@locality::text))
   AND (@wheelchair::text[] IS NULL OR p.wheelchair = ANY (@wheelchair::text[]))
   AND (@west::float8 IS NULL OR p.location && ST_MakeEnvelope(@west, @south, @east, @north, 4326))
   AND (@open_at::timestamptz IS NULL OR p.opening_hours = ANY (@open_values::text[]) OR EXISTS (
         SELECT 1 FROM slots AS sl WHERE sl.place_id = p.id AND NOT sl.is_cancelled AND sl.period @> @open_at::timestamptz))
 ORDER BY p.name, p.slug
