-- Requests nobody decided on before expires_at, and waitlisted requests whose period started
-- (their expires_at is the start): expired. An expired request releases its capacity (the exclusion
-- constraint and the guard trigger only count requested and confirmed bookings), which the database
-- offers to the waitlist in the same statement (migration 0020).
UPDATE bookings
   SET status = 'expired', updated_at = @now
 WHERE status IN ('requested', 'waitlisted') AND expires_at <= @now;
