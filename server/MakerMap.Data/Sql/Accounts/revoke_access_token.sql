-- Revokes a bearer token; revoking twice keeps the first revocation time.
UPDATE access_tokens
SET revoked_at = @now
WHERE token_sha256 = @token_sha256
  AND revoked_at IS NULL
