using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>
/// The GraphQL reads whose SQL moved into MakerMap.Data (GraphRowQueries, PlaceSearchQueries, BookingPageQueries)
/// and that no other test reaches: slugs, area search order, requirements, memberships and booking pages.
/// </summary>
[Trait("Category", "Db")]
public sealed class GraphRowsQueryTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Square = "POLYGON((3.70 51.04, 3.74 51.04, 3.74 51.07, 3.70 51.07, 3.70 51.04))";

    private static readonly string[] Cancelled = ["CANCELLED"];

    private readonly GraphQLTestClient _client = new(factory);

    [Fact]
    public async Task PlaceBySlug_returns_the_place_with_its_coordinates_and_null_for_an_unknown_slug()
    {
        var place = await factory.Database.Data.PlaceAsync(3.7174, 51.0543, categories: ["electro"], name: "Repair Café Slug");
        await using var query = factory.Database.DataSource.CreateCommand("SELECT slug FROM places WHERE id = @id");
        query.Parameters.AddWithValue("id", place);
        var slug = (string)(await query.ExecuteScalarAsync())!;

        var found = await _client.PostAsync("query($s: String!) { placeBySlug(slug: $s) { id name kind categories coordinates { longitude latitude } } }", new { s = slug });
        var missing = await _client.PostAsync("{ placeBySlug(slug: \"no-such-place\") { id } }");

        var row = found.Data.GetProperty("placeBySlug");
        Assert.Equal(GraphQLTestClient.Id("Place", place), row.GetProperty("id").GetString());
        Assert.Equal("Repair Café Slug", row.GetProperty("name").GetString());
        Assert.Equal("REPAIR_CAFE", row.GetProperty("kind").GetString());
        Assert.Equal(["ELECTRO"], row.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(3.7174, row.GetProperty("coordinates").GetProperty("longitude").GetDouble(), 6);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, missing.Data.GetProperty("placeBySlug").ValueKind);
    }

    [Fact]
    public async Task Areas_search_puts_an_exact_code_first_then_an_exact_name_then_similar_names()
    {
        var data = factory.Database.Data;
        await data.AreaAsync("neighbourhood", "44021X1", "Sluisgentbrugge", Square, 100, "44021");
        await data.AreaAsync("municipality", "44021", "Sluisgent", Square, 1000);
        await data.AreaAsync("sector", "44021A00", "Sluisgent-Centrum", Square, 10, "44021");

        var byName = await _client.PostAsync("{ areas(search: \"Sluisgent\") { code level } }");
        var byCode = await _client.PostAsync("{ areas(search: \"44021A00\") { code } }");
        var sectorsOnly = await _client.PostAsync("{ areas(search: \"Sluisgent\", level: SECTOR) { code } }");

        Assert.Equal("44021", byName.Data.GetProperty("areas")[0].GetProperty("code").GetString());
        Assert.Equal("MUNICIPALITY", byName.Data.GetProperty("areas")[0].GetProperty("level").GetString());
        Assert.Equal(3, byName.Data.GetProperty("areas").GetArrayLength());
        Assert.Equal("44021A00", byCode.Data.GetProperty("areas")[0].GetProperty("code").GetString());
        Assert.Equal(["44021A00"], sectorsOnly.Data.GetProperty("areas").EnumerateArray().Select(a => a.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Resource_requirements_and_organisation_members_and_viewer_memberships_are_loaded()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync("Werkplaats Dampoort");
        var place = await data.PlaceAsync(3.74, 51.06);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Requirements = ["van", "tow_hitch"] });
        var (accountId, token) = await _client.MemberAsync(organisation, MembershipRole.ResourceManager);

        var response = await _client.PostAsync("""
            query($r: ID!, $o: ID!) {
              resource(id: $r) { requirements { code } }
              organisation(id: $o) { members { role account { id } } }
              viewer { memberships { role organisation { name } } }
            }
            """, new { r = GraphQLTestClient.Id("Resource", resource), o = GraphQLTestClient.Id("Organisation", organisation) }, token);

        Assert.Equal(["tow_hitch", "van"], response.Data.GetProperty("resource").GetProperty("requirements").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        var member = Assert.Single(response.Data.GetProperty("organisation").GetProperty("members").EnumerateArray());
        Assert.Equal(GraphQLTestClient.Id("Account", accountId), member.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal("RESOURCE_MANAGER", member.GetProperty("role").GetString());
        var membership = Assert.Single(response.Data.GetProperty("viewer").GetProperty("memberships").EnumerateArray());
        Assert.Equal("Werkplaats Dampoort", membership.GetProperty("organisation").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Organisation_bookings_page_newest_first_with_cursor_and_status_filter()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = 5, Exclusive = false });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = DateTimeOffset.UtcNow.Date.AddDays(4).AddHours(9);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), 5);
        var (_, member) = await _client.MemberAsync(organisation);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var booked = await _client.PostAsync("mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { id } } }", new
            {
                i = new
                {
                    resourceId = GraphQLTestClient.Id("Resource", resource),
                    slotId = GraphQLTestClient.Id("Slot", slot),
                    organisationId = GraphQLTestClient.Id("Organisation", organisation),
                },
            }, member);
            ids.Add(booked.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("id").GetString()!);
        }
        await _client.ExecuteSqlAsync("UPDATE bookings SET status = 'cancelled' WHERE id = @b", ("b", GraphQLTestClient.Uuid(ids[0])));
        const string Page = """
            query($o: ID!, $after: String, $statuses: [BookingStatus!]) {
              organisation(id: $o) { bookings(first: 2, after: $after, statuses: $statuses) {
                totalCount nodes { id } pageInfo { hasNextPage endCursor } } }
            }
            """;
        var org = GraphQLTestClient.Id("Organisation", organisation);

        var first = (await _client.PostAsync(Page, new { o = org }, member)).Data.GetProperty("organisation").GetProperty("bookings");
        var cursor = first.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var second = (await _client.PostAsync(Page, new { o = org, after = cursor }, member)).Data.GetProperty("organisation").GetProperty("bookings");
        var cancelled = (await _client.PostAsync(Page, new { o = org, statuses = Cancelled }, member)).Data.GetProperty("organisation").GetProperty("bookings");

        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal([ids[2], ids[1]], first.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([ids[0]], second.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(1, cancelled.GetProperty("totalCount").GetInt32());
        Assert.Equal([ids[0]], cancelled.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
    }
}
