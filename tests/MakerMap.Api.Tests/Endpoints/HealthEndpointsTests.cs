using System.Net;
using System.Text.Json;

namespace MakerMap.Api.Tests.Endpoints;

[Trait("Category", "Db")]
public sealed class HealthEndpointsTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    [Fact]
    public async Task Healthz_with_a_reachable_database_reports_ok_and_the_place_count()
    {
        await factory.Database.Data.PlaceAsync(3.7250, 51.0540, name: "Health check place");
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("ok", body.RootElement.GetProperty("database").GetString());
        Assert.True(body.RootElement.GetProperty("places").GetInt64() >= 1);
    }
}
