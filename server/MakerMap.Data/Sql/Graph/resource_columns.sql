r.id AS "uuid", r.slug AS "slug", r.name AS "name", upper(r.kind) AS "kind", r.description AS "description",
r.capacity AS "capacity", upper(r.booking_mode) AS "bookingMode", r.is_mobile AS "isMobile",
r.requires_approval AS "requiresApproval", r.booked_in_slots AS "bookedInSlots",
(extract(epoch FROM r.min_booking) / 60)::int AS "minBookingMinutes",
(extract(epoch FROM r.max_booking) / 60)::int AS "maxBookingMinutes",
(extract(epoch FROM r.approval_timeout) / 3600)::float8 AS "approvalTimeoutHours",
r.home_place_id AS "homePlaceId", r.organisation_id AS "organisationId", r.source_code AS "sourceCode"
