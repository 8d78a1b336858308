-- Organisations by id, as GraphQL Organisation rows.
SELECT o.id AS "uuid", o.slug AS "slug", o.name AS "name", upper(o.kind) AS "kind", o.website AS "website",
       o.email AS "email", o.calendar_token AS "calendarToken"
FROM organisations AS o WHERE o.id = ANY(@ids)
