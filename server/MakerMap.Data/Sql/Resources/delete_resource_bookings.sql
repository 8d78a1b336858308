-- The booking history of a resource about to be deleted: bookings.resource_id is NOT NULL and
-- RESTRICT, so bookings cannot outlive their resource. Only ended or dead bookings are left here.
DELETE FROM bookings WHERE resource_id = @id
