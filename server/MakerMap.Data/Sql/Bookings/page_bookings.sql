-- A page of one owner's bookings, newest first, keyset after a booking. {owner_column} is the column
-- that names the owner — resource_id, organisation_id or booked_by — filled in by GraphSql at load
-- time from a fixed list, never from input.
-- matching: the owner's bookings in the states asked for
WITH matching AS (
    SELECT b.* FROM bookings AS b
    WHERE b.{owner_column} = @owner AND (@statuses::text[] IS NULL OR b.status = ANY(@statuses))
)
SELECT b.id AS "uuid", b.resource_id AS "resourceId", b.slot_id AS "slotId",
       lower(b.period) AS "start", upper(b.period) AS "end", b.quantity AS "quantity",
       upper(b.status) AS "status", b.organisation_id AS "organisationId", b.booked_by AS "bookedById",
       b.purpose AS "purpose", ST_AsGeoJSON(b.deployment_location) AS "deploymentLocation",
       b.deployment_address AS "deploymentAddress", b.confirmed_requirements AS "confirmedRequirements",
       CASE WHEN b.status IN ('requested', 'waitlisted') THEN b.expires_at END AS "expiresAt",
       b.decided_by AS "decidedById", b.decided_at AS "decidedAt", b.decision_note AS "decisionNote",
       b.created_at AS "createdAt", b.updated_at AS "updatedAt",
       (SELECT count(*) FROM matching)::int AS "totalCount"
FROM matching AS b
WHERE @after::uuid IS NULL OR (b.created_at, b.id) < ((SELECT created_at FROM bookings WHERE id = @after), @after)
ORDER BY b.created_at DESC, b.id DESC
LIMIT @limit
