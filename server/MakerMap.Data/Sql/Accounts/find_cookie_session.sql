-- The stored ticket of a browser session that has not expired.
SELECT s.ticket
FROM cookie_sessions AS s
WHERE s.key_sha256 = @key_sha256
  AND s.expires_at > @now
