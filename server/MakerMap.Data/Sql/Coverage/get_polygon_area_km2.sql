-- The size of a drawn (Multi)Polygon in km², on the spheroid.
SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(@geojson::text), 4326)::geography) / 1e6;
