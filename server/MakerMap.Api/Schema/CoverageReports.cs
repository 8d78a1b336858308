using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Api.Schema;

/// <summary>A sub-area row of a report with what the GraphQL layer adds to the data layer's result.</summary>
/// <param name="Code">Area code.</param>
/// <param name="AreaId">The area's uuid, when the code names a stored area of the level.</param>
/// <param name="NearestPlaceId">The nearest matching place within 50 km.</param>
/// <param name="ReferenceDate">The date of the population count.</param>
public sealed record CoverageRowLinks(string Code, Guid? AreaId, Guid? NearestPlaceId, DateTime? ReferenceDate);

/// <summary>
/// The SQL behind coverage reports beyond <c>CoverageQueries</c>: area lookup, links of rows to
/// areas and nearest places, the uncovered part of the area, and which sub-area centres cover
/// which uncovered centres (the input of the greedy site choice). Distances are metres on the
/// spheroid (geography), as everywhere else.
/// </summary>
public sealed class CoverageReports(NpgsqlDataSource dataSource)
{
    private const string PlaceFilter = """
        (@kinds::text[] IS NULL OR p.kind = ANY(@kinds)) AND (@categories::text[] IS NULL OR p.categories && @categories)
        """;

    /// <summary>A municipality by NIS code, or null.</summary>
    public async Task<Row?> MunicipalityAsync(string code, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {GraphStore.AreaColumns} FROM areas AS a WHERE a.level = 'municipality' AND a.code = @code");
        command.Parameters.Add(new NpgsqlParameter<string>("code", NpgsqlDbType.Text) { TypedValue = code });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return (await Row.ReadAllAsync(reader, "Area", ct).ConfigureAwait(false)).FirstOrDefault();
    }

    /// <summary>The area of a GeoJSON (Multi)Polygon in km² on the spheroid.</summary>
    public async Task<double> AreaSquareKilometresAsync(string geoJson, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT ST_Area(ST_SetSRID(ST_GeomFromGeoJSON(@g), 4326)::geography) / 1e6");
        command.Parameters.Add(new NpgsqlParameter<string>("g", NpgsqlDbType.Text) { TypedValue = geoJson });
        return (double)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
    }

    /// <summary>For each sub-area point: its area row id, nearest matching place (within 50 km) and count date.</summary>
    public async Task<Dictionary<string, CoverageRowLinks>> LinksAsync(string level, IReadOnlyList<(string Code, double Lon, double Lat)> points,
        IReadOnlyList<string>? kinds, IReadOnlyList<string>? categories, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            -- pts: the sub-areas' population points
            WITH pts AS (SELECT * FROM unnest(@codes::text[], @lons::float8[], @lats::float8[]) AS t(code, lon, lat))
            SELECT pts.code, a.id, n.id, a.population_reference_date
            FROM pts
            LEFT JOIN areas AS a ON a.level = @level AND a.code = pts.code
            LEFT JOIN LATERAL (
                SELECT p.id FROM places AS p
                WHERE {PlaceFilter}
                  AND ST_DWithin(p.geog, ST_SetSRID(ST_MakePoint(pts.lon, pts.lat), 4326)::geography, 50000)
                ORDER BY ST_Distance(p.geog, ST_SetSRID(ST_MakePoint(pts.lon, pts.lat), 4326)::geography), p.id
                LIMIT 1) AS n ON true
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>("level", NpgsqlDbType.Text) { TypedValue = level });
        p.Add(new NpgsqlParameter<string[]>("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. points.Select(x => x.Code)] });
        p.Add(new NpgsqlParameter<double[]>("lons", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. points.Select(x => x.Lon)] });
        p.Add(new NpgsqlParameter<double[]>("lats", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. points.Select(x => x.Lat)] });
        AddFilters(p, kinds, categories);
        var links = new Dictionary<string, CoverageRowLinks>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var code = reader.GetString(0);
            links.TryAdd(code, new CoverageRowLinks(code,
                reader.IsDBNull(1) ? null : reader.GetGuid(1),
                reader.IsDBNull(2) ? null : reader.GetGuid(2),
                reader.IsDBNull(3) ? null : reader.GetDateTime(3)));
        }
        return links;
    }

    /// <summary>
    /// How many matching places lie within <paramref name="metres"/> of the area, and the part of the
    /// area farther than that from all of them (GeoJSON MultiPolygon, null when nothing is left).
    /// </summary>
    public async Task<(int PlacesConsidered, string? Uncovered)> ReachAsync(string areaGeoJson, double metres,
        IReadOnlyList<string>? kinds, IReadOnlyList<string>? categories, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            -- area: the analysed area; near: matching places that reach into it
            WITH area AS (SELECT ST_SetSRID(ST_GeomFromGeoJSON(@area), 4326) AS g),
            near AS (
                SELECT p.geog FROM places AS p, area
                WHERE {PlaceFilter} AND ST_DWithin(p.geog, area.g::geography, @d)
            ),
            reach AS (SELECT ST_Union(ST_Buffer(near.geog, @d)::geometry) AS g FROM near),
            rest AS (
                SELECT CASE WHEN reach.g IS NULL THEN area.g
                            ELSE ST_CollectionExtract(ST_Difference(area.g, reach.g), 3) END AS g
                FROM area, reach
            )
            SELECT (SELECT count(*) FROM near)::int,
                   CASE WHEN ST_IsEmpty(rest.g) THEN NULL ELSE ST_AsGeoJSON(ST_Multi(rest.g)) END
            FROM rest
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>("area", NpgsqlDbType.Text) { TypedValue = areaGeoJson });
        p.Add(new NpgsqlParameter<double>("d", NpgsqlDbType.Double) { TypedValue = metres });
        AddFilters(p, kinds, categories);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>Pairs (candidate index, demand index) whose points are at most <paramref name="metres"/> apart.</summary>
    public async Task<ILookup<int, int>> ReachablePairsAsync(IReadOnlyList<(double Lon, double Lat)> candidates,
        IReadOnlyList<(double Lon, double Lat)> demand, double metres, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            -- c: candidate sites, d: uncovered population points (1-based ordinals)
            WITH c AS (SELECT i, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
                       FROM unnest(@clon::float8[], @clat::float8[]) WITH ORDINALITY AS t(lon, lat, i)),
                 d AS (SELECT j, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography AS g
                       FROM unnest(@dlon::float8[], @dlat::float8[]) WITH ORDINALITY AS t(lon, lat, j))
            SELECT c.i::int - 1, d.j::int - 1 FROM c JOIN d ON ST_DWithin(c.g, d.g, @d)
            """);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<double[]>("clon", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. candidates.Select(x => x.Lon)] });
        p.Add(new NpgsqlParameter<double[]>("clat", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. candidates.Select(x => x.Lat)] });
        p.Add(new NpgsqlParameter<double[]>("dlon", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. demand.Select(x => x.Lon)] });
        p.Add(new NpgsqlParameter<double[]>("dlat", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. demand.Select(x => x.Lat)] });
        p.Add(new NpgsqlParameter<double>("d", NpgsqlDbType.Double) { TypedValue = metres });
        var pairs = new List<(int, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            pairs.Add((reader.GetInt32(0), reader.GetInt32(1)));
        }
        return pairs.ToLookup(x => x.Item1, x => x.Item2);
    }

    private static void AddFilters(NpgsqlParameterCollection p, IReadOnlyList<string>? kinds, IReadOnlyList<string>? categories)
    {
        p.Add(new NpgsqlParameter("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = kinds?.ToArray() ?? (object)DBNull.Value });
        p.Add(new NpgsqlParameter("categories", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = categories?.ToArray() ?? (object)DBNull.Value });
    }
}
