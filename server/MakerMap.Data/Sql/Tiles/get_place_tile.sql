-- One Mapbox Vector Tile (one layer, @layer) with the places inside tile @z/@x/@y.
-- Properties as the GraphQL API names them: id is the Relay global id of the Place (base64 of
-- "Place:<uuid>", as MakerMap.Api.Schema.GlobalId encodes it; a test holds the two together), kind
-- and categories are GraphQL enum names, categories comma-separated. city is omitted when unknown.
WITH
-- bounds: the tile, and the tile grown by the 64-pixel buffer in WGS 84 for the places' GiST index
bounds AS (
    SELECT ST_TileEnvelope(@z, @x, @y) AS tile,
           ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096), 4326) AS reach
),
-- features: each place's point in tile coordinates, with its properties
features AS (
    SELECT ST_AsMVTGeom(ST_Transform(p.location, 3857), b.tile, 4096, 64, true) AS geom,
           encode(convert_to('Place:' || p.id::text, 'UTF8'), 'base64') AS id,
           p.slug,
           p.name,
           upper(p.kind) AS kind,
           array_to_string(ARRAY(SELECT upper(c) FROM unnest(p.categories) AS c), ',') AS categories,
           p.locality AS city
      FROM places AS p
     CROSS JOIN bounds AS b
     WHERE p.location && b.reach
     ORDER BY p.name, p.slug
)
SELECT ST_AsMVT(features, @layer, 4096, 'geom')
  FROM features
 WHERE features.geom IS NOT NULL;
