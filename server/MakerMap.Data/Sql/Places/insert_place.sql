-- A place entered through the API, run by @organisation_id; the unique slug index rejects a slug in
-- use (SQLSTATE 23505, places_slug_key).
INSERT INTO places (
    slug, name, kind, categories, location, location_precision, location_note,
    street_address, postal_code, locality, country_code, description, phone, email, website,
    opening_hours, wheelchair, languages, organisation_id, source_code)
VALUES (
    @slug, @name, @kind, @categories, ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326), @location_precision, @location_note,
    @street_address, @postal_code, @locality, @country_code, @description, @phone, @email, @website,
    @opening_hours, @wheelchair, @languages, @organisation_id, 'makermap-api')
RETURNING id
