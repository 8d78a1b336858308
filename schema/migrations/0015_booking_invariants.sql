-- 0015: the booking and organisation invariants live in the database, so that every write path keeps
-- them, whichever code (a slot booking, a start/end booking, an approval, a management change, a
-- later feature) writes the row:
--   * at no instant do the live bookings (requested or confirmed) of a resource hold more units than
--     the resource offers then: the capacity of the bookable availability slot covering that instant,
--     or, for a resource without availability schedules, the resource's capacity;
--   * a new live booking of a resource with availability schedules lies inside its bookable slots;
--   * a live booking that has not ended is never deleted (deleting its resource or schedule is IN_USE);
--   * an organisation keeps at least one admin;
--   * an idempotency key belongs to the account and organisation that sent it.
-- Every write that can add units to a resource first takes its row lock (FOR NO KEY UPDATE), so the
-- writers of one resource run one after another and each sees what the one before committed.

-- The most units that live bookings of the resource (other than @exclude) hold at one instant of
-- @period. The peak of a sum of half-open intervals is reached where one of them starts, so only the
-- period's start and the starts of the bookings inside it are looked at.
CREATE FUNCTION booked_units_peak(p_resource uuid, p_period tstzrange, p_exclude uuid) RETURNS integer
LANGUAGE sql STABLE AS $$
    WITH live AS (
        -- live bookings of the resource overlapping the period
        SELECT b.period, b.quantity
          FROM bookings AS b
         WHERE b.resource_id = p_resource AND b.status IN ('requested', 'confirmed')
           AND b.period && p_period AND b.id IS DISTINCT FROM p_exclude
    ), instant AS (
        -- where the sum can change upwards inside the period
        SELECT lower(p_period) AS at
        UNION
        SELECT lower(l.period) FROM live AS l WHERE lower(l.period) > lower(p_period)
    )
    SELECT coalesce(max((SELECT sum(l.quantity) FROM live AS l WHERE l.period @> i.at)), 0)::int
      FROM instant AS i
$$;

-- Whether bookings of the resource must lie inside its availability slots.
CREATE FUNCTION resource_has_availability(p_resource uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM schedules AS s WHERE s.resource_id = p_resource AND s.kind = 'availability')
$$;

-- The guard of every live booking row, replacing 0014's capacity trigger.
CREATE FUNCTION bookings_enforce_invariants() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    resource_capacity integer;
    booked_slot       record;
    covered           tstzmultirange;
    bookable          record;
BEGIN
    IF NEW.status NOT IN ('requested', 'confirmed') THEN
        RETURN NEW;
    END IF;
    -- A decision on a live booking (requested -> confirmed) adds no unit and keeps the period: it
    -- stands even if the slot was cancelled after the request.
    IF TG_OP = 'UPDATE' AND OLD.status IN ('requested', 'confirmed') AND NEW.resource_id = OLD.resource_id
       AND NEW.period = OLD.period AND NEW.quantity <= OLD.quantity AND NEW.slot_id IS NOT DISTINCT FROM OLD.slot_id THEN
        RETURN NEW;
    END IF;

    -- One writer per resource at a time; the statements below run after the lock, so they see every
    -- booking committed before it.
    SELECT r.capacity INTO resource_capacity FROM resources AS r WHERE r.id = NEW.resource_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN NEW; -- the foreign key reports the unknown resource
    END IF;

    IF NEW.slot_id IS NOT NULL THEN
        SELECT s.resource_id, s.period, s.is_cancelled INTO booked_slot FROM slots AS s WHERE s.id = NEW.slot_id;
        IF NOT FOUND OR booked_slot.resource_id IS DISTINCT FROM NEW.resource_id OR booked_slot.is_cancelled
           OR NOT booked_slot.period @> NEW.period THEN
            RAISE EXCEPTION 'the booking is not inside a bookable slot of its resource'
                USING ERRCODE = 'P0001', HINT = 'makermap:outside_availability';
        END IF;
    END IF;

    IF resource_has_availability(NEW.resource_id) THEN
        SELECT range_agg(s.period) INTO covered
          FROM slots AS s
         WHERE s.resource_id = NEW.resource_id AND NOT s.is_cancelled AND s.period && NEW.period;
        IF covered IS NULL OR NOT covered @> NEW.period THEN
            RAISE EXCEPTION 'the period % is not inside the availability of resource %', NEW.period, NEW.resource_id
                USING ERRCODE = 'P0001', HINT = 'makermap:outside_availability';
        END IF;
        -- each bookable slot the booking touches bounds the units in their common part
        FOR bookable IN
            SELECT s.period, s.capacity FROM slots AS s
             WHERE s.resource_id = NEW.resource_id AND NOT s.is_cancelled AND s.period && NEW.period
        LOOP
            IF booked_units_peak(NEW.resource_id, bookable.period * NEW.period, NEW.id) + NEW.quantity > bookable.capacity THEN
                RAISE EXCEPTION 'capacity exceeded: the slot % offers % units', bookable.period, bookable.capacity
                    USING ERRCODE = 'P0001', HINT = 'makermap:capacity_exceeded';
            END IF;
        END LOOP;
    ELSIF booked_units_peak(NEW.resource_id, NEW.period, NEW.id) + NEW.quantity > resource_capacity THEN
        RAISE EXCEPTION 'capacity exceeded: the resource offers % units', resource_capacity
            USING ERRCODE = 'P0001', HINT = 'makermap:capacity_exceeded';
    END IF;
    RETURN NEW;
END;
$$;

DROP TRIGGER bookings_capacity_guard ON bookings;
DROP FUNCTION bookings_enforce_capacity();
CREATE TRIGGER bookings_invariants_guard
    BEFORE INSERT OR UPDATE OF status, quantity, period, slot_id, resource_id ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_enforce_invariants();

-- A live booking that has not ended was promised to someone: no path deletes it (cancel it first).
CREATE FUNCTION bookings_refuse_live_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'booking % is % and has not ended; cancel it before deleting', OLD.id, OLD.status
        USING ERRCODE = 'P0001', HINT = 'makermap:in_use';
END;
$$;

CREATE TRIGGER bookings_live_delete_guard
    BEFORE DELETE ON bookings
    FOR EACH ROW WHEN (OLD.status IN ('requested', 'confirmed') AND upper(OLD.period) > now())
    EXECUTE FUNCTION bookings_refuse_live_delete();

-- A slot or resource whose capacity drops must still hold the live bookings that have not ended.
CREATE FUNCTION slots_enforce_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    still_open tstzrange;
BEGIN
    IF NEW.resource_id IS NULL OR NEW.capacity >= OLD.capacity OR upper(NEW.period) <= now() THEN
        RETURN NEW;
    END IF;
    PERFORM 1 FROM resources AS r WHERE r.id = NEW.resource_id FOR NO KEY UPDATE;
    still_open := NEW.period * tstzrange(now(), NULL, '[)');
    IF booked_units_peak(NEW.resource_id, still_open, NULL) > NEW.capacity THEN
        RAISE EXCEPTION 'live bookings hold more than % units in slot %', NEW.capacity, NEW.period
            USING ERRCODE = 'P0001', HINT = 'makermap:capacity_below_booked';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER slots_capacity_guard
    BEFORE UPDATE OF capacity ON slots
    FOR EACH ROW EXECUTE FUNCTION slots_enforce_capacity();

CREATE FUNCTION resources_enforce_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.capacity >= OLD.capacity OR resource_has_availability(NEW.id) THEN
        RETURN NEW; -- with availability the slots carry the capacity (slots_capacity_guard)
    END IF;
    IF booked_units_peak(NEW.id, tstzrange(now(), NULL, '[)'), NULL) > NEW.capacity THEN
        RAISE EXCEPTION 'live bookings hold more than % units of resource %', NEW.capacity, NEW.id
            USING ERRCODE = 'P0001', HINT = 'makermap:capacity_below_booked';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER resources_capacity_guard
    BEFORE UPDATE OF capacity ON resources
    FOR EACH ROW EXECUTE FUNCTION resources_enforce_capacity();

-- Idempotency keys belong to the caller: the same key from another account or for another
-- organisation is another request. The request's fingerprint tells a retry from a different request.
ALTER TABLE bookings ADD COLUMN request_hash bytea;
DROP INDEX bookings_idempotency_key;
-- keys that the new scope would make collide (a client reusing one key across resources) keep only
-- their first booking's key
UPDATE bookings AS b SET idempotency_key = NULL
 WHERE b.idempotency_key IS NOT NULL
   AND EXISTS (SELECT 1 FROM bookings AS o
                WHERE o.idempotency_key = b.idempotency_key
                  AND o.booked_by IS NOT DISTINCT FROM b.booked_by
                  AND o.organisation_id IS NOT DISTINCT FROM b.organisation_id
                  AND (o.created_at, o.id) < (b.created_at, b.id));
CREATE UNIQUE INDEX bookings_idempotency_key ON bookings (booked_by, organisation_id, idempotency_key) NULLS NOT DISTINCT
    WHERE idempotency_key IS NOT NULL;

-- An organisation always has an admin. The organisation's row lock makes two admins who leave at
-- the same moment run one after the other; the count then sees the first one gone.
CREATE FUNCTION memberships_keep_an_admin() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.role <> 'admin' OR (TG_OP = 'UPDATE' AND NEW.role = 'admin' AND NEW.organisation_id = OLD.organisation_id) THEN
        RETURN NULL;
    END IF;
    PERFORM 1 FROM organisations AS o WHERE o.id = OLD.organisation_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RETURN NULL; -- the organisation itself is being deleted
    END IF;
    IF NOT EXISTS (SELECT 1 FROM memberships AS m WHERE m.organisation_id = OLD.organisation_id AND m.role = 'admin') THEN
        RAISE EXCEPTION 'organisation % would have no admin', OLD.organisation_id
            USING ERRCODE = 'P0001', HINT = 'makermap:last_admin';
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER memberships_admin_guard
    AFTER UPDATE OF role, organisation_id OR DELETE ON memberships
    FOR EACH ROW EXECUTE FUNCTION memberships_keep_an_admin();
