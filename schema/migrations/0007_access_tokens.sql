-- 0007: bearer tokens for scripts and apps that cannot keep a cookie. A token is an opaque random
-- string shown to its owner once; only its SHA-256 digest is stored, so a leaked database does not
-- leak usable tokens (the token has 256 bits of entropy, so an unsalted fast hash is enough).
-- Tokens expire and can be revoked; both are checked on every request.
CREATE TABLE access_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id   uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    token_sha256 bytea NOT NULL UNIQUE CHECK (length(token_sha256) = 32),
    -- what the owner called it, e.g. 'booking script'
    description  text CHECK (length(description) <= 200),
    created_at   timestamptz NOT NULL DEFAULT now(),
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX access_tokens_account_idx ON access_tokens (account_id);
