-- 0002: who acts in MakerMap. Organisations own places and resources and book on behalf of their
-- members; accounts belong to organisations through memberships that carry a role. Authentication
-- (password hashes, sessions, tokens) is filled in by the API; the tables exist from the start so
-- every booking can name who asked for it.

-- Sources of data with their licence and credit line: every seeded row points to one.
CREATE TABLE data_sources (
    code        text PRIMARY KEY,
    title       text NOT NULL,
    url         text,
    licence     text NOT NULL,
    attribution text NOT NULL,
    reference_date date
);

CREATE TABLE organisations (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$'),
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    kind        text NOT NULL DEFAULT 'nonprofit'
                CHECK (kind IN ('municipality', 'nonprofit', 'volunteer_group', 'social_enterprise', 'company', 'education')),
    website     text,
    email       text,
    -- secret used in the organisation's iCalendar feed URL; rotated by regenerating
    calendar_token text NOT NULL DEFAULT encode(gen_random_bytes(24), 'hex') UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE accounts (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL CHECK (position('@' IN email) > 1),
    display_name  text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    password_hash text,
    -- site-wide roles; organisation roles live in memberships
    is_planner    boolean NOT NULL DEFAULT false,
    is_admin      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
-- e-mail addresses are unique regardless of case
CREATE UNIQUE INDEX accounts_email_key ON accounts (lower(email));

CREATE TABLE memberships (
    account_id      uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    role            text NOT NULL CHECK (role IN ('member', 'resource_manager', 'admin')),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (account_id, organisation_id)
);
CREATE INDEX memberships_organisation_idx ON memberships (organisation_id);
