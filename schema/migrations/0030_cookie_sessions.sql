-- 0030: browser sessions kept on the server, so that signing out ends them everywhere.
-- Until now the session cookie carried the whole sign-in ticket: signing out cleared it in one
-- browser, but a copy (another tab's jar, a stolen cookie) stayed valid until it expired, and a
-- subscription opened with it kept running. Now the cookie carries only a random key; the ticket lives
-- here under the key's SHA-256 digest (a leaked table holds no usable key, as for access_tokens), and
-- signing out deletes the row, which every later request and every subscription event sees.
CREATE TABLE cookie_sessions (
    key_sha256  bytea PRIMARY KEY CHECK (length(key_sha256) = 32),
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    -- ASP.NET Core's serialized authentication ticket (the account id and the cookie's properties)
    ticket      bytea NOT NULL CHECK (length(ticket) <= 65536),
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX cookie_sessions_account_idx ON cookie_sessions (account_id);
CREATE INDEX cookie_sessions_expires_idx ON cookie_sessions (expires_at);
