-- Requests nobody decided on before expires_at: expired, which releases their capacity (the
-- exclusion constraint and the capacity trigger only count requested and confirmed bookings).
UPDATE bookings
   SET status = 'expired', updated_at = @now
 WHERE status = 'requested' AND expires_at <= @now;
