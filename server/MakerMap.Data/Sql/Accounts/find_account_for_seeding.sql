-- An account by e-mail address (any case) with what seeding compares: name, hash and site roles.
SELECT id, display_name, password_hash, is_planner, is_admin
  FROM accounts
 WHERE lower(email) = lower(@email)
