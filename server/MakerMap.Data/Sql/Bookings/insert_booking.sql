-- A new booking. The exclusion constraint bookings_exclusive_no_overlap (23P01), the guard trigger
-- (P0001, hints makermap:capacity_exceeded and makermap:outside_availability, migration 0015) and the
-- unique idempotency index (23505) guard it against concurrent requests; the caller maps each to a
-- typed failure. An occurrence of a series (migration 0024) names it and its week; a single booking
-- leaves both null.
INSERT INTO bookings AS b (resource_id, slot_id, period, quantity, organisation_id, booked_by, status,
                           is_exclusive, purpose, deployment_location, deployment_address,
                           confirmed_requirements, idempotency_key, request_hash, expires_at, created_at, updated_at,
                           series_id, series_week)
VALUES (@resource_id, @slot_id, tstzrange(@starts_at, @ends_at, '[)'), @quantity, @organisation_id, @booked_by, @status,
        @is_exclusive, @purpose,
        CASE WHEN @deployment_lon::float8 IS NULL THEN NULL
             ELSE ST_SetSRID(ST_MakePoint(@deployment_lon::float8, @deployment_lat::float8), 4326) END,
        @deployment_address, @confirmed_requirements, @idempotency_key, @request_hash, @expires_at, @now, @now,
        @series_id, @series_week)
RETURNING b.id, b.resource_id, b.slot_id, lower(b.period) AS starts_at, upper(b.period) AS ends_at, b.quantity,
       b.organisation_id, b.booked_by, b.status, b.purpose, b.deployment_location,
       b.deployment_address, b.confirmed_requirements, b.idempotency_key, b.expires_at, b.decided_by,
       b.decided_at, b.decision_note, b.created_at;
