-- 0020: the booking workflow of issue 16, in the database so that every write path keeps it.
--   * Waitlist. A request for a full period may be stored as 'waitlisted': it holds no unit (the
--     guard trigger, the exclusion constraint and booked_units_peak() only count 'requested' and
--     'confirmed'). Whenever units free up — a live booking is cancelled, declined, expires, moves or
--     shrinks, or a resource or slot gets more capacity — the waitlisted requests of that resource
--     that overlap the freed period are tried oldest first, in the same transaction, and each one
--     that fits now becomes 'confirmed' (or 'requested' where the resource needs approval). The try
--     goes through the guard trigger like any other write, so a promotion can never over-book.
--     A waitlisted request expires at its period's start (expires_at = lower(period)).
--   * Notifications. Each step of a booking that someone should hear about writes an in-app
--     notification for that account (managers: a new request; the booker: approved, declined,
--     expired, promoted from the waitlist) and an outbox e-mail in the account's language, from a
--     row trigger, so decisions by any path and by the expiry job are all told.

-- Accounts choose the language their messages are written in.
ALTER TABLE accounts ADD COLUMN language text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'fr', 'en'));

ALTER TABLE bookings DROP CONSTRAINT bookings_status_check;
ALTER TABLE bookings ADD CONSTRAINT bookings_status_check
    CHECK (status IN ('requested', 'confirmed', 'declined', 'cancelled', 'expired', 'completed', 'waitlisted'));
-- when a waitlisted request got its place (null for the others)
ALTER TABLE bookings ADD COLUMN promoted_at timestamptz;
-- the order in which requests arrived: created_at is the caller's clock and two requests can share
-- it, a sequence cannot (two waitlisted inserts of one resource hold its row lock one after another)
ALTER TABLE bookings ADD COLUMN arrival bigint GENERATED ALWAYS AS IDENTITY;
-- the waitlist of a resource, first come first served
CREATE INDEX bookings_waitlist_idx ON bookings (resource_id, arrival) WHERE status = 'waitlisted';
DROP INDEX bookings_expiry_idx;
CREATE INDEX bookings_expiry_idx ON bookings (expires_at) WHERE status IN ('requested', 'waitlisted');

-- Tries the waitlisted requests of the resource that overlap @p_period, oldest first, and promotes
-- each one that fits now. The resource's row lock comes first (the order every writer of the
-- resource follows, migration 0015), then each try runs in a subtransaction: the guard trigger's
-- refusal (capacity, availability) or the exclusion constraint leaves that request waiting and the
-- next one is tried. Returns how many were promoted.
CREATE FUNCTION promote_waitlisted(p_resource uuid, p_period tstzrange) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    needs_approval boolean;
    timeout        interval;
    waiting        record;
    promoted       integer := 0;
BEGIN
    SELECT r.requires_approval, r.approval_timeout INTO needs_approval, timeout
      FROM resources AS r WHERE r.id = p_resource FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    FOR waiting IN
        SELECT b.id FROM bookings AS b
         WHERE b.resource_id = p_resource AND b.status = 'waitlisted' AND b.period && p_period
           AND lower(b.period) > now()
         ORDER BY b.arrival
    LOOP
        BEGIN
            UPDATE bookings AS b
               SET status = CASE WHEN needs_approval THEN 'requested' ELSE 'confirmed' END,
                   -- a promoted request waits for its manager no longer than a fresh one, and never past its start
                   expires_at = CASE WHEN needs_approval THEN least(lower(b.period), now() + timeout) END,
                   promoted_at = now(), updated_at = now()
             WHERE b.id = waiting.id AND b.status = 'waitlisted';
            IF FOUND THEN
                promoted := promoted + 1;
            END IF;
        EXCEPTION WHEN raise_exception OR exclusion_violation THEN
            NULL; -- it still does not fit; it keeps its place in the queue
        END;
    END LOOP;
    RETURN promoted;
END;
$$;

-- After a statement that updates bookings: the units it freed, per resource (in id order, so two
-- statements lock resources in the same order), offered to the waitlist.
CREATE FUNCTION bookings_offer_freed_units() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    freed record;
BEGIN
    FOR freed IN
        -- live rows that stopped holding (some of) their units
        SELECT o.resource_id, tstzrange(min(lower(o.period)), max(upper(o.period)), '[)') AS span
          FROM old_rows AS o JOIN new_rows AS n ON n.id = o.id
         WHERE o.status IN ('requested', 'confirmed')
           AND (n.status NOT IN ('requested', 'confirmed') OR n.period IS DISTINCT FROM o.period
                OR n.quantity < o.quantity OR n.resource_id <> o.resource_id)
         GROUP BY o.resource_id ORDER BY o.resource_id
    LOOP
        PERFORM promote_waitlisted(freed.resource_id, freed.span);
    END LOOP;
    RETURN NULL;
END;
$$;

-- A waitlisted row just inserted is tried at once: units may have freed between the request's
-- refusal and its insert.
CREATE FUNCTION bookings_offer_inserted_waitlist() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    arrived record;
BEGIN
    FOR arrived IN
        SELECT n.resource_id, tstzrange(min(lower(n.period)), max(upper(n.period)), '[)') AS span
          FROM new_rows AS n WHERE n.status = 'waitlisted'
         GROUP BY n.resource_id ORDER BY n.resource_id
    LOOP
        PERFORM promote_waitlisted(arrived.resource_id, arrived.span);
    END LOOP;
    RETURN NULL;
END;
$$;

CREATE TRIGGER bookings_waitlist_after_update
    AFTER UPDATE ON bookings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bookings_offer_freed_units();
CREATE TRIGGER bookings_waitlist_after_insert
    AFTER INSERT ON bookings REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION bookings_offer_inserted_waitlist();

-- More capacity on a resource or one of its slots is freed units too.
CREATE FUNCTION resources_offer_added_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM promote_waitlisted(NEW.id, tstzrange(now(), NULL, '[)'));
    RETURN NULL;
END;
$$;

CREATE TRIGGER resources_waitlist_after_capacity
    AFTER UPDATE OF capacity ON resources
    FOR EACH ROW WHEN (NEW.capacity > OLD.capacity)
    EXECUTE FUNCTION resources_offer_added_capacity();

CREATE FUNCTION slots_offer_added_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM promote_waitlisted(NEW.resource_id, NEW.period);
    RETURN NULL;
END;
$$;

CREATE TRIGGER slots_waitlist_after_capacity
    AFTER UPDATE OF capacity ON slots
    FOR EACH ROW WHEN (NEW.resource_id IS NOT NULL AND NEW.capacity > OLD.capacity AND NOT NEW.is_cancelled)
    EXECUTE FUNCTION slots_offer_added_capacity();

-- In-app notifications: one row per account and event; the text is made when read, in the
-- account's language of that moment (notification_text).
CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    account_id  uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (kind IN ('booking_requested', 'booking_approved', 'booking_declined',
                                              'booking_expired', 'booking_promoted', 'booking_reminder')),
    booking_id  uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notifications_account_idx ON notifications (account_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread_idx ON notifications (account_id) WHERE read_at IS NULL;

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check
    CHECK (kind IN ('booking_reminder', 'session_reminder', 'notification'));

-- The subject and body of a notification in nl, fr or en: the one place these sentences live (the
-- in-app list and the e-mails both read them here). Times are Brussels wall-clock times.
CREATE FUNCTION notification_text(p_kind text, p_language text, p_resource text, p_start timestamptz,
                                  p_note text, OUT subject text, OUT body text)
LANGUAGE sql STABLE AS $$
    WITH t AS (
        SELECT to_char(p_start AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD HH24:MI') AS at,
               CASE WHEN p_note IS NULL OR p_note = '' THEN '' ELSE ' ' || p_note END AS note
    )
    SELECT CASE p_language || ':' || p_kind
               WHEN 'nl:booking_requested' THEN 'Nieuwe aanvraag: ' || p_resource
               WHEN 'nl:booking_approved'  THEN 'Goedgekeurd: ' || p_resource
               WHEN 'nl:booking_declined'  THEN 'Geweigerd: ' || p_resource
               WHEN 'nl:booking_expired'   THEN 'Verlopen: ' || p_resource
               WHEN 'nl:booking_promoted'  THEN 'Van de wachtlijst: ' || p_resource
               WHEN 'nl:booking_reminder'  THEN 'Herinnering: ' || p_resource
               WHEN 'fr:booking_requested' THEN 'Nouvelle demande : ' || p_resource
               WHEN 'fr:booking_approved'  THEN 'Acceptée : ' || p_resource
               WHEN 'fr:booking_declined'  THEN 'Refusée : ' || p_resource
               WHEN 'fr:booking_expired'   THEN 'Expirée : ' || p_resource
               WHEN 'fr:booking_promoted'  THEN 'Sortie de la liste d''attente : ' || p_resource
               WHEN 'fr:booking_reminder'  THEN 'Rappel : ' || p_resource
               WHEN 'en:booking_requested' THEN 'New request: ' || p_resource
               WHEN 'en:booking_approved'  THEN 'Approved: ' || p_resource
               WHEN 'en:booking_declined'  THEN 'Declined: ' || p_resource
               WHEN 'en:booking_expired'   THEN 'Expired: ' || p_resource
               WHEN 'en:booking_promoted'  THEN 'Off the waitlist: ' || p_resource
               ELSE 'Reminder: ' || p_resource
           END,
           CASE p_language || ':' || p_kind
               WHEN 'nl:booking_requested' THEN 'Er is een aanvraag voor ' || p_resource || ' vanaf ' || t.at || ' die op uw beslissing wacht.'
               WHEN 'nl:booking_approved'  THEN 'Uw reservatie van ' || p_resource || ' vanaf ' || t.at || ' is goedgekeurd.' || t.note
               WHEN 'nl:booking_declined'  THEN 'Uw aanvraag voor ' || p_resource || ' vanaf ' || t.at || ' is geweigerd.' || t.note
               WHEN 'nl:booking_expired'   THEN 'Uw aanvraag voor ' || p_resource || ' vanaf ' || t.at || ' is verlopen zonder beslissing.'
               WHEN 'nl:booking_promoted'  THEN 'Er kwam plaats vrij: uw aanvraag voor ' || p_resource || ' vanaf ' || t.at || ' is niet langer op de wachtlijst.'
               WHEN 'nl:booking_reminder'  THEN 'Uw reservatie van ' || p_resource || ' begint op ' || t.at || '.'
               WHEN 'fr:booking_requested' THEN 'Une demande pour ' || p_resource || ' à partir du ' || t.at || ' attend votre décision.'
               WHEN 'fr:booking_approved'  THEN 'Votre réservation de ' || p_resource || ' à partir du ' || t.at || ' est acceptée.' || t.note
               WHEN 'fr:booking_declined'  THEN 'Votre demande pour ' || p_resource || ' à partir du ' || t.at || ' est refusée.' || t.note
               WHEN 'fr:booking_expired'   THEN 'Votre demande pour ' || p_resource || ' à partir du ' || t.at || ' a expiré sans décision.'
               WHEN 'fr:booking_promoted'  THEN 'Une place s''est libérée : votre demande pour ' || p_resource || ' à partir du ' || t.at || ' n''est plus en liste d''attente.'
               WHEN 'fr:booking_reminder'  THEN 'Votre réservation de ' || p_resource || ' commence le ' || t.at || '.'
               WHEN 'en:booking_requested' THEN 'A request for ' || p_resource || ' from ' || t.at || ' is waiting for your decision.'
               WHEN 'en:booking_approved'  THEN 'Your booking of ' || p_resource || ' from ' || t.at || ' is approved.' || t.note
               WHEN 'en:booking_declined'  THEN 'Your request for ' || p_resource || ' from ' || t.at || ' was declined.' || t.note
               WHEN 'en:booking_expired'   THEN 'Your request for ' || p_resource || ' from ' || t.at || ' expired without a decision.'
               WHEN 'en:booking_promoted'  THEN 'A place came free: your request for ' || p_resource || ' from ' || t.at || ' is off the waitlist.'
               ELSE 'Your booking of ' || p_resource || ' starts at ' || t.at || '.'
           END || CASE p_language WHEN 'nl' THEN ' (uur van Brussel)' WHEN 'fr' THEN ' (heure de Bruxelles)' ELSE ' (Brussels time)' END
      FROM t
$$;

-- Writes the notification of @p_kind about @p_booking for @p_account and its e-mail to the outbox.
CREATE FUNCTION notify_account(p_account uuid, p_kind text, p_booking uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    written  uuid;
    detail   record;
    message  record;
BEGIN
    INSERT INTO notifications (account_id, kind, booking_id) VALUES (p_account, p_kind, p_booking)
    RETURNING id INTO written;
    SELECT a.email, a.language, r.name AS resource_name, lower(b.period) AS starts_at, b.decision_note
      INTO detail
      FROM accounts AS a, bookings AS b JOIN resources AS r ON r.id = b.resource_id
     WHERE a.id = p_account AND b.id = p_booking;
    message := notification_text(p_kind, detail.language, detail.resource_name, detail.starts_at, detail.decision_note);
    INSERT INTO outbox_messages (message_key, kind, recipient, subject, body, subject_id)
    VALUES ('notification:' || written, 'notification', detail.email, message.subject, message.body, p_booking);
END;
$$;

-- Who hears about which step of a booking.
CREATE FUNCTION bookings_notify_people() RETURNS trigger
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

CREATE TRIGGER bookings_notify_people
    AFTER INSERT OR UPDATE OF status ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_notify_people();
