-- A weekly series (migration 0024); its occurrences are inserted after it, one per week, each with
-- insert_booking.sql. The unique index booking_series_idempotency_key (23505) catches a concurrent
-- retry with the same key.
INSERT INTO booking_series AS s (resource_id, organisation_id, booked_by, first_period, weeks, quantity, purpose,
                                 idempotency_key, request_hash, created_at)
VALUES (@resource_id, @organisation_id, @booked_by, tstzrange(@starts_at, @ends_at, '[)'), @weeks, @quantity, @purpose,
        @idempotency_key, @request_hash, @now)
RETURNING s.id, s.resource_id, s.organisation_id, s.booked_by, lower(s.first_period) AS starts_at,
          upper(s.first_period) AS ends_at, s.weeks, s.quantity, s.purpose, s.created_at, s.request_hash;
