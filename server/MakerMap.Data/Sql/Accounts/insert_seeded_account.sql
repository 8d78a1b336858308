-- A seeded account (demo accounts for development) with its site roles.
INSERT INTO accounts (email, display_name, password_hash, is_planner, is_admin)
VALUES (@email, @display_name, @password_hash, @is_planner, @is_admin)
RETURNING id
