-- 0017: RFC 5545 SEQUENCE and LAST-MODIFIED for the calendar feeds (issue 17). A calendar client
-- replaces an event it already holds only when the event's SEQUENCE grew (§3.8.7.4), so every change
-- a feed shows bumps the row's calendar_sequence and stamps calendar_changed_at: a booking's time,
-- status, quantity, purpose or deployment address, a session's time or cancellation. A trigger does
-- it, so that no write path (GraphQL, jobs, schedule edits, scripts) can forget. bookings.updated_at
-- is not enough: it says when, not how many times, and not every path that changes a slot has one.

ALTER TABLE bookings
    ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0,
    ADD COLUMN calendar_changed_at timestamptz;
UPDATE bookings SET calendar_changed_at = updated_at;
ALTER TABLE bookings
    ALTER COLUMN calendar_changed_at SET DEFAULT now(),
    ALTER COLUMN calendar_changed_at SET NOT NULL;

ALTER TABLE slots
    ADD COLUMN calendar_sequence integer NOT NULL DEFAULT 0,
    ADD COLUMN calendar_changed_at timestamptz NOT NULL DEFAULT now();

-- one more revision of the row as a calendar shows it
CREATE FUNCTION bump_calendar_sequence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.calendar_sequence := OLD.calendar_sequence + 1;
    NEW.calendar_changed_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER bookings_calendar_sequence
    BEFORE UPDATE ON bookings
    FOR EACH ROW
    WHEN ((OLD.period, OLD.status, OLD.quantity, OLD.purpose, OLD.deployment_address)
          IS DISTINCT FROM (NEW.period, NEW.status, NEW.quantity, NEW.purpose, NEW.deployment_address))
    EXECUTE FUNCTION bump_calendar_sequence();

CREATE TRIGGER slots_calendar_sequence
    BEFORE UPDATE ON slots
    FOR EACH ROW
    WHEN ((OLD.period, OLD.is_cancelled) IS DISTINCT FROM (NEW.period, NEW.is_cancelled))
    EXECUTE FUNCTION bump_calendar_sequence();
