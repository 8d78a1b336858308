using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.GraphQL;

/// <summary>Resource.deployments through HTTP: where the mobile give-box stands, for anyone, without the booker.</summary>
[Trait("Category", "Db")]
public sealed class DeploymentsQueryTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Deployments = """
        query($id: ID!, $from: DateTime!, $to: DateTime!) {
          resource(id: $id) {
            deployments(from: $from, to: $to) { start end location coordinates { longitude latitude } address }
          }
        }
        """;

    private static readonly DateTimeOffset Saturday = new(2026, 12, 12, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly GraphQLTestClient _client = new(factory);

    private async Task<Guid> GiveBoxAsync()
    {
        var data = factory.Database.Data;
        var home = await data.PlaceAsync(3.7, 51.05, kind: "give_box", name: "Give-box depot");
        return await data.ResourceAsync(home, new ResourceSpec { Name = "Mobile give-box", Kind = "mobile_give_box", IsMobile = true, RequiresApproval = true });
    }

    [Fact]
    public async Task Deployments_lists_confirmed_bookings_in_the_window_with_their_location_to_anonymous_callers()
    {
        var box = await GiveBoxAsync();
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        await data.BookingAsync(box, Saturday.AddDays(7), Saturday.AddDays(7).AddHours(8), deployment: (3.73, 51.06), address: "Sint-Pietersplein, 9000 Gent", organisationId: organisation);
        await data.BookingAsync(box, Saturday, Saturday.AddHours(8), deployment: (3.7219, 51.0557), address: "Vrijdagmarkt, 9000 Gent", organisationId: organisation);
        await data.BookingAsync(box, Saturday.AddDays(1), Saturday.AddDays(1).AddHours(8), status: "requested", deployment: (3.70, 51.04));
        await data.BookingAsync(box, Saturday.AddDays(2), Saturday.AddDays(2).AddHours(8), status: "cancelled", deployment: (3.70, 51.04));
        await data.BookingAsync(box, Saturday.AddDays(40), Saturday.AddDays(40).AddHours(8), deployment: (3.70, 51.04));

        var response = await _client.PostAsync(Deployments, new
        {
            id = GraphQLTestClient.Id("Resource", box),
            from = "2026-12-01T00:00:00Z",
            to = "2027-01-01T00:00:00Z",
        });

        Assert.False(response.HasErrors, response.Body.ToString());
        var deployments = response.Data.GetProperty("resource").GetProperty("deployments").EnumerateArray().ToList();
        Assert.Equal(2, deployments.Count);
        var first = deployments[0];
        Assert.Equal("2026-12-12T08:00:00Z", first.GetProperty("start").GetString());
        Assert.Equal("2026-12-12T16:00:00Z", first.GetProperty("end").GetString());
        Assert.Equal("Vrijdagmarkt, 9000 Gent", first.GetProperty("address").GetString());
        Assert.Equal(3.7219, first.GetProperty("coordinates").GetProperty("longitude").GetDouble(), 9);
        Assert.Equal(51.0557, first.GetProperty("coordinates").GetProperty("latitude").GetDouble(), 9);
        Assert.Equal("Point", first.GetProperty("location").GetProperty("type").GetString());
        Assert.Equal(3.7219, first.GetProperty("location").GetProperty("coordinates")[0].GetDouble(), 9);
        Assert.Equal("Sint-Pietersplein, 9000 Gent", deployments[1].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Deployment_type_offers_no_field_about_the_booker()
    {
        var response = await _client.PostAsync("{ __type(name: \"Deployment\") { fields { name } } }");

        var fields = response.Data.GetProperty("__type").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString());
        Assert.Equal(["start", "end", "location", "coordinates", "address"], fields);
    }

    [Theory]
    [InlineData("2026-12-10T00:00:00Z", "2026-12-01T00:00:00Z", "\"to\" must be after \"from\".")]
    [InlineData("2026-12-01T00:00:00Z", "2027-03-04T00:00:00Z", "The window may span at most 92 days.")]
    public async Task Deployments_with_a_reversed_or_too_long_window_is_BAD_USER_INPUT(string from, string to, string message)
    {
        var box = await GiveBoxAsync();

        var response = await _client.PostAsync(Deployments, new { id = GraphQLTestClient.Id("Resource", box), from, to });

        Assert.Equal("BAD_USER_INPUT", response.FirstErrorCode);
        Assert.Equal(message, response.FirstError.GetProperty("message").GetString());
        Assert.Equal("INVALID_PERIOD", response.FirstError.GetProperty("extensions").GetProperty("reason").GetString());
    }
}
