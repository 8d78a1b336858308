-- A new account; the unique index on lower(email) rejects a second account for the same address
-- in any case (SQLSTATE 23505, constraint accounts_email_key).
INSERT INTO accounts (email, display_name, password_hash)
VALUES (@email, @display_name, @password_hash)
RETURNING id, email, display_name, is_planner, is_admin, created_at
