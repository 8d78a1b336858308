-- The account a bearer token belongs to, if the token is neither expired nor revoked.
SELECT t.account_id
FROM access_tokens AS t
WHERE t.token_sha256 = @token_sha256
  AND t.revoked_at IS NULL
  AND t.expires_at > @now
