-- The runner's own bookkeeping: one row per applied migration file, with the checksum of the
-- text that ran so that a later edit of that file is detected.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version      text PRIMARY KEY,
    name         text NOT NULL,
    checksum     text NOT NULL,
    applied_at   timestamptz NOT NULL DEFAULT now(),
    execution_ms bigint NOT NULL
);
