-- The most units live bookings of the resource hold at one instant from now on (booked_units_peak,
-- migration 0015). A capacity below this would strand bookings that were accepted.
SELECT booked_units_peak(@id, tstzrange(@now, NULL, '[)'), NULL)
