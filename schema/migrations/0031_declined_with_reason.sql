-- 0031: a declined request carries the reason the booker is told, whatever writes the decline.
-- decideBooking already refuses a decline without one (DECLINE_REASON_REQUIRED); the rule lives here
-- too so that no other path (a script in psql, a later feature) can leave a booker with a bare
-- "declined". NOT VALID: declines stored before the rule keep their empty note; new declines and any
-- later change of a declined row are checked.
ALTER TABLE bookings
    ADD CONSTRAINT bookings_declined_with_reason
    CHECK (status <> 'declined' OR length(btrim(coalesce(decision_note, ''))) > 0) NOT VALID;
