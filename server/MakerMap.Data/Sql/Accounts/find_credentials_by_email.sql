-- The stored password hash for sign-in; the lookup uses the lower(email) unique index.
SELECT id, password_hash
FROM accounts
WHERE lower(email) = lower(@email)
