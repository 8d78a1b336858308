-- Every element of the data-protection key ring, oldest first (the key manager picks the default).
SELECT xml
FROM data_protection_keys
ORDER BY created_at, friendly_name;
