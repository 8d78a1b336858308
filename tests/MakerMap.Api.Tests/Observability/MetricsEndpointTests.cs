using System.Net;
using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Observability;

/// <summary>/metrics: Prometheus text for loopback and allowed networks, 403 for everyone else.</summary>
[Trait("Category", "Db")]
[Trait("Issue", "13")]
public sealed class MetricsEndpointTests(ObservabilityApiFactory factory) : IClassFixture<ObservabilityApiFactory>
{
    private readonly GraphQLTestClient _client = new(factory, factory.Database);

    private async Task<string> ScrapeAsync()
    {
        using var response = await factory.CreateClient().GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_from_loopback_after_a_query_has_the_duration_histogram_by_operation_name()
    {
        var result = await _client.PostAsync("query MetricsNearest { nearestPlaces(near: {longitude: 3.72, latitude: 51.05}, first: 3) { distanceMeters } }");
        Assert.False(result.HasErrors, result.Body.ToString());

        var text = await ScrapeAsync();

        Assert.Contains("# TYPE graphql_server_operation_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Matches("graphql_server_operation_duration_seconds_count\\{[^}]*graphql_operation_name=\"MetricsNearest\"[^}]*\\} [1-9]", text);
        Assert.Contains("graphql_operation_type=\"query\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_after_a_booking_count_it_by_outcome()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = 1, Exclusive = false });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), 1);
        var (_, token) = await _client.MemberAsync(organisation);
        var input = new
        {
            resourceId = GraphQLTestClient.Id("Resource", resource),
            slotId = GraphQLTestClient.Id("Slot", slot),
            organisationId = GraphQLTestClient.Id("Organisation", organisation),
        };
        const string Request = "mutation($i: RequestBookingInput!) { requestBooking(input: $i) { booking { status } errors { code } } }";

        var booked = await _client.PostAsync(Request, new { i = input }, token);
        var refused = await _client.PostAsync(Request, new { i = input }, token);

        Assert.Equal("CAPACITY_EXCEEDED", refused.Data.GetProperty("requestBooking").GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("CONFIRMED", booked.Data.GetProperty("requestBooking").GetProperty("booking").GetProperty("status").GetString());
        var text = await ScrapeAsync();
        Assert.Matches("makermap_booking_requests_total\\{[^}]*outcome=\"confirmed\"[^}]*\\} [1-9]", text);
        Assert.Matches("makermap_booking_requests_total\\{[^}]*outcome=\"capacity_exceeded\"[^}]*\\} [1-9]", text);
    }

    [Fact]
    public async Task Metrics_after_a_query_include_the_Npgsql_pool_and_the_runtime()
    {
        await _client.PostAsync("{ areas(search: \"Gent\") { name } }");

        var text = await ScrapeAsync();

        Assert.Contains("db_client_connection_count", text, StringComparison.Ordinal);
        Assert.Contains("db_client_connection_max", text, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_collections_total", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_from_an_address_outside_the_allowed_networks_is_403_FORBIDDEN()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add(ObservabilityApiFactory.RemoteAddressHeader, "203.0.113.5");

        using var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("FORBIDDEN", body.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.DoesNotContain("graphql_server", body.RootElement.ToString(), StringComparison.Ordinal);
    }
}
