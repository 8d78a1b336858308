-- Gives a seeded account its role in the organisation with @organisation_slug, writing only when the
-- membership is missing or has another role. Returns the number of rows written (0 or 1) as the
-- statement's row count; no organisation with the slug writes nothing.
INSERT INTO memberships (account_id, organisation_id, role)
SELECT @account_id, o.id, @role
  FROM organisations AS o
 WHERE o.slug = @organisation_slug
ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = EXCLUDED.role
 WHERE memberships.role IS DISTINCT FROM EXCLUDED.role
