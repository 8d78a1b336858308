-- 0013: what the management mutations need. Rows created through the API (places, resources,
-- schedules) name a data source like seeded rows do, so the API gets its own; a cancelled
-- booking keeps the reason its canceller gave, which the other side sees (Booking.cancellationReason).

INSERT INTO data_sources (code, title, licence, attribution)
VALUES ('makermap-api', 'Entered through the MakerMap API by the organisation that runs the place',
        'CC BY 4.0 (MakerMap contributors)', 'MakerMap organisations')
ON CONFLICT (code) DO NOTHING;

ALTER TABLE bookings
    ADD COLUMN cancellation_reason text CHECK (length(cancellation_reason) <= 2000);
