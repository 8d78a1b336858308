using System.Text.Json;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Management;

/// <summary>createPlace, updatePlace and deletePlace through HTTP: results, update semantics and typed failures that write nothing.</summary>
[Trait("Category", "Db")]
public sealed class PlaceMutationTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string PlaceSelection = "place { id slug name kind categories coordinates { longitude latitude } description phone languages wheelchair address { street locality } organisation { id } }";

    private static object NewPlace(ManagementScenario s, object? location = null, string? slug = null) => new
    {
        organisationId = Id("Organisation", s.Organisation),
        name = "Naaiatelier Sint-Amandsberg",
        slug,
        kind = "SEWING_ATELIER",
        categories = new[] { "TEXTILE" },
        location = location ?? new { longitude = 3.7491, latitude = 51.0615 },
        description = "Sewing machines and help on Wednesdays.",
        phone = "+32 9 123 45 67",
        address = new { street = "Antwerpsesteenweg 1", postalCode = "9040", locality = "Gent" },
        openingHours = "We 14:00-17:00",
    };

    [Fact]
    public async Task CreatePlace_by_a_resource_manager_stores_the_place_for_the_organisation_with_a_slug_from_its_name()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, NewPlace(s));

        Assert.Null(ErrorCode(payload));
        var place = payload.GetProperty("place");
        Assert.Equal("naaiatelier-sint-amandsberg", place.GetProperty("slug").GetString());
        Assert.Equal("SEWING_ATELIER", place.GetProperty("kind").GetString());
        Assert.Equal(["TEXTILE"], place.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(51.0615, place.GetProperty("coordinates").GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(Id("Organisation", s.Organisation), place.GetProperty("organisation").GetProperty("id").GetString());
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM places WHERE id = @id AND source_code = 'makermap-api'", new { id = Uuid(place.GetProperty("id")) }));
    }

    [Fact]
    public async Task CreatePlace_with_a_latitude_out_of_range_is_INVALID_COORDINATES_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection,
            NewPlace(s, location: new { longitude = 3.7, latitude = 91.0 }));

        Assert.Equal("INVALID_COORDINATES", ErrorCode(payload));
        Assert.Equal(["input", "location", "latitude"], ErrorField(payload));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("place").ValueKind);
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CreatePlace_with_a_slug_in_use_is_SLUG_TAKEN_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, NewPlace(s, slug: "naaiatelier-taken"));
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, NewPlace(s, slug: "naaiatelier-taken"));

        Assert.Equal("SLUG_TAKEN", ErrorCode(payload));
        Assert.Equal(["input", "slug"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Theory]
    [InlineData("name", "", "INVALID_INPUT")]
    [InlineData("slug", "Not A Slug", "INVALID_INPUT")]
    [InlineData("website", "ftp://example.org", "INVALID_INPUT")]
    [InlineData("email", "no-at-sign", "INVALID_INPUT")]
    [InlineData("openingHours", "when the sun shines", "INVALID_INPUT")]
    public async Task CreatePlace_with_a_malformed_field_names_the_field_and_writes_nothing(string field, string value, string code)
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var input = JsonSerializer.SerializeToNode(NewPlace(s))!.AsObject();
        input[field] = value;
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, input);

        Assert.Equal(code, ErrorCode(payload));
        Assert.Equal(["input", field], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task UpdatePlace_keeps_left_out_fields_and_clears_fields_set_to_null()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, NewPlace(s));
        var id = created.GetProperty("place").GetProperty("id").GetString();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updatePlace", "UpdatePlaceInput", PlaceSelection,
            new { id, name = "Naaiatelier Dampoort", phone = (string?)null, address = (object?)null, wheelchair = "YES" });

        Assert.Null(ErrorCode(payload));
        var place = payload.GetProperty("place");
        Assert.Equal("Naaiatelier Dampoort", place.GetProperty("name").GetString());
        Assert.Equal("Sewing machines and help on Wednesdays.", place.GetProperty("description").GetString());
        Assert.Equal(["TEXTILE"], place.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(JsonValueKind.Null, place.GetProperty("phone").ValueKind);
        Assert.Equal(JsonValueKind.Null, place.GetProperty("address").ValueKind);
        Assert.Equal("YES", place.GetProperty("wheelchair").GetString());
    }

    [Fact]
    public async Task UpdatePlace_that_clears_the_name_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updatePlace", "UpdatePlaceInput", PlaceSelection,
            new { id = Id("Place", s.Place), name = (string?)null, description = "changed" });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "name"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task UpdatePlace_of_an_unknown_id_is_NOT_FOUND()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.SiteAdmin, "updatePlace", "UpdatePlaceInput", PlaceSelection, new { id = Id("Place", Guid.NewGuid()), name = "x" });

        Assert.Equal("NOT_FOUND", ErrorCode(payload));
        Assert.Equal(["input", "id"], ErrorField(payload));
    }

    [Fact]
    public async Task DeletePlace_that_holds_resources_is_IN_USE_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "deletePlace", "DeleteInput", "deletedId", new { id = Id("Place", s.Place) });

        Assert.Equal("IN_USE", ErrorCode(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task DeletePlace_without_resources_removes_it_and_returns_its_id()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createPlace", "CreatePlaceInput", PlaceSelection, NewPlace(s));
        var id = created.GetProperty("place").GetProperty("id").GetString();

        var payload = await s.MutateAsync(Actor.OrganisationAdmin, "deletePlace", "DeleteInput", "deletedId", new { id });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(id, payload.GetProperty("deletedId").GetString());
        Assert.Equal(0, await s.CountAsync("SELECT count(*) FROM places WHERE id = @id", new { id = GraphQL.GraphQLTestClient.Uuid(id!) }));
    }
}
