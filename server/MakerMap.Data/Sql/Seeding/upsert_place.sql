-- One place by its slug. The point arrives as GeoJSON text in WGS 84 (RFC 7946); updated_at moves
-- only when something actually changed.
INSERT INTO places AS p (
    slug, name, kind, categories, location, location_precision, location_note,
    street_address, postal_code, locality, country_code, description, descriptions, description_language, phone, email, website,
    opening_hours, wheelchair, languages, organisation_id, source_code, source_url)
VALUES (
    @slug, @name, @kind, @categories, ST_SetSRID(ST_GeomFromGeoJSON(@geometry), 4326), @location_precision, @location_note,
    @street_address, @postal_code, @locality, @country_code, @description, @descriptions::jsonb, @description_language, @phone, @email, @website,
    @opening_hours, @wheelchair, @languages, (SELECT id FROM organisations WHERE slug = @organisation), @source_code, @source_url)
ON CONFLICT (slug) DO UPDATE
   SET name = EXCLUDED.name,
       kind = EXCLUDED.kind,
       categories = EXCLUDED.categories,
       location = EXCLUDED.location,
       location_precision = EXCLUDED.location_precision,
       location_note = EXCLUDED.location_note,
       street_address = EXCLUDED.street_address,
       postal_code = EXCLUDED.postal_code,
       locality = EXCLUDED.locality,
       country_code = EXCLUDED.country_code,
       description = EXCLUDED.description,
       descriptions = EXCLUDED.descriptions,
       description_language = EXCLUDED.description_language,
       phone = EXCLUDED.phone,
       email = EXCLUDED.email,
       website = EXCLUDED.website,
       opening_hours = EXCLUDED.opening_hours,
       wheelchair = EXCLUDED.wheelchair,
       languages = EXCLUDED.languages,
       organisation_id = EXCLUDED.organisation_id,
       source_code = EXCLUDED.source_code,
       source_url = EXCLUDED.source_url,
       updated_at = now()
 WHERE (p.name, p.kind, p.categories, p.location, p.location_precision, p.location_note,
        p.street_address, p.postal_code, p.locality, p.country_code, p.description, p.descriptions, p.description_language, p.phone, p.email, p.website,
        p.opening_hours, p.wheelchair, p.languages, p.organisation_id, p.source_code, p.source_url)
       IS DISTINCT FROM
       (EXCLUDED.name, EXCLUDED.kind, EXCLUDED.categories, EXCLUDED.location, EXCLUDED.location_precision, EXCLUDED.location_note,
        EXCLUDED.street_address, EXCLUDED.postal_code, EXCLUDED.locality, EXCLUDED.country_code, EXCLUDED.description, EXCLUDED.descriptions, EXCLUDED.description_language, EXCLUDED.phone,
        EXCLUDED.email, EXCLUDED.website, EXCLUDED.opening_hours, EXCLUDED.wheelchair, EXCLUDED.languages, EXCLUDED.organisation_id,
        EXCLUDED.source_code, EXCLUDED.source_url)
RETURNING (xmax = 0) AS inserted
