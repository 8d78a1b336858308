-- 0024: recurring bookings (issue 16, item 4). A member asks for the same slot weekly for N weeks in
-- one request; the request is a booking_series row and every week is an ordinary bookings row that
-- names it (series_id, series_week). Each occurrence therefore goes through every guard a single
-- booking meets (capacity per instant, exclusion, availability, approval, waitlist, notifications)
-- and succeeds or fails on its own. The rules of a series are invariants here:
--   * 2 to 52 weeks;
--   * week k of a series lies exactly k weeks after its first period in Europe/Brussels wall-clock
--     time (a 10:00-17:00 slot stays 10:00-17:00 across a daylight-saving change), on the series'
--     resource, for its organisation, by its booker; at most one booking per week of a series.
-- Managers hear about a series once: the request notification of migration 0020 is written for the
-- first occurrence of a series that waits for a decision, not for every week (each week still shows in
-- the approval queue and is decided on its own; promotions from the waitlist are told one by one).

CREATE TABLE booking_series (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource_id     uuid NOT NULL REFERENCES resources (id) ON DELETE RESTRICT,
    organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
    booked_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    -- the first week's period; week k is series_occurrence(first_period, k)
    first_period    tstzrange NOT NULL CHECK (NOT isempty(first_period) AND lower_inc(first_period) AND NOT upper_inc(first_period)
                                              AND NOT lower_inf(first_period) AND NOT upper_inf(first_period)),
    weeks           integer NOT NULL CHECK (weeks BETWEEN 2 AND 52),
    quantity        integer NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    purpose         text CHECK (length(purpose) <= 2000),
    -- a client retrying the same series request gets the first series back
    idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    request_hash    bytea,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX booking_series_idempotency_key ON booking_series (booked_by, organisation_id, idempotency_key)
    NULLS NOT DISTINCT WHERE idempotency_key IS NOT NULL;
CREATE INDEX booking_series_booked_by_idx ON booking_series (booked_by);

ALTER TABLE bookings ADD COLUMN series_id uuid REFERENCES booking_series (id) ON DELETE RESTRICT;
-- 0-based week of the series; set exactly when series_id is
ALTER TABLE bookings ADD COLUMN series_week integer CHECK (series_week BETWEEN 0 AND 51);
ALTER TABLE bookings ADD CONSTRAINT bookings_series_week_given CHECK ((series_id IS NULL) = (series_week IS NULL));
CREATE UNIQUE INDEX bookings_series_week ON bookings (series_id, series_week) WHERE series_id IS NOT NULL;

-- Week @p_week of a weekly series whose first period is @p_first: the same Brussels wall-clock times
-- @p_week weeks later. Adding days to a local timestamp (not to an instant) is what keeps 10:00 at
-- 10:00 when the clocks change in between; a local time the change skips resolves as PostgreSQL
-- resolves it for every other local time.
CREATE FUNCTION series_occurrence(p_first tstzrange, p_week integer) RETURNS tstzrange
LANGUAGE sql STABLE STRICT AS $$
    SELECT tstzrange(
        ((lower(p_first) AT TIME ZONE 'Europe/Brussels') + make_interval(days => 7 * p_week)) AT TIME ZONE 'Europe/Brussels',
        ((upper(p_first) AT TIME ZONE 'Europe/Brussels') + make_interval(days => 7 * p_week)) AT TIME ZONE 'Europe/Brussels',
        '[)')
$$;

-- An occurrence is its series' week: the right period, resource, organisation and booker.
CREATE FUNCTION bookings_match_series() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    s booking_series;
BEGIN
    IF NEW.series_id IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT * INTO s FROM booking_series WHERE id = NEW.series_id;
    IF NEW.series_week >= s.weeks OR NEW.resource_id <> s.resource_id
       OR NEW.organisation_id IS DISTINCT FROM s.organisation_id OR NEW.booked_by IS DISTINCT FROM s.booked_by
       OR NEW.period <> series_occurrence(s.first_period, NEW.series_week) THEN
        RAISE EXCEPTION 'booking % is not week % of series %', NEW.id, NEW.series_week, NEW.series_id
            USING ERRCODE = 'check_violation', HINT = 'makermap:series_mismatch';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_series_guard
    BEFORE INSERT OR UPDATE OF series_id, series_week, period, resource_id, organisation_id ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_match_series();

-- Migration 0020's function, with one change: a request inserted as an occurrence of a series tells
-- the managers only when no other occurrence of that series has told them yet.
CREATE OR REPLACE FUNCTION bookings_notify_people() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    manager uuid;
    step    text;
BEGIN
    -- a request that waits for a decision: every resource manager and admin of the resource's organisation
    IF NEW.status = 'requested' AND (TG_OP = 'INSERT' OR OLD.status = 'waitlisted') THEN
        FOR manager IN
            SELECT m.account_id FROM memberships AS m JOIN resources AS r ON r.organisation_id = m.organisation_id
             WHERE r.id = NEW.resource_id AND m.role IN ('resource_manager', 'admin')
               AND m.account_id IS DISTINCT FROM NEW.booked_by
               AND NOT (TG_OP = 'INSERT' AND NEW.series_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM notifications AS n JOIN bookings AS o ON o.id = n.booking_id
                    WHERE o.series_id = NEW.series_id AND n.account_id = m.account_id AND n.kind = 'booking_requested'))
        LOOP
            PERFORM notify_account(manager, 'booking_requested', NEW.id);
        END LOOP;
    END IF;
    IF TG_OP = 'INSERT' OR NEW.booked_by IS NULL THEN
        RETURN NULL;
    END IF;
    step := CASE
        WHEN OLD.status = 'waitlisted' AND NEW.status IN ('requested', 'confirmed') THEN 'booking_promoted'
        WHEN OLD.status = 'requested' AND NEW.status = 'confirmed' THEN 'booking_approved'
        WHEN OLD.status = 'requested' AND NEW.status = 'declined' THEN 'booking_declined'
        WHEN OLD.status IN ('requested', 'waitlisted') AND NEW.status = 'expired' THEN 'booking_expired'
    END;
    IF step IS NOT NULL THEN
        PERFORM notify_account(NEW.booked_by, step, NEW.id);
    END IF;
    RETURN NULL;
END;
$$;
