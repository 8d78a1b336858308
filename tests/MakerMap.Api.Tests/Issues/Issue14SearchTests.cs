using MakerMap.Api.Tests.GraphQL;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 14: places(filter: {text}) folds accents and case (nl/fr), looks in name and description,
/// ranks names that start with the text first, and pages through ranked results with its cursors.
/// Each test uses words of its own, so places of other tests in the same database do not match.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "14")]
public sealed class Issue14SearchTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Search = """
        query($text: String!, $after: String) {
          places(filter: { text: $text }, first: 2, after: $after) {
            totalCount nodes { name } pageInfo { hasNextPage endCursor }
          }
        }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    private async Task<(int Total, List<string> Names)> SearchAllAsync(string text)
    {
        var names = new List<string>();
        string? after = null;
        int total;
        do
        {
            var page = (await _client.PostAsync(Search, new { text, after })).Data.GetProperty("places");
            total = page.GetProperty("totalCount").GetInt32();
            names.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);
        return (total, names);
    }

    private async Task PlaceAsync(string name, string? description = null)
    {
        var id = await factory.Database.Data.PlaceAsync(4.0, 51.0, name: name);
        await _client.ExecuteSqlAsync("UPDATE places SET description = @d WHERE id = @id", ("d", (object?)description ?? DBNull.Value), ("id", id));
    }

    [Theory]
    [InlineData("Kwiekcafé", "kwiekcafe")]
    [InlineData("Kwiekcafe", "KWIEKCAFÉ")]
    [InlineData("Atelier de réparation Zwolsk", "reparation zwolsk")]
    [InlineData("Hersteldienst Ëlstroom", "elstroom")]
    public async Task Text_search_ignores_accents_and_case_on_both_sides(string name, string text)
    {
        await PlaceAsync(name);

        var (_, names) = await SearchAllAsync(text);

        Assert.Contains(name, names);
    }

    [Fact]
    public async Task Text_search_ranks_a_name_that_starts_with_the_text_before_one_that_contains_it_before_a_description()
    {
        await PlaceAsync("Aaa buurtwerking met Brommelfix", "nothing");
        await PlaceAsync("Zzz", "Elke zaterdag brommelfix voor iedereen");
        await PlaceAsync("Brommelfix Centrum");
        await PlaceAsync("Unrelated place", "Nothing to see");

        var (total, names) = await SearchAllAsync("brommelfix");

        Assert.Equal(3, total);
        Assert.Equal(["Brommelfix Centrum", "Aaa buurtwerking met Brommelfix", "Zzz"], names);
    }

    [Fact]
    public async Task Text_search_pages_ranked_results_without_losing_or_repeating_a_place()
    {
        foreach (var name in new[] { "Plonkster E", "Plonkster A", "Bij Plonkster", "Plonkster C", "Oud Plonkster" })
        {
            await PlaceAsync(name);
        }

        var (total, names) = await SearchAllAsync("plonkster");

        Assert.Equal(5, total);
        Assert.Equal(["Plonkster A", "Plonkster C", "Plonkster E", "Bij Plonkster", "Oud Plonkster"], names);
    }

    [Fact]
    public async Task Text_search_finds_a_word_with_a_typo_and_treats_wildcards_as_text()
    {
        await PlaceAsync("Fietsatelier Vrompel");
        await PlaceAsync("Korting 100% Vrompel_x");

        var (_, typo) = await SearchAllAsync("vrompl");
        var (_, percent) = await SearchAllAsync("100%");
        var (_, underscore) = await SearchAllAsync("l_x");

        Assert.Contains("Fietsatelier Vrompel", typo);
        Assert.Equal(["Korting 100% Vrompel_x"], percent);
        Assert.Equal(["Korting 100% Vrompel_x"], underscore);
    }
}
