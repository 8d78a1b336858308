-- 0009: what the scheduled jobs write. outbox_messages holds messages (booking and session
-- reminders) until a dispatcher hands them to the configured sender; the unique message_key makes
-- writing a reminder idempotent, however often or on however many instances the job runs.
-- coverage_snapshots is the nightly summary of how many residents live within 500 m and 1000 m of
-- a place, per municipality and per sub-area level the residents were counted at.

CREATE TABLE outbox_messages (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- e.g. 'booking-reminder:<booking id>:<start>': one message per booking and start time
    message_key text NOT NULL UNIQUE CHECK (length(message_key) BETWEEN 1 AND 300),
    kind        text NOT NULL CHECK (kind IN ('booking_reminder', 'session_reminder')),
    recipient   text,
    subject     text NOT NULL,
    body        text NOT NULL,
    -- the booking or slot the message is about
    subject_id  uuid NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz,
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX outbox_messages_pending_idx ON outbox_messages (created_at) WHERE sent_at IS NULL;

CREATE TABLE coverage_snapshots (
    municipality_nis   text NOT NULL,
    -- the sub-areas whose residents were counted: 'neighbourhood' or 'sector'
    level              text NOT NULL CHECK (level IN ('neighbourhood', 'sector')),
    distance_m         integer NOT NULL CHECK (distance_m > 0),
    population         bigint NOT NULL,
    covered_population bigint NOT NULL,
    computed_at        timestamptz NOT NULL,
    PRIMARY KEY (municipality_nis, level, distance_m),
    CHECK (covered_population BETWEEN 0 AND population)
);
