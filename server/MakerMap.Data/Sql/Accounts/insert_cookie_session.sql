-- Stores a new browser session under its key's digest; sessions that expired a day ago or more are
-- cleared on the way (a few at a time, so one sign-in never pays for a large backlog).
WITH cleared AS (
    DELETE FROM cookie_sessions
     WHERE key_sha256 IN (SELECT s.key_sha256 FROM cookie_sessions AS s
                           WHERE s.expires_at < @now - interval '1 day'
                           LIMIT 100)
)
INSERT INTO cookie_sessions (key_sha256, account_id, ticket, created_at, expires_at)
VALUES (@key_sha256, @account_id, @ticket, @now, @expires_at)
