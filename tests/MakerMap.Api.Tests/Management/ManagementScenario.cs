using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Management;

/// <summary>The roles of the authorization matrix, as a caller of the API.</summary>
public enum Actor
{
    Anonymous,
    Resident,
    Member,
    ResourceManager,
    OrganisationAdmin,
    Planner,
    SiteAdmin,
}

/// <summary>
/// One organisation with a place, a resource and a schedule, and a signed-in account (bearer token)
/// for every <see cref="Actor"/>; "own" organisation means this one. Also the database fingerprint
/// that failure tests compare to prove that nothing was written.
/// </summary>
public sealed class ManagementScenario
{
    private static readonly string[] FingerprintTables =
        ["organisations", "memberships", "places", "resources", "resource_requirements", "schedules", "slots", "bookings"];

    private readonly Dictionary<Actor, (Guid AccountId, string? Token)> _actors = [];

    private ManagementScenario(GraphQLTestClient client, TestDatabase database)
    {
        Client = client;
        Database = database;
    }

    public GraphQLTestClient Client { get; }

    public TestDatabase Database { get; }

    public Guid Organisation { get; private set; }

    public Guid Place { get; private set; }

    public Guid Resource { get; private set; }

    public static async Task<ManagementScenario> CreateAsync(MakerMapApiFactory factory)
    {
        var scenario = new ManagementScenario(new GraphQLTestClient(factory), factory.Database);
        var data = factory.Database.Data;
        scenario.Organisation = await data.OrganisationAsync("Repair Café Dampoort");
        scenario.Place = await data.PlaceAsync(3.7406, 51.0576, name: "Buurtcentrum Dampoort");
        await scenario.Client.ExecuteSqlAsync("UPDATE places SET organisation_id = @o WHERE id = @p", ("o", scenario.Organisation), ("p", scenario.Place));
        scenario.Resource = await data.ResourceAsync(scenario.Place, new ResourceSpec { Name = "Workbench", Capacity = 4, Exclusive = false });
        await scenario.Client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", scenario.Organisation), ("r", scenario.Resource));
        scenario._actors[Actor.Anonymous] = (Guid.Empty, null);
        scenario._actors[Actor.Resident] = await scenario.Client.SignUpAsync();
        scenario._actors[Actor.Member] = await scenario.Client.MemberAsync(scenario.Organisation, MembershipRole.Member);
        scenario._actors[Actor.ResourceManager] = await scenario.Client.MemberAsync(scenario.Organisation, MembershipRole.ResourceManager);
        scenario._actors[Actor.OrganisationAdmin] = await scenario.Client.MemberAsync(scenario.Organisation, MembershipRole.Admin);
        var planner = await scenario.Client.SignUpAsync();
        await scenario.Client.ExecuteSqlAsync("UPDATE accounts SET is_planner = true WHERE id = @id", ("id", planner.AccountId));
        scenario._actors[Actor.Planner] = planner;
        var admin = await scenario.Client.SignUpAsync();
        await scenario.Client.ExecuteSqlAsync("UPDATE accounts SET is_admin = true WHERE id = @id", ("id", admin.AccountId));
        scenario._actors[Actor.SiteAdmin] = admin;
        return scenario;
    }

    public string? Token(Actor actor) => _actors[actor].Token;

    public Guid AccountId(Actor actor) => _actors[actor].AccountId;

    /// <summary>Posts as <paramref name="actor"/>.</summary>
    public Task<GraphQLResponse> PostAsync(Actor actor, string query, object? variables = null) =>
        Client.PostAsync(query, variables, Token(actor));

    /// <summary>Runs a mutation and returns its payload (<c>data.{field}</c>).</summary>
    public async Task<JsonElement> MutateAsync(Actor actor, string field, string inputType, string selection, object input)
    {
        var response = await PostAsync(actor, $"mutation($i: {inputType}!) {{ {field}(input: $i) {{ {selection} errors {{ code message field }} }} }}", new { i = input });
        Assert.False(response.HasErrors, response.Body.ToString());
        return response.Data.GetProperty(field);
    }

    /// <summary>A hash of every row of the tables the management mutations write.</summary>
    public async Task<string> FingerprintAsync()
    {
        var parts = new List<string>();
        foreach (var table in FingerprintTables)
        {
            await using var command = Database.DataSource.CreateCommand(
                $"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} AS t");
            parts.Add(table + ":" + await command.ExecuteScalarAsync());
        }
        return string.Join(",", parts);
    }

    public Task<long> CountAsync(string sql, object? parameters = null) => Database.Data.CountAsync(sql, parameters);

    public static string Id(string type, Guid id) => GraphQLTestClient.Id(type, id);

    public static Guid Uuid(JsonElement globalId) => GraphQLTestClient.Uuid(globalId.GetString()!);

    /// <summary>The first error code of a payload, or null when it succeeded.</summary>
    public static string? ErrorCode(JsonElement payload) =>
        payload.GetProperty("errors").GetArrayLength() == 0 ? null : payload.GetProperty("errors")[0].GetProperty("code").GetString();

    /// <summary>The first error's field path; empty when it names no field.</summary>
    public static string[] ErrorField(JsonElement payload) =>
        payload.GetProperty("errors")[0].GetProperty("field") is { ValueKind: JsonValueKind.Array } field
            ? [.. field.EnumerateArray().Select(f => f.GetString()!)]
            : [];
}
