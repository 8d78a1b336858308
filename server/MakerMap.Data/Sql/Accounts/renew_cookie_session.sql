-- A sliding renewal: the session's new ticket and expiry. A session deleted meanwhile (signed out in
-- another tab) stays deleted.
UPDATE cookie_sessions
   SET ticket = @ticket, expires_at = @expires_at
 WHERE key_sha256 = @key_sha256
