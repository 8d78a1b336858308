using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Coverage;

/// <summary>A stored area a coverage report can analyse.</summary>
/// <param name="Id">The area's uuid.</param>
/// <param name="Level">region, province, municipality, neighbourhood or sector.</param>
/// <param name="Code">Its official code.</param>
/// <param name="Name">Its name.</param>
/// <param name="GeoJson">Its boundary as a GeoJSON MultiPolygon.</param>
/// <param name="Municipalities">
/// NIS codes of the municipalities it consists of (a region, province or municipality); null for a
/// neighbourhood or sector, which a report analyses as a polygon.
/// </param>
public sealed record CoverageArea(Guid Id, string Level, string Code, string Name, string GeoJson, IReadOnlyList<string>? Municipalities);

/// <summary>An upper estimate of what a coverage report weighs.</summary>
/// <param name="SubAreas">Sub-areas (rows) in scope.</param>
/// <param name="Places">Matching places within reach of the area.</param>
public sealed record CoverageWork(long SubAreas, long Places)
{
    /// <summary>Sub-areas × candidate places (at least one, so that an area without places still counts its rows).</summary>
    public long Pairs => SubAreas * Math.Max(1, Places);
}

/// <summary>Which places count as coverage: kinds and categories (null: all) and the day mobile deployments count.</summary>
/// <param name="Kinds">Place kinds, lower case.</param>
/// <param name="Categories">Repair categories, lower case.</param>
/// <param name="DeploymentDate">The Europe/Brussels day whose confirmed mobile deployments count; null: none.</param>
public sealed record CoveragePlaceFilter(IReadOnlyList<string>? Kinds, IReadOnlyList<string>? Categories, DateOnly? DeploymentDate);

/// <summary>
/// What a coverage report needs beyond <see cref="CoverageQueries"/>: the analysed area and the
/// municipalities it consists of, an estimate of the report's work, the uncovered part of the area,
/// and which sub-area points reach which uncovered points (the greedy site choice's input). Metres
/// on the spheroid.
/// </summary>
public sealed class CoverageReportQueries(NpgsqlDataSource dataSource)
{
    /// <summary>A municipality by NIS code, or null.</summary>
    public Task<CoverageArea?> FindMunicipalityAsync(string code, CancellationToken cancellationToken) =>
        FindAreaAsync(code, null, cancellationToken);

    /// <summary>A stored area of any level by id, or null.</summary>
    public Task<CoverageArea?> FindAreaAsync(Guid id, CancellationToken cancellationToken) =>
        FindAreaAsync(null, id, cancellationToken);

    private async Task<CoverageArea?> FindAreaAsync(string? code, Guid? id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CoverageSql.FindCoverageArea);
        command.Parameters.AddNullableText("municipality_code", code).AddNullable("area_id", id, NpgsqlDbType.Uuid);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await r.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new CoverageArea(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<string[]>(5))
            : null;
    }

    /// <summary>
    /// Sub-areas of <paramref name="level"/> in scope (those of <paramref name="municipalities"/>, or all
    /// meeting the area's bounding box) and matching places within <paramref name="metres"/> of that box.
    /// </summary>
    public async Task<CoverageWork> EstimateWorkAsync(string level, IReadOnlyCollection<string>? municipalities, string areaGeoJson,
        double metres, CoveragePlaceFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var command = dataSource.CreateCommand(CoverageSql.EstimateCoverageWork);
        var p = command.Parameters;
        p.AddNullableText("level", level);
        p.AddTextArray("municipalities", municipalities?.ToArray());
        p.AddNullableText("area", areaGeoJson);
        p.AddNullable<double>("metres", metres, NpgsqlDbType.Double);
        AddFilter(p, filter);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new CoverageWork(r.GetInt64(0), r.GetInt64(1));
    }

    /// <summary>
    /// How many matching places lie within <paramref name="metres"/> of the area, and the part of the
    /// area farther than that from all of them (GeoJSON MultiPolygon, null when nothing is left).
    /// </summary>
    public async Task<(int PlacesConsidered, string? Uncovered)> ReachAsync(string areaGeoJson, double metres, CoveragePlaceFilter filter,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(CoverageSql.GetCoverageReach);
        var p = command.Parameters;
        p.AddNullableText("area", areaGeoJson);
        p.AddNullable<double>("metres", metres, NpgsqlDbType.Double);
        AddFilter(p, filter);
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await r.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (r.GetInt32(0), r.IsDBNull(1) ? null : r.GetString(1));
    }

    /// <summary>Pairs (candidate index, demand index) whose points are at most <paramref name="metres"/> apart.</summary>
    public async Task<ILookup<int, int>> ReachablePairsAsync(IReadOnlyList<(double Lon, double Lat)> candidates,
        IReadOnlyList<(double Lon, double Lat)> demand, double metres, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(demand);
        await using var command = dataSource.CreateCommand(CoverageSql.ListReachablePairs);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<double[]>("candidate_lons", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. candidates.Select(x => x.Lon)] });
        p.Add(new NpgsqlParameter<double[]>("candidate_lats", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. candidates.Select(x => x.Lat)] });
        p.Add(new NpgsqlParameter<double[]>("demand_lons", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. demand.Select(x => x.Lon)] });
        p.Add(new NpgsqlParameter<double[]>("demand_lats", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. demand.Select(x => x.Lat)] });
        p.AddNullable<double>("metres", metres, NpgsqlDbType.Double);
        var pairs = new List<(int, int)>();
        await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            pairs.Add((r.GetInt32(0), r.GetInt32(1)));
        }
        return pairs.ToLookup(x => x.Item1, x => x.Item2);
    }

    private static void AddFilter(NpgsqlParameterCollection p, CoveragePlaceFilter filter)
    {
        p.AddTextArray("kinds", filter.Kinds?.ToArray()).AddTextArray("categories", filter.Categories?.ToArray());
        p.AddNullable("on_date", filter.DeploymentDate, NpgsqlDbType.Date);
    }
}
