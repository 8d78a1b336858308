-- Availability slots of the resource overlapping [@from, @to), with the most units that live bookings
-- (requested or confirmed, in this slot, another one or none) hold at one instant of the slot: the
-- rule of the booking guard trigger (booked_units_peak, migration 0015).
SELECT s.id, lower(s.period) AS starts_at, upper(s.period) AS ends_at, s.capacity, s.is_cancelled,
       booked_units_peak(s.resource_id, s.period, NULL) AS booked
  FROM slots s
 WHERE s.resource_id = @resource_id AND s.period && tstzrange(@from, @to, '[)')
 ORDER BY lower(s.period);
