-- 0029: a resource that has been given availability stays booked inside its slots, even when its
-- last availability schedule is deleted.
-- Until now "has availability" meant "has an availability schedule today" (0015), so deleting the
-- only schedule of a workshop turned it into a resource bookable at any hour, up to its capacity:
-- a manager who meant "no more openings" opened it round the clock. The rule is now a property of
-- the resource, set the first time an availability schedule is attached and never cleared by a
-- delete: without slots such a resource takes no new bookings (OUTSIDE_AVAILABILITY) until a new
-- schedule gives it some. A resource that never had a schedule is booked in free periods as before.
ALTER TABLE resources ADD COLUMN booked_in_slots boolean NOT NULL DEFAULT false;

UPDATE resources AS r SET booked_in_slots = true
 WHERE EXISTS (SELECT 1 FROM schedules AS s WHERE s.resource_id = r.id AND s.kind = 'availability');

CREATE FUNCTION schedules_mark_resource_booked_in_slots() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.kind = 'availability' AND NEW.resource_id IS NOT NULL THEN
        UPDATE resources SET booked_in_slots = true WHERE id = NEW.resource_id AND NOT booked_in_slots;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER schedules_mark_resource_booked_in_slots
    AFTER INSERT OR UPDATE OF kind, resource_id ON schedules
    FOR EACH ROW EXECUTE FUNCTION schedules_mark_resource_booked_in_slots();

-- Same name and signature as 0015's, so the booking and capacity guards read the new rule unchanged.
CREATE OR REPLACE FUNCTION resource_has_availability(p_resource uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT r.booked_in_slots FROM resources AS r WHERE r.id = p_resource), false)
$$;
