-- Places by id, in no particular order (callers re-order; DataLoader batches land here).
SELECT p.id, p.slug, p.name, p.kind, p.categories, ST_AsBinary(p.location) AS location_wkb,
       p.location_precision, p.street_address, p.postal_code, p.locality, p.website, p.opening_hours,
       p.wheelchair, p.organisation_id, p.source_code
  FROM places p
 WHERE p.id = ANY (@ids::uuid[]);
