-- The nearest places as GraphQL Place rows with their distance, so `nearestPlaces { place { … } }`
-- costs one round trip instead of a search plus a batched row load. The subquery below is
-- Places/find_nearest_places.sql, filled in by GraphSql at load time, so both searches answer alike.
SELECT {place_columns}, n.distance_m AS "distanceMeters"
  FROM ({nearest_places}
       ) AS n
  JOIN places AS p ON p.id = n.id
 ORDER BY n.distance_m, n.id
