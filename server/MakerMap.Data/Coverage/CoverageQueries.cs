using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Coverage;

/// <summary>Planner questions: which residents live within reach of a matching place.</summary>
public sealed class CoverageQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Largest accepted <see cref="CoverageQuery.MaxDistanceMeters"/>.</summary>
    public const double MaxCoverageDistanceMeters = 100_000;

    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "sector", "neighbourhood", "municipality" };

    /// <summary>
    /// Per sub-area and in total: residents, distance to the nearest matching place and whether it
    /// is within <see cref="CoverageQuery.MaxDistanceMeters"/>. Residents of a sub-area are counted
    /// at its ST_PointOnSurface.
    /// </summary>
    /// <exception cref="DataValidationException">A level, filter, distance or polygon is invalid.</exception>
    public async Task<CoverageResult> GetCoverageAsync(CoverageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!Levels.Contains(query.AreaLevel))
        {
            Guard.Throw("areaLevel", $"areaLevel must be sector, neighbourhood or municipality, got '{query.AreaLevel}'.");
        }
        Guard.PositiveMetres(query.MaxDistanceMeters, MaxCoverageDistanceMeters, "maxDistanceMeters");
        var kinds = Guard.Vocabulary(query.Kinds, PlaceVocabulary.Kinds, "kinds");
        var categories = Guard.Vocabulary(query.Categories, PlaceVocabulary.Categories, "categories");
        if (query.Within is not null && query.WithinGeoJson is not null)
        {
            Guard.Throw("within", "Give the polygon once: as a geometry or as GeoJSON.");
        }
        if (query.Within is not null && (query.Within is not (Polygon or MultiPolygon) || !query.Within.IsValid))
        {
            Guard.Throw("within", "within must be a valid Polygon or MultiPolygon.");
        }

        await using var command = dataSource.CreateCommand(CoverageSql.GetAreaCoverage);
        var p = command.Parameters;
        p.AddNullableText("level", query.AreaLevel);
        p.AddTextArray("municipalities", query.Municipalities?.ToArray());
        p.AddGeometry("within", query.Within);
        p.AddNullableText("within_geojson", query.WithinGeoJson);
        p.AddTextArray("kinds", kinds).AddTextArray("categories", categories);
        p.AddNullable<double>("max_distance", query.MaxDistanceMeters, NpgsqlDbType.Double);
        p.AddNullable("on_date", query.DeploymentDate, NpgsqlDbType.Date);

        var areas = new List<SubAreaCoverage>();
        try
        {
            await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                areas.Add(new SubAreaCoverage(
                    r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<Point>(3),
                    r.IsDBNull(4) ? null : r.GetDouble(4), r.GetBoolean(5),
                    r.GetGuid(6), r.IsDBNull(7) ? null : r.GetGuid(7), r.IsDBNull(8) ? null : r.GetDateTime(8)));
            }
        }
        catch (PostgresException e) when (query.WithinGeoJson is not null && e.SqlState is PostgresErrorCodes.InternalError or PostgresErrorCodes.InvalidParameterValue)
        {
            // PostGIS reports unparsable GeoJSON as an internal error (XX000)
            throw new DataValidationException("within", $"withinGeoJson is not a GeoJSON geometry PostGIS can read: {e.MessageText}");
        }

        long total = 0, covered = 0;
        foreach (var area in areas)
        {
            total += area.Population;
            covered += area.Covered ? area.Population : 0;
        }
        return new CoverageResult(total, covered, total == 0 ? 0 : (double)covered / total, areas);
    }
}
