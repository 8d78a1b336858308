-- 0006: natural keys for seed data. The seed loader upserts every table on a stable key so that
-- running it twice changes nothing; schedules had only a generated id, so curated schedules get a
-- slug. Rows created through the API may leave it NULL (a unique index allows many NULLs).
ALTER TABLE schedules
    ADD COLUMN slug text CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$');
CREATE UNIQUE INDEX schedules_slug_key ON schedules (slug);
