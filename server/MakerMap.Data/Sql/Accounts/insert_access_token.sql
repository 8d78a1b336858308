-- Stores the digest of a freshly issued bearer token (never the token itself).
INSERT INTO access_tokens (account_id, token_sha256, description, created_at, expires_at)
VALUES (@account_id, @token_sha256, @description, @now, @expires_at)
RETURNING id
