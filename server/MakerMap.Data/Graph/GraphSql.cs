using System.Collections.Frozen;
using MakerMap.Data.Internal;
using MakerMap.Data.Places;

namespace MakerMap.Data.Graph;

/// <summary>
/// The SQL behind the GraphQL layer's rows, loaded once. Column aliases are SDL field names. The column
/// lists of Place, Resource and Area are shared by several queries, so those files name them as
/// <c>{place_columns}</c>, <c>{resource_columns}</c> or <c>{area_columns}</c>, filled in here at load time
/// from <c>Sql/Graph/*_columns.sql</c> (static text only, never input).
/// </summary>
internal static class GraphSql
{
    private static readonly string PlaceColumns = EmbeddedSql.Load("Graph/place_columns.sql").Trim();
    private static readonly string ResourceColumns = EmbeddedSql.Load("Graph/resource_columns.sql").Trim();
    private static readonly string AreaColumns = EmbeddedSql.Load("Graph/area_columns.sql").Trim();

    public static readonly string GetPlaces = Load("Graph/get_places.sql");
    public static readonly string GetResources = Load("Graph/get_resources.sql");
    public static readonly string GetOrganisations = Load("Graph/get_organisations.sql");
    public static readonly string GetAccounts = Load("Graph/get_accounts.sql");
    public static readonly string GetAreas = Load("Graph/get_areas.sql");
    public static readonly string GetSlots = Load("Graph/get_slots.sql");
    public static readonly string GetDataSources = Load("Graph/get_data_sources.sql");
    public static readonly string ListResourcesByPlace = Load("Graph/list_resources_by_place.sql");
    public static readonly string ListResourcesByOrganisation = Load("Graph/list_resources_by_organisation.sql");
    public static readonly string ListPlacesByOrganisation = Load("Graph/list_places_by_organisation.sql");
    public static readonly string ListRequirements = Load("Graph/list_requirements.sql");
    public static readonly string ListMembershipsByAccount = Load("Graph/list_memberships_by_account.sql");
    public static readonly string ListMembershipsByOrganisation = Load("Graph/list_memberships_by_organisation.sql");
    public static readonly string FindNearestPlaceRows = Load("Graph/find_nearest_place_rows.sql");

    // The same search with one category written in as a literal, one text per category of the
    // vocabulary: only with the literal can the planner prove the predicate of that category's partial
    // GiST index (migration 0027) and walk only its places.
    public static readonly FrozenDictionary<string, string> FindNearestPlaceRowsByCategory =
        PlaceVocabulary.Categories.ToFrozenDictionary(
            category => category,
            category => FindNearestPlaceRows.Replace("@categories::text[]", $"'{{{category}}}'::text[]", StringComparison.Ordinal),
            StringComparer.Ordinal);
    public static readonly string FindPlacesInSession = Load("Graph/find_places_in_session.sql");
    public static readonly string PagePlaces = Load("Places/page_places.sql");
    public static readonly string GetPlaceBySlug = Load("Places/get_place_by_slug.sql");
    public static readonly string SearchAreas = Load("Places/search_areas.sql");
    public static readonly string PageBookingsByResource = PageBookings("resource_id");
    public static readonly string PageBookingsByOrganisation = PageBookings("organisation_id");
    public static readonly string PageBookingsByAccount = PageBookings("booked_by");

    // one query, three owners: the column is one of the three literals above
    private static string PageBookings(string ownerColumn) =>
        Load("Bookings/page_bookings.sql").Replace("{owner_column}", ownerColumn, StringComparison.Ordinal);

    private static string Load(string path) =>
        EmbeddedSql.Load(path)
            .Replace("{place_columns}", PlaceColumns, StringComparison.Ordinal)
            .Replace("{resource_columns}", ResourceColumns, StringComparison.Ordinal)
            .Replace("{area_columns}", AreaColumns, StringComparison.Ordinal);
}
