using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using Npgsql;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 12, items 10 and 12: NUL and other control characters, and texts longer than their field
/// allows, are refused before they reach PostgreSQL (which answered 0x00 with an internal error and
/// stored a 900 kB deployment address whole), over GraphQL and REST; the database holds the lengths too.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12TextInputTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Nul = "Repair\u0000Café";

    private readonly GraphQLTestClient _client = new(factory);

    private static void AssertQueryRefused(GraphQLResponse response, params string[] field)
    {
        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        var extensions = response.FirstError.GetProperty("extensions");
        Assert.Equal("INVALID_INPUT", extensions.GetProperty("reason").GetString());
        Assert.Equal(field, extensions.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    private static void AssertPayloadRefused(GraphQLResponse response, string mutation, params string[] field)
    {
        Assert.False(response.HasErrors, response.Body.ToString());
        var error = response.Data.GetProperty(mutation).GetProperty("errors")[0];
        Assert.Equal("INVALID_INPUT", error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task Places_text_filter_with_a_NUL_is_BAD_USER_INPUT_INVALID_INPUT()
    {
        var response = await _client.PostAsync("query($t: String) { places(filter: {text: $t}) { totalCount } }", new { t = Nul });

        AssertQueryRefused(response, "filter", "text");
    }

    [Fact]
    public async Task Areas_search_with_a_NUL_is_BAD_USER_INPUT_INVALID_INPUT()
    {
        var response = await _client.PostAsync("query($s: String!) { areas(search: $s) { code } }", new { s = "Gent\u0000" });

        AssertQueryRefused(response, "search");
    }

    [Fact]
    public async Task PlaceBySlug_with_a_NUL_written_in_the_document_is_BAD_USER_INPUT_INVALID_INPUT()
    {
        var response = await _client.PostAsync("{ placeBySlug(slug: \"repair\\u0000cafe\") { id } }");

        AssertQueryRefused(response, "slug");
        Assert.Contains("control characters (U+0000", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Areas_search_longer_than_200_characters_is_refused_before_the_database()
    {
        var response = await _client.PostAsync("query($s: String!) { areas(search: $s) { code } }", new { s = new string('a', 100_000) });

        AssertQueryRefused(response, "search");
        Assert.Equal("\"search\" must have at most 200 characters, got 100000.", response.FirstError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task CreateOrganisation_with_a_NUL_or_a_line_feed_in_the_name_is_INVALID_INPUT_and_writes_nothing()
    {
        var (_, token) = await _client.SignUpAsync();
        const string Create = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { organisation { id } errors { code message field } } }";

        var nul = await _client.PostAsync(Create, new { i = new { name = Nul } }, token);
        var lineFeed = await _client.PostAsync(Create, new { i = new { name = "Repair\nCafé" } }, token);

        AssertPayloadRefused(nul, "createOrganisation", "input", "name");
        AssertPayloadRefused(lineFeed, "createOrganisation", "input", "name");
        Assert.Equal(JsonValueKind.Null, nul.Data.GetProperty("createOrganisation").GetProperty("organisation").ValueKind);
        Assert.Equal(0, await factory.Database.Data.CountAsync("SELECT count(*) FROM organisations WHERE name LIKE 'Repair%Café'"));
    }

    [Fact]
    public async Task CreatePlace_with_a_NUL_in_a_nested_address_field_is_INVALID_INPUT_but_a_multi_line_description_is_kept()
    {
        var (_, token) = await _client.SignUpAsync();
        var organisation = (await _client.PostAsync(
            "mutation { createOrganisation(input: {name: \"Fietsatelier Ledeberg\"}) { organisation { id } errors { code } } }", token: token))
            .Data.GetProperty("createOrganisation").GetProperty("organisation").GetProperty("id").GetString();
        const string Create = "mutation($i: CreatePlaceInput!) { createPlace(input: $i) { place { id description } errors { code message field } } }";
        object Input(string street, string description) => new
        {
            organisationId = organisation,
            name = "Naaiatelier",
            kind = "SEWING_ATELIER",
            location = new { longitude = 3.7491, latitude = 51.0615 },
            address = new { street, locality = "Gent" },
            description,
        };

        var refused = await _client.PostAsync(Create, new { i = Input("Antwerpsesteenweg\u00001", "ok") }, token);
        var kept = await _client.PostAsync(Create, new { i = Input("Antwerpsesteenweg 1", "Open on Wednesdays.\r\n\tBring the broken thing.") }, token);

        AssertPayloadRefused(refused, "createPlace", "input", "address", "street");
        Assert.Equal("Open on Wednesdays.\r\n\tBring the broken thing.",
            kept.Data.GetProperty("createPlace").GetProperty("place").GetProperty("description").GetString());
    }

    [Fact]
    public async Task RequestBooking_with_a_NUL_in_the_purpose_is_INVALID_INPUT()
    {
        var (organisation, resource, slot, token) = await MemberWithSlotAsync();

        var response = await _client.PostAsync(RequestBooking, new { i = BookingInput(organisation, resource, slot, purpose: "Repair\u0000day") }, token);

        AssertPayloadRefused(response, "requestBooking", "input", "purpose");
        Assert.Equal(0, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task RequestBooking_with_a_900_kB_deployment_address_is_INVALID_INPUT_and_stores_nothing()
    {
        var (organisation, resource, slot, token) = await MemberWithSlotAsync();

        var response = await _client.PostAsync(RequestBooking,
            new { i = BookingInput(organisation, resource, slot, deploymentAddress: new string('x', 900_000)) }, token);

        AssertPayloadRefused(response, "requestBooking", "input", "deploymentAddress");
        Assert.Equal(0, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task SignUp_with_a_NUL_is_INVALID_INPUT_over_GraphQL_and_REST()
    {
        var graphQL = await _client.PostAsync("mutation($i: SignUpInput!) { signUp(input: $i) { account { id } errors { code message field } } }",
            new { i = new { email = "ann@example.org", password = "repair-cafe-2026", displayName = Nul } });
        using var http = factory.CreateClient();
        using var rest = await http.PostAsJsonAsync("/auth/sign-up", new { email = "an\u0000n@example.org", password = "repair-cafe-2026" });
        using var signIn = await http.PostAsJsonAsync("/auth/sign-in", new { email = "ann@example.org", password = "repair\u0000cafe-2026" });

        AssertPayloadRefused(graphQL, "signUp", "input", "displayName");
        Assert.Equal(HttpStatusCode.BadRequest, rest.StatusCode);
        var restError = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];
        Assert.Equal("INVALID_INPUT", restError.GetProperty("code").GetString());
        Assert.Equal("email", restError.GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task Text_columns_an_API_caller_fills_have_length_CHECK_constraints()
    {
        var data = factory.Database.Data;
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place);
        var start = DateTimeOffset.UtcNow.AddDays(4);
        var booking = await data.BookingAsync(resource, start, start.AddHours(2));

        async Task<string?> Violation(string sql, object value)
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => _client.ExecuteSqlAsync(sql, ("v", value), ("id", booking), ("p", place)));
            return error.SqlState;
        }

        Assert.Equal(PostgresErrorCodes.CheckViolation, await Violation("UPDATE bookings SET deployment_address = @v WHERE id = @id", new string('x', 501)));
        Assert.Equal(PostgresErrorCodes.CheckViolation, await Violation("UPDATE bookings SET decision_note = @v WHERE id = @id", new string('x', 2001)));
        Assert.Equal(PostgresErrorCodes.CheckViolation, await Violation("UPDATE places SET description = @v WHERE id = @p", new string('x', 5001)));
        Assert.Equal(PostgresErrorCodes.CheckViolation, await Violation("UPDATE places SET website = @v WHERE id = @p", "https://" + new string('x', 2001)));
        await _client.ExecuteSqlAsync("UPDATE bookings SET deployment_address = @v WHERE id = @id", ("v", new string('x', 500)), ("id", booking));
    }

    private const string RequestBooking = """
        mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id } errors { code message field } } }
        """;

    private async Task<(Guid Organisation, Guid Resource, Guid Slot, string Token)> MemberWithSlotAsync()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new MakerMap.TestSupport.ResourceSpec { Capacity = 3, Exclusive = false, RequiresApproval = false });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), 3);
        var (_, token) = await _client.MemberAsync(organisation);
        return (organisation, resource, slot, token);
    }

    private static object BookingInput(Guid organisation, Guid resource, Guid slot, string? purpose = null, string? deploymentAddress = null) => new
    {
        resourceId = GraphQLTestClient.Id("Resource", resource),
        slotId = GraphQLTestClient.Id("Slot", slot),
        organisationId = GraphQLTestClient.Id("Organisation", organisation),
        purpose,
        deploymentAddress,
    };
}
