using Dapper;
using MakerMap.Data.Coverage;

namespace MakerMap.Data.Tests.Coverage;

/// <summary>Provinces and regions as coverage areas, on the seed data (issue 14, item 4), and the coverage rule written once (issue 13).</summary>
[Trait("Category", "Db")]
[Trait("Issue", "14")]
public sealed class RegionCoverageTests(SeededCoverageDatabase db) : IClassFixture<SeededCoverageDatabase>
{
    private readonly CoverageQueries _coverage = new(db.DataSource);
    private readonly CoverageReportQueries _reports = new(db.DataSource);

    private async Task<CoverageArea> AreaAsync(string level, string code)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<Guid>("SELECT id FROM areas WHERE level = @level AND code = @code", new { level, code });
        return (await _reports.FindAreaAsync(id, CancellationToken.None))!;
    }

    private Task<CoverageResult> CoverageAsync(IReadOnlyCollection<string> municipalities) =>
        _coverage.GetCoverageAsync(new CoverageQuery { AreaLevel = "sector", Municipalities = municipalities, MaxDistanceMeters = 1500 },
            CancellationToken.None);

    [Fact]
    public async Task Province_coverage_equals_the_sum_of_its_municipalities_rows()
    {
        var limburg = await AreaAsync("province", "70000");
        Assert.Equal("Limburg", limburg.Name);
        Assert.Equal(42, limburg.Municipalities!.Count);
        Assert.All(limburg.Municipalities, nis => Assert.StartsWith("7", nis, StringComparison.Ordinal));

        var province = await CoverageAsync(limburg.Municipalities);
        var perMunicipality = new List<SubAreaCoverage>();
        foreach (var nis in limburg.Municipalities)
        {
            perMunicipality.AddRange((await CoverageAsync([nis])).Areas);
        }

        Assert.Equal(perMunicipality.OrderBy(r => r.Code, StringComparer.Ordinal), province.Areas);
        Assert.Equal(perMunicipality.Sum(r => (long)r.Population), province.TotalPopulation);
        Assert.Equal(perMunicipality.Where(r => r.Covered).Sum(r => (long)r.Population), province.CoveredPopulation);
        Assert.True(province.TotalPopulation > 800_000, $"Limburg has {province.TotalPopulation} residents in its sectors");
    }

    [Fact]
    public async Task Flanders_coverage_counts_every_Flemish_sector_and_its_covered_residents()
    {
        var flanders = await AreaAsync("region", "02000");
        Assert.Equal(300, flanders.Municipalities!.Count);

        var result = await CoverageAsync(flanders.Municipalities);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        Assert.Equal(9159, result.Areas.Count);
        Assert.Equal(await connection.ExecuteScalarAsync<long>(
            "SELECT sum(population) FROM areas WHERE level = 'sector' AND region = 'Vlaams Gewest'"), result.TotalPopulation);
        // brute force, without coverage_places(): every place, each sector's residents at its point on surface
        Assert.Equal(await connection.ExecuteScalarAsync<long>(
            """
            SELECT sum(a.population) FROM areas a
             WHERE a.level = 'sector' AND a.region = 'Vlaams Gewest'
               AND EXISTS (SELECT 1 FROM places p WHERE ST_Distance(p.location::geography, ST_PointOnSurface(a.geom)::geography) <= 1500)
            """), result.CoveredPopulation);
    }

    [Fact]
    public async Task Brussels_region_consists_of_its_19_municipalities_without_a_province()
    {
        var brussels = await AreaAsync("region", "04000");

        Assert.Equal(19, brussels.Municipalities!.Count);
        Assert.All(brussels.Municipalities, nis => Assert.StartsWith("21", nis, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(new[] { "repair_cafe" }, null)]
    [InlineData(null, new[] { "bicycle" })]
    [InlineData(new[] { "repair_cafe", "give_box" }, new[] { "textile", "electro" })]
    public async Task Coverage_places_are_the_places_of_the_given_kinds_and_categories(string[]? kinds, string[]? categories)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var expected = await connection.QueryAsync<Guid>(
            """
            SELECT id FROM places
             WHERE (@kinds::text[] IS NULL OR kind = ANY (@kinds::text[]))
               AND (@categories::text[] IS NULL OR categories && @categories::text[])
             ORDER BY id
            """, new { kinds, categories });

        var actual = await connection.QueryAsync<Guid>(
            "SELECT place_id FROM coverage_places(@kinds::text[], @categories::text[], NULL) ORDER BY place_id", new { kinds, categories });

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(800)]
    [InlineData(1500)]
    [InlineData(20_000)]
    public async Task Reachable_pairs_found_on_the_grid_are_the_pairs_within_reach(double metres)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        var points = (await connection.QueryAsync<(double Lon, double Lat)>(
            """
            SELECT ST_X(ST_PointOnSurface(geom)), ST_Y(ST_PointOnSurface(geom)) FROM areas
             WHERE level = 'sector' AND municipality_nis IN ('44021', '44013', '44019') ORDER BY code
            """)).ToList();
        var candidates = points.Where((_, i) => i % 2 == 0).ToList();
        var demand = points.Where((_, i) => i % 2 == 1).ToList();

        var pairs = await _reports.ReachablePairsAsync(candidates, demand, metres, CancellationToken.None);

        var expected = (await connection.QueryAsync<(int, int)>(
            """
            SELECT c.i::int - 1, d.j::int - 1
              FROM unnest(@clon, @clat) WITH ORDINALITY AS c(lon, lat, i),
                   unnest(@dlon, @dlat) WITH ORDINALITY AS d(lon, lat, j)
             WHERE ST_Distance(ST_MakePoint(c.lon, c.lat)::geography, ST_MakePoint(d.lon, d.lat)::geography) <= @metres
             ORDER BY 1, 2
            """,
            new
            {
                clon = candidates.Select(p => p.Lon).ToArray(),
                clat = candidates.Select(p => p.Lat).ToArray(),
                dlon = demand.Select(p => p.Lon).ToArray(),
                dlat = demand.Select(p => p.Lat).ToArray(),
                metres,
            })).ToList();
        var actual = pairs.SelectMany(g => g.Select(d => (g.Key, d))).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }
}
