-- :places synthetic places spread evenly over Flanders and Brussels (issue 14's SQL), for
-- scripts/bench-scale.sh and the map client's 20,000-place flow (map-client/scripts/test.sh):
--   psql -v places=100000 -f bench/sql/synthetic-places.sql
-- Kinds uniformly, categories 2 % jewellery (the "rare category"), ~49 % electro+textile, the rest
-- bicycle. Slugs are synthetic-<n>, so a second run with the same count adds nothing.
INSERT INTO places (slug, name, kind, categories, location, location_precision, source_code)
SELECT 'synthetic-' || g, 'Synthetic ' || g,
       (ARRAY['repair_cafe','give_box','maker_space','reuse_centre','sewing_atelier','tool_library',
              'bicycle_workshop','repair_shop'])[1 + floor(random()*8)::int],
       CASE WHEN random() < 0.02 THEN ARRAY['jewellery'] WHEN random() < 0.5 THEN ARRAY['electro','textile']
            ELSE ARRAY['bicycle'] END,
       ST_SetSRID(ST_MakePoint(2.55 + random()*3.35, 50.70 + random()*0.80), 4326), 'approximate',
       (SELECT code FROM data_sources ORDER BY code LIMIT 1)
FROM generate_series(1, :places) g
ON CONFLICT (slug) DO NOTHING;
ANALYZE places;
