using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MakerMap.Api.Tests.Issues;

/// <summary>Issue 12: every failure is typed; a status that its endpoint sent without a body gets a JSON one in its area's shape.</summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12TypedFailureTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path, HttpMethod? method = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        using var response = await client.SendAsync(request);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Post_on_a_get_only_auth_endpoint_is_405_with_the_auth_error_shape()
    {
        var (status, body) = await GetAsync("/auth/me", HttpMethod.Post);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("METHOD_NOT_ALLOWED", body.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Unknown_paths_below_owned_prefixes_are_404_with_a_typed_body()
    {
        var (exportStatus, export) = await GetAsync("/export/no-such-file");
        var (authStatus, auth) = await GetAsync("/auth/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, exportStatus);
        Assert.Equal("NOT_FOUND", export.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, authStatus);
        Assert.Equal("NOT_FOUND", auth.GetProperty("errors")[0].GetProperty("code").GetString());
    }
}
