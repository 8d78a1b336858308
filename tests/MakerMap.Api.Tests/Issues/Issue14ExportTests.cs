using System.Net;
using System.Text;
using System.Text.Json;
using Dapper;
using MakerMap.Api.Schema;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 14: <c>/export/places.geojson</c> streams. On a table far larger than any socket buffer, the
/// first feature reaches the client while PostgreSQL is still sending the query's rows, and the whole
/// body equals the table. Also the bounding box and the other filters of the tiles.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "14")]
public sealed class Issue14ExportTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>, IAsyncLifetime
{
    private const int Places = 40_000;

    public async Task InitializeAsync()
    {
        await factory.Database.Data.EnsureSourceAsync();
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        // 40,000 places with a 600-character description: about 35 MB of rows
        await connection.ExecuteAsync(
            """
            INSERT INTO places (slug, name, kind, categories, description, wheelchair, location, source_code)
            SELECT 'export-' || g, 'Export ' || lpad(g::text, 6, '0'),
                   (ARRAY['repair_cafe','give_box','maker_space'])[1 + g % 3],
                   CASE WHEN g % 50 = 0 THEN ARRAY['jewellery'] ELSE ARRAY['electro'] END,
                   repeat('Herstel en hergebruik. ', 26),
                   CASE WHEN g % 4 = 0 THEN 'yes' ELSE 'unknown' END,
                   ST_SetSRID(ST_MakePoint(2.6 + (g % 200) * 0.016, 50.7 + (g / 200) * 0.004), 4326), @source
              FROM generate_series(1, @count) AS g
            ON CONFLICT (slug) DO NOTHING
            """, new { source = TestData.SourceCode, count = Places });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_export_of_a_large_table_sends_its_first_feature_while_the_query_is_still_running_and_equals_the_table()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/export/places.geojson", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var start = new MemoryStream();
        var buffer = new byte[4096];
        while (!Encoding.UTF8.GetString(start.ToArray()).Contains("\"properties\"", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer);
            Assert.NotEqual(0, read);
            start.Write(buffer, 0, read);
        }
        var stillRunning = await RunningExportsAsync();
        await body.CopyToAsync(start);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment; filename=\"makermap-places.geojson\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal(1, stillRunning);
        using var document = JsonDocument.Parse(start.ToArray());
        var exported = document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (Id: f.GetProperty("id").GetString(), Name: f.GetProperty("properties").GetProperty("name").GetString(),
                Longitude: f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble()))
            .ToList();
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        var table = (await connection.QueryAsync<(Guid Id, string Name, double Longitude)>(
            "SELECT id, name, ST_X(location) FROM places ORDER BY name, slug")).ToList();
        Assert.Equal(table.Count, exported.Count);
        Assert.Equal(table.Select(r => (GlobalId.Encode("Place", r.Id), r.Name)), exported.Select(e => (e.Id!, e.Name!)));
        Assert.All(table.Zip(exported), pair => Assert.Equal(pair.First.Longitude, pair.Second.Longitude, 6));
    }

    // the export's statement as PostgreSQL sees it, still active (sending rows) in another session
    private async Task<long> RunningExportsAsync()
    {
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND backend_type = 'client backend' AND state = 'active' AND query LIKE '%open-data export%'
            """);
    }

    [Fact]
    public async Task The_export_keeps_the_places_in_the_bounding_box_that_pass_the_filters()
    {
        using var client = factory.CreateClient();

        var json = await client.GetStringAsync(new Uri(
            "/export/places.geojson?boundingBox=2.6,50.7,3.0,50.8&categories=Jewellery&wheelchair=YES", UriKind.Relative));

        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();
        var expected = await connection.ExecuteScalarAsync<long>(
            """
            SELECT count(*) FROM places
             WHERE location && ST_MakeEnvelope(2.6, 50.7, 3.0, 50.8, 4326) AND 'jewellery' = ANY (categories) AND wheelchair = 'yes'
            """);
        using var document = JsonDocument.Parse(json);
        var features = document.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.True(expected > 0);
        Assert.Equal(expected, features.Count);
        Assert.All(features, f => Assert.Equal("YES", f.GetProperty("properties").GetProperty("wheelchair").GetString()));
    }

    [Theory]
    [InlineData("?boundingBox=3,51,2,52")]
    [InlineData("?boundingBox=3,51,4")]
    [InlineData("?boundingBox=a,b,c,d")]
    public async Task An_invalid_bounding_box_is_400_INVALID_INPUT(string query)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/export/places.geojson" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"boundingBox\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
