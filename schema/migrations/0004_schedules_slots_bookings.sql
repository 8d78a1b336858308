-- 0004: time. Schedules describe recurring availability of a resource and recurring events at a
-- place (a repair café every second Saturday 14:00-17:00 Europe/Brussels) with an RFC 5545 RRULE
-- subset; slots are their materialised occurrences; bookings claim a period of a resource.
-- All periods are half-open [start, end).

CREATE TABLE schedules (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    -- availability: when a resource can be booked; session: an event at a place (repair café)
    kind          text NOT NULL CHECK (kind IN ('availability', 'session')),
    resource_id   uuid REFERENCES resources (id) ON DELETE CASCADE,
    place_id      uuid REFERENCES places (id) ON DELETE CASCADE,
    title         text NOT NULL,
    -- first occurrence's local start (wall-clock time in time_zone) and its length
    starts_local  timestamp NOT NULL,
    duration      interval NOT NULL CHECK (duration > interval '0' AND duration <= interval '31 days'),
    time_zone     text NOT NULL DEFAULT 'Europe/Brussels',
    -- RFC 5545 RRULE subset, e.g. 'FREQ=MONTHLY;BYDAY=2SA' or 'FREQ=WEEKLY;BYDAY=TU,TH'; NULL = once
    rrule         text,
    -- local dates on which an occurrence is cancelled (RFC 5545 EXDATE)
    excluded_dates date[] NOT NULL DEFAULT '{}',
    -- bookable units per occurrence; NULL = the resource's capacity
    capacity      integer CHECK (capacity BETWEEN 1 AND 10000),
    source_code   text NOT NULL REFERENCES data_sources (code),
    -- unverified: announced by a source but not confirmed by the organiser for future dates
    is_verified   boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'availability' AND resource_id IS NOT NULL)
        OR (kind = 'session' AND place_id IS NOT NULL))
);
CREATE INDEX schedules_resource_idx ON schedules (resource_id);
CREATE INDEX schedules_place_idx ON schedules (place_id);

CREATE TABLE slots (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    schedule_id uuid NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    resource_id uuid REFERENCES resources (id) ON DELETE CASCADE,
    place_id    uuid REFERENCES places (id) ON DELETE CASCADE,
    period      tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)
                                          AND NOT lower_inf(period) AND NOT upper_inf(period)),
    capacity    integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
    is_cancelled boolean NOT NULL DEFAULT false,
    -- materialising a schedule twice must not duplicate its occurrences
    UNIQUE (schedule_id, period),
    -- two availability slots of one resource never overlap
    EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (resource_id IS NOT NULL)
);
CREATE INDEX slots_period_idx ON slots USING gist (period);
CREATE INDEX slots_place_period_idx ON slots USING gist (place_id, period);

CREATE TABLE bookings (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    resource_id     uuid NOT NULL REFERENCES resources (id) ON DELETE RESTRICT,
    slot_id         uuid REFERENCES slots (id) ON DELETE RESTRICT,
    period          tstzrange NOT NULL CHECK (NOT isempty(period) AND lower_inc(period) AND NOT upper_inc(period)
                                              AND NOT lower_inf(period) AND NOT upper_inf(period)),
    quantity        integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 10000),
    organisation_id uuid REFERENCES organisations (id) ON DELETE RESTRICT,
    booked_by       uuid REFERENCES accounts (id) ON DELETE SET NULL,
    status          text NOT NULL DEFAULT 'requested'
                    CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'expired', 'completed')),
    -- copied from the resource when the booking is made: an exclusion constraint can only look
    -- at the row itself
    is_exclusive    boolean NOT NULL,
    purpose         text CHECK (length(purpose) <= 2000),
    -- where a mobile resource (the mobile give-box) will stand during the booking
    deployment_location geometry(Point, 4326),
    deployment_address  text,
    -- requirement codes the booker confirmed (van, tow_hitch, ...)
    confirmed_requirements text[] NOT NULL DEFAULT '{}',
    -- a client retrying the same request gets the first booking back instead of a second one
    idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 200),
    expires_at      timestamptz,
    decided_by      uuid REFERENCES accounts (id) ON DELETE SET NULL,
    decided_at      timestamptz,
    decision_note   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    -- two live bookings of an exclusive resource never overlap, whatever the code path
    CONSTRAINT bookings_exclusive_no_overlap EXCLUDE USING gist (resource_id WITH =, period WITH &&)
        WHERE (is_exclusive AND status IN ('requested', 'confirmed'))
);
CREATE UNIQUE INDEX bookings_idempotency_key ON bookings (resource_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX bookings_resource_period_idx ON bookings USING gist (resource_id, period);
CREATE INDEX bookings_slot_idx ON bookings (slot_id) WHERE slot_id IS NOT NULL;
CREATE INDEX bookings_organisation_idx ON bookings (organisation_id);
CREATE INDEX bookings_expiry_idx ON bookings (expires_at) WHERE status = 'requested';

-- Capacity guard: whatever inserts or updates a live booking, the units booked in its slot (or,
-- for a shared resource without slots, overlapping it) never exceed the capacity. Locking the
-- slot or resource row serialises concurrent requests for the same capacity.
CREATE FUNCTION bookings_enforce_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cap    integer;
    booked integer;
BEGIN
    IF NEW.status NOT IN ('requested', 'confirmed') THEN
        RETURN NEW;
    END IF;
    IF NEW.slot_id IS NOT NULL THEN
        SELECT capacity INTO cap FROM slots WHERE id = NEW.slot_id FOR UPDATE;
        SELECT coalesce(sum(quantity), 0) INTO booked
          FROM bookings
         WHERE slot_id = NEW.slot_id AND id <> NEW.id AND status IN ('requested', 'confirmed');
    ELSE
        SELECT capacity INTO cap FROM resources WHERE id = NEW.resource_id FOR UPDATE;
        SELECT coalesce(sum(quantity), 0) INTO booked
          FROM bookings
         WHERE resource_id = NEW.resource_id AND slot_id IS NULL AND id <> NEW.id
           AND status IN ('requested', 'confirmed') AND period && NEW.period;
    END IF;
    IF booked + NEW.quantity > cap THEN
        RAISE EXCEPTION 'capacity exceeded: % of % units already booked', booked, cap
            USING ERRCODE = 'P0001', HINT = 'makermap:capacity_exceeded';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bookings_capacity_guard
    BEFORE INSERT OR UPDATE OF status, quantity, period, slot_id ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_enforce_capacity();
