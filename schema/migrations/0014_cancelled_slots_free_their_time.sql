-- 0014: a slot its schedule no longer produces is cancelled and kept for the bookings that point to
-- it (remove_stale_slots.sql). Until now it also kept its place under the resource's no-overlap
-- constraint, so a moved occurrence overlapping it never got its slot, not even after those bookings
-- ended. From here on a cancelled slot stops holding the resource's time; the live bookings it keeps
-- still hold their units, against every slot of the resource that overlaps them.

ALTER TABLE slots DROP CONSTRAINT slots_resource_id_period_excl;
-- two bookable availability slots of one resource never overlap
ALTER TABLE slots ADD CONSTRAINT slots_resource_id_period_excl
    EXCLUDE USING gist (resource_id WITH =, period WITH &&) WHERE (resource_id IS NOT NULL AND NOT is_cancelled);

-- Capacity guard (0004), now also counting, for a bookable availability slot, the live units of
-- cancelled slots of the resource that overlap it. No booking is added to a cancelled slot, so those
-- units only ever go down and locking the booked slot's row still serialises the requests that matter.
CREATE OR REPLACE FUNCTION bookings_enforce_capacity() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    cap            integer;
    booked         integer;
    slot_resource  uuid;
    slot_period    tstzrange;
    slot_cancelled boolean;
BEGIN
    IF NEW.status NOT IN ('requested', 'confirmed') THEN
        RETURN NEW;
    END IF;
    IF NEW.slot_id IS NOT NULL THEN
        SELECT capacity, resource_id, period, is_cancelled INTO cap, slot_resource, slot_period, slot_cancelled
          FROM slots WHERE id = NEW.slot_id FOR UPDATE;
        SELECT coalesce(sum(quantity), 0) INTO booked
          FROM bookings
         WHERE slot_id = NEW.slot_id AND id <> NEW.id AND status IN ('requested', 'confirmed');
        IF slot_resource IS NOT NULL AND NOT slot_cancelled THEN
            SELECT booked + coalesce(sum(b.quantity), 0) INTO booked
              FROM bookings AS b
              JOIN slots AS c ON c.id = b.slot_id
             WHERE c.resource_id = slot_resource AND c.is_cancelled AND c.period && slot_period
               AND b.id <> NEW.id AND b.status IN ('requested', 'confirmed');
        END IF;
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
