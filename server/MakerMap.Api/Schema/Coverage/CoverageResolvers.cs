using MakerMap.Api.Auth;
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
    /// <summary>Binds coverage.</summary>
    public static SchemaBuilder BindCoverage(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .Bind("Query", "coverage", CoverageAsync)
            .Bind("CoverageReport", "placesConsidered", async (ctx, ct) => (await State(ctx).ReachAsync(ct).ConfigureAwait(false)).PlacesConsidered)
            .Bind("CoverageReport", "uncoveredArea", async (ctx, ct) => (await State(ctx).ReachAsync(ct).ConfigureAwait(false)).Uncovered)
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
        try
        {
            return await ctx.Service<CoverageReportBuilder>().BuildAsync(CoverageRequest.FromGraphQL(ctx.Input()), ct).ConfigureAwait(false);
        }
        catch (CoverageInputException e)
        {
            throw Errors.BadInput(e.Message, e.Reason, ["input", .. e.Field]);
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
