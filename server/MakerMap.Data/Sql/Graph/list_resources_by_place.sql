-- Resources whose home is one of the places; "key" is the place.
SELECT {resource_columns}, r.home_place_id AS "key" FROM resources AS r WHERE r.home_place_id = ANY(@ids) ORDER BY r.name, r.id
