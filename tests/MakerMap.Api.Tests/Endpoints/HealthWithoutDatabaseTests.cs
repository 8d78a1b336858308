using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MakerMap.Api.Tests.Endpoints;

public sealed class HealthWithoutDatabaseTests
{
    [Fact]
    public async Task Healthz_when_the_database_is_unreachable_answers_503_without_details()
    {
        // port 1 on loopback: nothing listens there, so the connection is refused at once
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:MakerMap", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2");
            builder.UseSetting("MakerMap:MigrateOnStartup", "false");
            builder.UseSetting("MakerMap:Jobs:Enabled", "false");
        });
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        Assert.Equal("unreachable", body.RootElement.GetProperty("database").GetString());
        Assert.DoesNotContain("refused", text, StringComparison.OrdinalIgnoreCase);
    }
}
