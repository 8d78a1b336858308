using Dapper;
using MakerMap.Data.Coverage;
using NetTopologySuite.IO;

namespace MakerMap.Data.Tests.Coverage;

[Trait("Category", "Db")]
public sealed class CoverageQueriesTests(CoverageDatabase db) : IClassFixture<CoverageDatabase>
{
    private readonly CoverageQueries _coverage = new(db.DataSource);

    [Fact]
    public async Task GetCoverageAsync_for_municipality_counts_residents_within_reach_of_matching_places()
    {
        var result = await _coverage.GetCoverageAsync(new CoverageQuery
        {
            AreaLevel = "sector",
            Municipalities = [CoverageDatabase.Nis],
            Kinds = ["repair_cafe"],
            MaxDistanceMeters = 1000,
        }, CancellationToken.None);

        Assert.Equal(["99999A01", "99999A02", "99999A03", "99999A04"], result.Areas.Select(a => a.Code));
        Assert.Equal([true, true, false, false], result.Areas.Select(a => a.Covered));
        Assert.Equal(1000, result.TotalPopulation);
        Assert.Equal(300, result.CoveredPopulation);
        Assert.Equal(0.3, result.Share, 10);
        // 0.01 degrees of longitude at 51 N is about 700 m: metres, not degrees
        Assert.Equal(0, result.Areas[0].DistanceMeters!.Value, 3);
        Assert.InRange(result.Areas[1].DistanceMeters!.Value, 690, 710);
        Assert.InRange(result.Areas[3].DistanceMeters!.Value, 2080, 2120);
    }

    [Fact]
    public async Task GetCoverageAsync_distances_match_brute_force_from_point_on_surface()
    {
        var result = await _coverage.GetCoverageAsync(
            new CoverageQuery { AreaLevel = "sector", Municipalities = [CoverageDatabase.Nis], MaxDistanceMeters = 500 }, CancellationToken.None);

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<(string, double)>(
            """
            SELECT a.code, min(ST_Distance(p.geog, ST_PointOnSurface(a.geom)::geography))
              FROM areas a CROSS JOIN places p
             WHERE a.municipality_nis = '99999'
             GROUP BY a.code ORDER BY a.code
            """)).ToList();
        Assert.Equal(expected.Select(e => e.Item1), result.Areas.Select(a => a.Code));
        Assert.All(result.Areas.Zip(expected), pair => Assert.Equal(pair.Second.Item2, pair.First.DistanceMeters!.Value, 6));
        Assert.Equal([true, false, false, true], result.Areas.Select(a => a.Covered));
        Assert.Equal(500, result.CoveredPopulation);
    }

    [Fact]
    public async Task GetCoverageAsync_within_polygon_takes_sub_areas_whose_point_lies_inside()
    {
        var polygon = new WKTReader().Read(CoverageDatabase.Square(4.02, 50.99, 0.03));

        var result = await _coverage.GetCoverageAsync(
            new CoverageQuery { AreaLevel = "sector", Within = polygon, MaxDistanceMeters = 800 }, CancellationToken.None);

        Assert.Equal(["99999A03", "99999A04"], result.Areas.Select(a => a.Code));
        Assert.Equal(700, result.TotalPopulation);
        Assert.Equal(700, result.CoveredPopulation);
    }

    [Fact]
    public async Task GetCoverageAsync_within_geojson_equals_within_geometry()
    {
        const string geoJson = """{"type":"Polygon","coordinates":[[[4.02,50.99],[4.05,50.99],[4.05,51.02],[4.02,51.02],[4.02,50.99]]]}""";

        var result = await _coverage.GetCoverageAsync(
            new CoverageQuery { AreaLevel = "sector", WithinGeoJson = geoJson, Kinds = ["repair_cafe"], MaxDistanceMeters = 800 },
            CancellationToken.None);

        Assert.Equal(["99999A03", "99999A04"], result.Areas.Select(a => a.Code));
        Assert.Equal(0, result.CoveredPopulation);
        Assert.Equal(0, result.Share);
    }

    [Fact]
    public async Task GetCoverageAsync_with_unreadable_geojson_throws_typed_error()
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => _coverage.GetCoverageAsync(
            new CoverageQuery { AreaLevel = "sector", WithinGeoJson = """{"type":"Blob"}""", MaxDistanceMeters = 800 }, CancellationToken.None));

        Assert.Equal("within", error.Field);
        Assert.StartsWith("withinGeoJson is not a GeoJSON geometry PostGIS can read: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("district", 500, "areaLevel", "areaLevel must be sector, neighbourhood or municipality, got 'district'.")]
    [InlineData("sector", 0, "maxDistanceMeters", "maxDistanceMeters must be more than 0 and at most 100000 metres, got 0.")]
    [InlineData("sector", 100001, "maxDistanceMeters", "maxDistanceMeters must be more than 0 and at most 100000 metres, got 100001.")]
    public async Task GetCoverageAsync_with_bad_arguments_throws_typed_error(string level, double metres, string field, string message)
    {
        var error = await Assert.ThrowsAsync<DataValidationException>(() => _coverage.GetCoverageAsync(
            new CoverageQuery { AreaLevel = level, MaxDistanceMeters = metres }, CancellationToken.None));

        Assert.Equal(field, error.Field);
        Assert.Equal(message, error.Message);
    }
}
