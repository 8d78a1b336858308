-- Changes the fields whose @set_* flag is true and leaves the others as stored; a set field whose
-- value is NULL is cleared. One statement, so a failing CHECK leaves the row untouched.
UPDATE places AS p
   SET name               = CASE WHEN @set_name THEN @name ELSE p.name END,
       kind               = CASE WHEN @set_kind THEN @kind ELSE p.kind END,
       categories         = CASE WHEN @set_categories THEN @categories ELSE p.categories END,
       location           = CASE WHEN @set_location THEN ST_SetSRID(ST_MakePoint(@longitude, @latitude), 4326) ELSE p.location END,
       location_precision = CASE WHEN @set_location_precision THEN @location_precision ELSE p.location_precision END,
       location_note      = CASE WHEN @set_location_note THEN @location_note ELSE p.location_note END,
       street_address     = CASE WHEN @set_address THEN @street_address ELSE p.street_address END,
       postal_code        = CASE WHEN @set_address THEN @postal_code ELSE p.postal_code END,
       locality           = CASE WHEN @set_address THEN @locality ELSE p.locality END,
       country_code       = CASE WHEN @set_address THEN @country_code ELSE p.country_code END,
       description        = CASE WHEN @set_description THEN @description ELSE p.description END,
       phone              = CASE WHEN @set_phone THEN @phone ELSE p.phone END,
       email              = CASE WHEN @set_email THEN @email ELSE p.email END,
       website            = CASE WHEN @set_website THEN @website ELSE p.website END,
       opening_hours      = CASE WHEN @set_opening_hours THEN @opening_hours ELSE p.opening_hours END,
       wheelchair         = CASE WHEN @set_wheelchair THEN @wheelchair ELSE p.wheelchair END,
       languages          = CASE WHEN @set_languages THEN @languages ELSE p.languages END,
       updated_at         = now()
 WHERE p.id = @id
