using System.Text.Json;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Management;

/// <summary>createResource, updateResource and deleteResource through HTTP.</summary>
[Trait("Category", "Db")]
public sealed class ResourceMutationTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string Selection = "resource { id slug name kind capacity bookingMode isMobile requiresApproval minBookingMinutes maxBookingMinutes approvalTimeoutHours requirements { code description } homePlace { id } organisation { id } }";

    private static object NewCaravan(ManagementScenario s, int capacity = 1) => new
    {
        placeId = Id("Place", s.Place),
        name = "Caravan doorgeefbazaar",
        kind = "CARAVAN",
        capacity,
        isMobile = true,
        requirements = new[] { new { code = "tow_hitch", description = "A car with a tow hitch" } },
    };

    private static async Task<Guid> BookingAsync(ManagementScenario s, Guid resource, DateTimeOffset start, int quantity, string status)
    {
        await using var command = s.Database.DataSource.CreateCommand("""
            INSERT INTO bookings (resource_id, period, quantity, status, is_exclusive, organisation_id)
            VALUES (@r, tstzrange(@start, @end, '[)'), @q, @status, false, @o) RETURNING id
            """);
        command.Parameters.AddWithValue("r", resource);
        command.Parameters.AddWithValue("start", start.UtcDateTime);
        command.Parameters.AddWithValue("end", start.AddHours(2).UtcDateTime);
        command.Parameters.AddWithValue("q", quantity);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("o", s.Organisation);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task CreateResource_stores_it_at_the_place_for_the_places_organisation_with_its_requirements()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.ResourceManager, "createResource", "CreateResourceInput", Selection, NewCaravan(s));

        Assert.Null(ErrorCode(payload));
        var resource = payload.GetProperty("resource");
        Assert.Equal("caravan-doorgeefbazaar", resource.GetProperty("slug").GetString());
        Assert.True(resource.GetProperty("isMobile").GetBoolean());
        Assert.True(resource.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal(30, resource.GetProperty("minBookingMinutes").GetInt32());
        Assert.Equal(72, resource.GetProperty("approvalTimeoutHours").GetDouble());
        Assert.Equal("tow_hitch", resource.GetProperty("requirements")[0].GetProperty("code").GetString());
        Assert.Equal(Id("Place", s.Place), resource.GetProperty("homePlace").GetProperty("id").GetString());
        Assert.Equal(Id("Organisation", s.Organisation), resource.GetProperty("organisation").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10001)]
    public async Task CreateResource_with_a_capacity_out_of_range_is_INVALID_INPUT_and_writes_nothing(int capacity)
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createResource", "CreateResourceInput", Selection, NewCaravan(s, capacity));

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "capacity"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CreateResource_with_a_malformed_requirement_code_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createResource", "CreateResourceInput", Selection, new
        {
            placeId = Id("Place", s.Place),
            name = "Van",
            kind = "VEHICLE",
            requirements = new[] { new { code = "Driving Licence", description = "B" } },
        });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "requirements"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CreateResource_at_an_unknown_place_is_NOT_FOUND()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.SiteAdmin, "createResource", "CreateResourceInput", Selection,
            new { placeId = Id("Place", Guid.NewGuid()), name = "Van", kind = "VEHICLE" });

        Assert.Equal("NOT_FOUND", ErrorCode(payload));
        Assert.Equal(["input", "placeId"], ErrorField(payload));
    }

    [Fact]
    public async Task UpdateResource_changes_given_fields_replaces_requirements_and_keeps_the_rest()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createResource", "CreateResourceInput", Selection, NewCaravan(s));
        var id = created.GetProperty("resource").GetProperty("id").GetString();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateResource", "UpdateResourceInput", Selection, new
        {
            id,
            requiresApproval = false,
            maxBookingMinutes = 2880,
            requirements = new[] { new { code = "van", description = "A van" }, new { code = "extra_plate", description = "An extra number plate" } },
        });

        Assert.Null(ErrorCode(payload));
        var resource = payload.GetProperty("resource");
        Assert.False(resource.GetProperty("requiresApproval").GetBoolean());
        Assert.Equal(2880, resource.GetProperty("maxBookingMinutes").GetInt32());
        Assert.Equal("Caravan doorgeefbazaar", resource.GetProperty("name").GetString());
        Assert.True(resource.GetProperty("isMobile").GetBoolean());
        Assert.Equal(["extra_plate", "van"], resource.GetProperty("requirements").EnumerateArray().Select(q => q.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task UpdateResource_capacity_reaches_open_slots_that_take_the_resources_capacity_but_not_ended_ones()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var data = s.Database.Data;
        var now = DateTimeOffset.UtcNow;
        var open = await data.SlotAsync(s.Resource, now.AddDays(2), now.AddDays(2).AddHours(3), capacity: 4);
        var ended = await data.SlotAsync(s.Resource, now.AddDays(-2), now.AddDays(-2).AddHours(3), capacity: 4);
        var ownCapacity = await data.SlotAsync(s.Resource, now.AddDays(3), now.AddDays(3).AddHours(3), capacity: 3);
        await s.Client.ExecuteSqlAsync("UPDATE schedules SET capacity = 3 WHERE id = (SELECT schedule_id FROM slots WHERE id = @id)", ("id", ownCapacity));

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateResource", "UpdateResourceInput", Selection,
            new { id = Id("Resource", s.Resource), capacity = 6 });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(6, payload.GetProperty("resource").GetProperty("capacity").GetInt32());
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM slots WHERE id = @id AND capacity = 6", new { id = open }));
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM slots WHERE id = @id AND capacity = 4", new { id = ended }));
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM slots WHERE id = @id AND capacity = 3", new { id = ownCapacity }));
    }

    [Fact]
    public async Task UpdateResource_capacity_below_a_slots_live_bookings_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var slot = await s.Database.Data.SlotAsync(s.Resource, start, start.AddHours(3), capacity: 4);
        var booking = await BookingAsync(s, s.Resource, start, 3, "confirmed");
        await s.Client.ExecuteSqlAsync("UPDATE bookings SET slot_id = @slot WHERE id = @id", ("slot", slot), ("id", booking));
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateResource", "UpdateResourceInput", Selection,
            new { id = Id("Resource", s.Resource), capacity = 2 });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task UpdateResource_below_the_units_live_bookings_hold_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var start = DateTimeOffset.UtcNow.AddDays(2);
        await BookingAsync(s, s.Resource, start, 2, "confirmed");
        await BookingAsync(s, s.Resource, start.AddHours(1), 1, "requested");
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateResource", "UpdateResourceInput", Selection,
            new { id = Id("Resource", s.Resource), capacity = 2, name = "Renamed" });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "capacity"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task UpdateResource_with_min_above_max_booking_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateResource", "UpdateResourceInput", Selection,
            new { id = Id("Resource", s.Resource), minBookingMinutes = 600, maxBookingMinutes = 60 });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task DeleteResource_with_a_future_live_booking_is_IN_USE_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        await BookingAsync(s, s.Resource, DateTimeOffset.UtcNow.AddDays(3), 1, "requested");
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "deleteResource", "DeleteInput", "deletedId", new { id = Id("Resource", s.Resource) });

        Assert.Equal("IN_USE", ErrorCode(payload));
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("deletedId").ValueKind);
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task DeleteResource_with_only_past_and_cancelled_bookings_removes_it()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        await BookingAsync(s, s.Resource, DateTimeOffset.UtcNow.AddDays(-3), 1, "confirmed");
        await BookingAsync(s, s.Resource, DateTimeOffset.UtcNow.AddDays(3), 1, "cancelled");

        var payload = await s.MutateAsync(Actor.OrganisationAdmin, "deleteResource", "DeleteInput", "deletedId", new { id = Id("Resource", s.Resource) });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(Id("Resource", s.Resource), payload.GetProperty("deletedId").GetString());
        Assert.Equal(0, await s.CountAsync("SELECT count(*) FROM resources WHERE id = @id", new { id = s.Resource }));
    }
}
