-- Brings a seeded account back to its specification; the caller only runs it when something differs.
UPDATE accounts
   SET display_name = @display_name, password_hash = @password_hash, is_planner = @is_planner, is_admin = @is_admin
 WHERE id = @id
