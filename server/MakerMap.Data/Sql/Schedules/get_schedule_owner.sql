-- The organisation that owns a schedule: the resource's for availability, the place's for sessions.
SELECT s.kind, coalesce(r.organisation_id, p.organisation_id) AS organisation_id
  FROM schedules AS s
  LEFT JOIN resources AS r ON r.id = s.resource_id AND s.kind = 'availability'
  LEFT JOIN places AS p ON p.id = s.place_id AND s.kind = 'session'
 WHERE s.id = @id
