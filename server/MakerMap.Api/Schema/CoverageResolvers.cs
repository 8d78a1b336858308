using MakerMap.Api.Auth;
using MakerMap.Data;
using MakerMap.Data.Coverage;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// <c>Query.coverage</c>: planners and site admins only (GraphQL errors <c>UNAUTHENTICATED</c> or
/// <c>FORBIDDEN</c>, as the SDL says). Rows come from <see cref="CoverageQueries"/>; the uncovered
/// area, places considered and suggested sites are computed only when asked for.
/// </summary>
public static class CoverageResolvers
{
    /// <summary>Largest polygon accepted, in km².</summary>
    public const double MaxPolygonSquareKilometres = 2500;

    /// <summary>Binds coverage.</summary>
    public static SchemaBuilder BindCoverage(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Query", "coverage", CoverageAsync)
            .Bind("CoverageReport", "placesConsidered", async (ctx, ct) => (await State(ctx).ReachAsync(ctx, ct).ConfigureAwait(false)).PlacesConsidered)
            .Bind("CoverageReport", "uncoveredArea", async (ctx, ct) => (await State(ctx).ReachAsync(ctx, ct).ConfigureAwait(false)).Uncovered)
            .Bind("CoverageReport", "suggestedSites", SuggestedSitesAsync)
            .Bind("CoverageRow", "area", (ctx, _) => Loaders.LoadOptional(((CoverageRowView)ctx.Source!).AreaId, ctx.LoadArea))
            .Bind("CoverageRow", "nearestPlace", (ctx, _) => Loaders.LoadOptional(((CoverageRowView)ctx.Source!).NearestPlaceId, ctx.LoadPlace))
            .Bind("SuggestedSite", "area", (ctx, _) => Loaders.LoadOptional(((SuggestedSiteView)ctx.Source!).AreaId, ctx.LoadArea));
    }

    private static CoverageState State(ResolveContext ctx) => (CoverageState)ctx.Source!;

    private static async Task<CoverageState> CoverageAsync(ResolveContext ctx, CancellationToken ct)
    {
        var principal = ctx.Principal();
        if (principal.GetAccountId() is null)
        {
            throw GraphQLException.Unauthenticated("Sign in as a planner to run coverage reports.");
        }
        if (!ctx.Service<AccessPolicy>().CanRunCoverage(principal))
        {
            throw GraphQLException.Forbidden("Coverage reports are for planners and admins.");
        }
        var input = ctx.Input();
        var metres = Inputs.AsDouble(input.GetValueOrDefault("maxDistanceMeters")) ?? 1500;
        if (!double.IsFinite(metres) || metres is < 1 or > 50_000)
        {
            throw Errors.BadInput("\"maxDistanceMeters\" must be between 1 and 50000.", "INVALID_INPUT", "input", "maxDistanceMeters");
        }
        var kinds = Inputs.EnumList(input.GetValueOrDefault("kinds"));
        var categories = Inputs.EnumList(input.GetValueOrDefault("categories"));
        var level = (input.GetValueOrDefault("rowLevel") as string ?? "SECTOR").ToLowerInvariant();
        var reports = ctx.Service<CoverageReports>();
        var (query, areaJson, areaName) = await AreaAsync(ctx, reports, Inputs.Map(input.GetValueOrDefault("area")), ct).ConfigureAwait(false);
        query = query with { AreaLevel = level, Kinds = kinds, Categories = categories, MaxDistanceMeters = metres };

        CoverageResult result;
        try
        {
            result = await ctx.Service<CoverageQueries>().GetCoverageAsync(query, ct).ConfigureAwait(false);
        }
        catch (DataValidationException e)
        {
            throw Errors.BadInput(e.Message, "INVALID_INPUT", "input", e.Field);
        }
        var links = await reports.LinksAsync(level, [.. result.Areas.Select(a => (a.Code, a.PopulationPoint.X, a.PopulationPoint.Y))],
            kinds, categories, ct).ConfigureAwait(false);
        var rows = result.Areas
            .Select(a => new CoverageRowView(a, links.GetValueOrDefault(a.Code)))
            .OrderBy(r => r.Covered).ThenByDescending(r => r.NearestDistanceMeters ?? double.MaxValue).ThenBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        return new CoverageState(reports, areaJson, areaName, metres, kinds, categories, result, rows,
            links.Values.Max(l => l.ReferenceDate));
    }

    private static async Task<(CoverageQuery Query, string AreaJson, string? AreaName)> AreaAsync(
        ResolveContext ctx, CoverageReports reports, IReadOnlyDictionary<string, object?>? area, CancellationToken ct)
    {
        var given = area?.Where(kv => kv.Value is not null).Select(kv => kv.Key).ToList() ?? [];
        if (given.Count != 1)
        {
            throw Errors.BadInput("Give exactly one of municipalityCode, areaId and polygon.", "INVALID_INPUT", "input", "area");
        }
        var empty = new CoverageQuery { AreaLevel = "sector", MaxDistanceMeters = 1 };
        switch (given[0])
        {
            case "municipalityCode":
                var code = (string)area!["municipalityCode"]!;
                var municipality = await reports.MunicipalityAsync(code, ct).ConfigureAwait(false)
                    ?? throw Errors.BadInput($"There is no municipality with NIS code \"{code}\".", "NOT_FOUND", "input", "area", "municipalityCode");
                return (empty with { MunicipalityNis = code }, (string)municipality["geometry"]!, (string)municipality["name"]!);
            case "areaId":
                var id = GlobalId.DecodeAs((string)area!["areaId"]!, "Area", "areaId");
                var row = id is null ? null : await ctx.LoadArea(id.Value).ConfigureAwait(false);
                if (row is null)
                {
                    throw Errors.BadInput("There is no area with this id.", "NOT_FOUND", "input", "area", "areaId");
                }
                var geometry = (string)row["geometry"]!;
                return ((string)row["level"]! == "MUNICIPALITY"
                    ? empty with { MunicipalityNis = (string)row["code"]! }
                    : empty with { WithinGeoJson = geometry }, geometry, (string)row["name"]!);
            default:
                var polygon = (GeoJsonInput)area!["polygon"]!;
                if (polygon.Type is not ("Polygon" or "MultiPolygon"))
                {
                    throw Errors.BadInput($"The area must be a Polygon or MultiPolygon, not a {polygon.Type}.", "INVALID_GEOMETRY", "input", "area", "polygon");
                }
                var km2 = await reports.AreaSquareKilometresAsync(polygon.Json, ct).ConfigureAwait(false);
                if (km2 > MaxPolygonSquareKilometres)
                {
                    throw Errors.BadInput($"The polygon covers {km2:F0} km²; at most {MaxPolygonSquareKilometres:F0} km² is allowed.",
                        "INVALID_GEOMETRY", "input", "area", "polygon");
                }
                return (empty with { Within = polygon.Geometry }, polygon.Json, null);
        }
    }

    private static async Task<List<SuggestedSiteView>> SuggestedSitesAsync(ResolveContext ctx, CancellationToken ct)
    {
        var count = Inputs.Range(ctx.Argument<int>("count"), 1, 20, "count");
        var state = State(ctx);
        var candidates = state.RowViews;
        var demand = candidates.Where(r => !r.Covered && r.Population > 0).ToList();
        if (demand.Count == 0)
        {
            return [];
        }
        var pairs = await state.Reports.ReachablePairsAsync([.. candidates.Select(c => c.Point)], [.. demand.Select(d => d.Point)],
            state.MaxDistanceMeters, ct).ConfigureAwait(false);
        var picks = GreedyCover.Choose(candidates.Count, [.. demand.Select(d => d.Population)], pairs, count);
        var covered = state.CoveredPopulation;
        return [.. picks.Select((pick, i) =>
        {
            covered += pick.Added;
            var site = candidates[pick.Candidate];
            return new SuggestedSiteView(i + 1, site.Point.Lon, site.Point.Lat, site.AreaId, pick.Added,
                state.Population == 0 ? 0 : (double)covered / state.Population);
        })];
    }
}
