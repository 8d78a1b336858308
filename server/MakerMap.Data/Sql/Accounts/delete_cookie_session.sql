-- Ends a browser session (sign-out).
DELETE FROM cookie_sessions WHERE key_sha256 = @key_sha256
