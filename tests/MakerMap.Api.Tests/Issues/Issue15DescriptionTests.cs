using Dapper;
using MakerMap.Api.Tests.GraphQL;

namespace MakerMap.Api.Tests.Issues;

/// <summary>Issue 15, item 2: a place's description in the reader's language, with the fallback marked.</summary>
[Trait("Category", "Db")]
[Trait("Issue", "15")]
public sealed class Issue15DescriptionTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Query =
        """
        query($id: ID!) { place(id: $id) {
          nl: description(language: "nl") nlLanguage: descriptionLanguage(language: "nl")
          en: description(language: "en") enLanguage: descriptionLanguage(language: "en")
          organisers: description organisersLanguage: descriptionLanguage } }
        """;

    private readonly GraphQLTestClient _client = new(factory);

    [Fact]
    public async Task Description_in_a_language_the_place_has_is_that_text_and_otherwise_the_fallback_with_its_language()
    {
        var place = await factory.Database.Data.PlaceAsync(3.70, 51.06, name: "Repair Café Rooigem (talen)");
        await using (var connection = await factory.Database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                UPDATE places SET description = 'Repair café in the neighbourhood centre.', description_language = 'en',
                       descriptions = '{"nl": "Repair café in het buurtcentrum.", "fr": "Repair café au centre de quartier."}'
                 WHERE id = @place
                """, new { place });
        }

        var response = await _client.PostAsync(Query, new { id = GraphQLTestClient.Id("Place", place) });

        Assert.False(response.HasErrors, response.Body.ToString());
        var p = response.Data.GetProperty("place");
        Assert.Equal("Repair café in het buurtcentrum.", p.GetProperty("nl").GetString());
        Assert.Equal("nl", p.GetProperty("nlLanguage").GetString());
        Assert.Equal("Repair café in the neighbourhood centre.", p.GetProperty("en").GetString());
        Assert.Equal("en", p.GetProperty("enLanguage").GetString());
        Assert.Equal("Repair café in the neighbourhood centre.", p.GetProperty("organisers").GetString());
        Assert.Equal("en", p.GetProperty("organisersLanguage").GetString());
    }

    [Fact]
    public async Task Descriptions_with_a_language_other_than_nl_fr_en_are_refused_by_the_database()
    {
        var place = await factory.Database.Data.PlaceAsync(3.70, 51.06, name: "Repair Café Rooigem (Duits)");
        await using var connection = await factory.Database.DataSource.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync(
            "UPDATE places SET descriptions = '{\"de\": \"Reparaturcafé\"}' WHERE id = @place", new { place }));

        Assert.Equal(Npgsql.PostgresErrorCodes.CheckViolation, error.SqlState);
    }
}
