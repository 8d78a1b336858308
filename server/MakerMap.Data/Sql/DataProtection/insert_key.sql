-- Stores one key element. Elements are immutable (revocation is a new element), so a second
-- instance storing the same name is a no-op rather than an error.
INSERT INTO data_protection_keys (friendly_name, xml)
VALUES (@friendlyName, @xml)
ON CONFLICT (friendly_name) DO NOTHING;
