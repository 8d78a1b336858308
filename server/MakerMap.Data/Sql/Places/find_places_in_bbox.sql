-- Places whose location lies in the WGS 84 box [@west, @east] x [@south, @north], filtered by
-- kinds and categories; `&&` on the geometry GiST index. Boxes crossing the antimeridian are split
-- by the caller (Flanders never needs it).
SELECT p.id, p.slug, p.name, p.kind, p.categories, ST_AsBinary(p.location) AS location_wkb,
       p.location_precision, p.street_address, p.postal_code, p.locality, p.website, p.opening_hours,
       p.wheelchair, p.organisation_id, p.source_code
  FROM places p
 WHERE p.location && ST_MakeEnvelope(@west, @south, @east, @north, 4326)
   AND (@kinds::text[] IS NULL OR p.kind = ANY (@kinds::text[]))
   AND (@categories::text[] IS NULL OR p.categories && @categories::text[])
 ORDER BY p.name, p.id
 LIMIT @limit;
