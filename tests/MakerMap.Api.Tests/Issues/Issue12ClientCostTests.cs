using System.Globalization;
using System.Runtime.CompilerServices;
using MakerMap.Api.Options;
using MakerMap.Api.Schema;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Validation;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 12: the cost limit refuses amplification, not the map client. Every operation the client
/// sends (map-client/src/graphql) stays within the server's default maximum cost.
/// </summary>
[Trait("Issue", "12")]
public sealed class Issue12ClientCostTests
{
    [Fact]
    public void Map_client_operations_are_within_the_default_maximum_cost()
    {
        var schema = MakerMapSchema.Build();
        var limit = new RequestLimitsOptions().MaxCost;
        var files = Directory.GetFiles(ClientGraphQLDirectory(), "*.graphql");
        Assert.NotEmpty(files);

        // with a maximum of 0 every operation reports its cost
        var costs = files.SelectMany(file => DocumentValidator.Validate(schema, Parser.Parse(File.ReadAllText(file)), ValidationOptions.Default with { MaxCost = 0 })
            .Select(e => (File: Path.GetFileName(file), e.Message, Cost: Convert.ToInt64(e.Extensions!["cost"], CultureInfo.InvariantCulture))))
            .ToList();

        Assert.True(costs.Count >= 10, string.Join("; ", costs));
        var costliest = costs.MaxBy(c => c.Cost);
        // docs/api.md ("Limits") says the client stays below 6 500
        Assert.True(costliest.Cost < 6_500 && costliest.Cost <= limit, $"{costliest.File}: {costliest.Message}");
    }

    // Test binaries may live outside the repository (--artifacts-path), so look above this source file too.
    private static string ClientGraphQLDirectory([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "map-client", "src", "graphql");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("map-client/src/graphql was not found above " + AppContext.BaseDirectory + " or " + sourceFile);
    }
}
