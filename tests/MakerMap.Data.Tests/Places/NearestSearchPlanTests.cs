using Dapper;
using MakerMap.Data.Graph;
using MakerMap.Data.Internal;
using MakerMap.Data.Places;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Tests.Places;

/// <summary>
/// The nearest-place search is planned once per connection, not on every call: filters that were not given are
/// written into its SQL as NULLs (<see cref="StatementText"/>), so PostgreSQL's plan cache settles on
/// a generic plan for the auto-prepared statement (issue 4's throughput goal).
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "4")]
public sealed class NearestSearchPlanTests(SeededPlacesDatabase db) : IClassFixture<SeededPlacesDatabase>
{
    // PostgreSQL tries custom plans for a prepared statement's first five executions, then compares.
    private const int Executions = 12;

    [Fact]
    public async Task Nearest_search_without_filters_runs_on_a_generic_plan_after_its_first_executions()
    {
        var plans = await PlansAfterSearchesAsync(i => Search(i));

        Assert.True(plans.Generic > 0, $"generic plans {plans.Generic}, custom plans {plans.Custom}");
    }

    [Fact]
    public async Task Nearest_search_with_a_category_filter_runs_on_a_generic_plan_after_its_first_executions()
    {
        var plans = await PlansAfterSearchesAsync(i => Search(i) with { Categories = ["electro"] });

        Assert.True(plans.Generic > 0, $"generic plans {plans.Generic}, custom plans {plans.Custom}");
    }

    [Fact]
    public async Task Same_search_with_its_nulls_passed_as_parameters_is_replanned_on_every_execution()
    {
        // Why the inlining exists: PostgreSQL cannot fold `@kinds IS NULL OR …` in a generic plan, judges
        // that plan dearer and keeps planning a custom one per call.
        await using var dataSource = SingleConnectionDataSource();
        for (var i = 0; i < Executions; i++)
        {
            await using var command = dataSource.CreateCommand(GraphSql.FindNearestPlaceRows);
            var search = Search(i);
            command.Parameters.Add(new NpgsqlParameter<double>("lon", NpgsqlDbType.Double) { TypedValue = search.Longitude });
            command.Parameters.Add(new NpgsqlParameter<double>("lat", NpgsqlDbType.Double) { TypedValue = search.Latitude });
            command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = search.Limit });
            command.Parameters.AddTextArray("kinds", null).AddTextArray("categories", null).AddTextArray("wheelchair", null)
                .AddNullable<double>("max_distance", null, NpgsqlDbType.Double)
                .AddNullable<DateTimeOffset>("open_at", null, NpgsqlDbType.TimestampTz).AddTextArray("open_values", null);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        }

        var plans = await PreparedPlansAsync(dataSource);

        Assert.Equal(0, plans.Generic);
        Assert.True(plans.Custom >= Executions - 2, $"custom plans {plans.Custom}");
    }

    [Fact]
    public async Task Inlined_search_finds_the_same_places_as_the_search_with_null_parameters()
    {
        var search = Search(3) with { Limit = 20, Kinds = ["repair_cafe", "give_box"] };

        var inlined = await NearestRows.FindAsync(db.DataSource, search);
        var expected = await db.DataSource.OpenConnection().QueryAsync<Guid>(
            "SELECT id FROM places WHERE kind = ANY(@kinds) ORDER BY ST_Distance(geog, ST_SetSRID(ST_MakePoint(@lon, @lat), 4326)::geography), id LIMIT 20",
            new { kinds = search.Kinds, lon = search.Longitude, lat = search.Latitude });

        Assert.NotEmpty(inlined);
        Assert.Equal(expected, inlined.Select(p => p.Id));
    }

    private static NearestPlacesQuery Search(int i) =>
        new() { Longitude = 3.66 + (i * 0.011), Latitude = 51.01 + (i * 0.007), Limit = 10 };

    private async Task<(long Generic, long Custom)> PlansAfterSearchesAsync(Func<int, NearestPlacesQuery> search)
    {
        await using var dataSource = SingleConnectionDataSource();
        for (var i = 0; i < Executions; i++)
        {
            Assert.NotEmpty(await NearestRows.FindAsync(dataSource, search(i)));
        }
        return await PreparedPlansAsync(dataSource);
    }

    // One pooled connection, auto-prepared as the server's is, so the check below sees the search's statement.
    private NpgsqlDataSource SingleConnectionDataSource() =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(db.ConnectionString)
        {
            MaxPoolSize = 1,
            MaxAutoPrepare = 8,
            AutoPrepareMinUsages = 2,
        }.ConnectionString);

    private static async Task<(long Generic, long Custom)> PreparedPlansAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(long, long)>(
            "SELECT coalesce(sum(generic_plans), 0)::int8, coalesce(sum(custom_plans), 0)::int8 FROM pg_prepared_statements WHERE statement LIKE '%search_radius%'");
    }
}
