using System.Security.Claims;
using MakerMap.GraphQL.DataLoader;
using MakerMap.GraphQL.Execution;

namespace MakerMap.Api.Schema;

/// <summary>
/// Request-scoped DataLoaders over <see cref="GraphStore"/>: every <c>Place.organisation</c>,
/// <c>Place.resources</c>, <c>Resource.homePlace</c> … of one execution level is fetched in one
/// query, so a list of places costs a fixed number of round trips (no N+1).
/// </summary>
public static class Loaders
{
    /// <summary>The request's store.</summary>
    public static GraphStore Store(this ResolveContext context) => context.Service<GraphStore>();

    /// <summary>A service from the request's container.</summary>
    public static T Service<T>(this ResolveContext context)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.Services ?? throw new InvalidOperationException("The GraphQL request has no service provider.");
        return services.GetRequiredService<T>();
    }

    private const string CurrentPrincipalKey = "makermap:principal";

    /// <summary>
    /// The caller (anonymous when the transport gave none): the principal of the request, or the one a subscription
    /// event re-read from the database (<see cref="UsePrincipal"/>).
    /// </summary>
    public static ClaimsPrincipal Principal(this ResolveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(CurrentPrincipalKey, out var current) && current is ClaimsPrincipal fresh
            ? fresh
            : context.UserContext as ClaimsPrincipal ?? new ClaimsPrincipal(new ClaimsIdentity());
    }

    /// <summary>
    /// Makes <paramref name="principal"/> the caller for the rest of this execution. A subscription's request was
    /// authenticated when its WebSocket opened; each event executes on its own and sets the principal as of now.
    /// </summary>
    public static void UsePrincipal(this ResolveContext context, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[CurrentPrincipalKey] = principal;
    }

    /// <summary>Loads a place by id (null when unknown).</summary>
    public static Task<Row?> LoadPlace(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("place", context.Store().PlacesAsync).LoadAsync(id);

    /// <summary>Loads a resource by id.</summary>
    public static Task<Row?> LoadResource(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("resource", context.Store().ResourcesAsync).LoadAsync(id);

    /// <summary>Loads an organisation by id.</summary>
    public static Task<Row?> LoadOrganisation(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("organisation", context.Store().OrganisationsAsync).LoadAsync(id);

    /// <summary>Loads an account by id.</summary>
    public static Task<Row?> LoadAccount(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("account", context.Store().AccountsAsync).LoadAsync(id);

    /// <summary>Loads an area by id.</summary>
    public static Task<Row?> LoadArea(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("area", context.Store().AreasAsync).LoadAsync(id);

    /// <summary>Loads a slot by id.</summary>
    public static Task<Row?> LoadSlot(this ResolveContext context, Guid id) =>
        context.GetBatchLoader<Guid, Row>("slot", context.Store().SlotsAsync).LoadAsync(id);

    /// <summary>Loads a data source by code.</summary>
    public static Task<Row?> LoadDataSource(this ResolveContext context, string code) =>
        context.GetBatchLoader<string, Row>("dataSource", context.Store().DataSourcesAsync).LoadAsync(code);

    /// <summary>Loads an optional related row: null id gives null.</summary>
    public static Task<Row?> LoadOptional(Guid? id, Func<Guid, Task<Row?>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        return id is { } value ? load(value) : Task.FromResult<Row?>(null);
    }
}
