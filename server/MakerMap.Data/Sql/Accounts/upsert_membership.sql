-- Adds an account to an organisation, or changes its role there.
INSERT INTO memberships (account_id, organisation_id, role)
VALUES (@account_id, @organisation_id, @role)
ON CONFLICT (account_id, organisation_id) DO UPDATE SET role = EXCLUDED.role
