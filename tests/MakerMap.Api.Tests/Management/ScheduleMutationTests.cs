using System.Globalization;
using System.Text.Json;
using static MakerMap.Api.Tests.Management.ManagementScenario;

namespace MakerMap.Api.Tests.Management;

/// <summary>createSchedule, updateSchedule and deleteSchedule through HTTP, with the slots they materialise at once.</summary>
[Trait("Category", "Db")]
public sealed class ScheduleMutationTests(MakerMapApiFactory factory) : IClassFixture<MakerMapApiFactory>
{
    private const string Selection = "schedule { id kind title startsLocal durationMinutes timeZone rrule excludedDates capacity isVerified resource { id } place { id } }";

    private static readonly DateTime Tomorrow14 = DateTime.Today.AddDays(1).AddHours(14);

    private static string Local(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static object Availability(ManagementScenario s, string? rrule, DateTime? start = null) => new
    {
        kind = "AVAILABILITY",
        resourceId = Id("Resource", s.Resource),
        title = "Open workbench",
        startsLocal = Local(start ?? Tomorrow14),
        durationMinutes = 60,
        rrule,
    };

    private static Task<long> SlotCountAsync(ManagementScenario s, Guid schedule, bool cancelled = false) =>
        s.CountAsync("SELECT count(*) FROM slots WHERE schedule_id = @schedule AND is_cancelled = @cancelled", new { schedule, cancelled });

    [Fact]
    public async Task CreateSchedule_weekly_materialises_the_occurrences_of_the_coming_8_weeks_at_once()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=WEEKLY"));

        Assert.Null(ErrorCode(payload));
        var schedule = payload.GetProperty("schedule");
        Assert.Equal("AVAILABILITY", schedule.GetProperty("kind").GetString());
        Assert.Equal("FREQ=WEEKLY", schedule.GetProperty("rrule").GetString());
        Assert.Equal(60, schedule.GetProperty("durationMinutes").GetInt32());
        Assert.True(schedule.GetProperty("isVerified").GetBoolean());
        Assert.Equal(Id("Resource", s.Resource), schedule.GetProperty("resource").GetProperty("id").GetString());
        // tomorrow and then every 7 days: days 1, 8, … 50 fall inside 56 days
        Assert.Equal(8, await SlotCountAsync(s, Uuid(schedule.GetProperty("id"))));
    }

    [Fact]
    public async Task CreateSchedule_for_sessions_at_a_place_makes_sessions_of_the_place()
    {
        var s = await ManagementScenario.CreateAsync(factory);

        var payload = await s.MutateAsync(Actor.OrganisationAdmin, "createSchedule", "CreateScheduleInput", Selection, new
        {
            kind = "SESSION",
            placeId = Id("Place", s.Place),
            title = "Repair café",
            startsLocal = Local(Tomorrow14),
            durationMinutes = 180,
            rrule = "FREQ=DAILY;COUNT=3",
        });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(3, await s.CountAsync("SELECT count(*) FROM slots WHERE place_id = @place AND resource_id IS NULL", new { place = s.Place }));
    }

    [Theory]
    [InlineData("FREQ=HOURLY", "rrule")]
    [InlineData("FREQ=WEEKLY;BYDAY=XX", "rrule")]
    [InlineData("COUNT=3", "rrule")]
    public async Task CreateSchedule_with_a_malformed_rule_is_INVALID_INPUT_and_writes_nothing(string rrule, string field)
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, rrule));

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", field], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task CreateSchedule_of_kind_availability_without_a_resource_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.SiteAdmin, "createSchedule", "CreateScheduleInput", Selection,
            new { kind = "AVAILABILITY", placeId = Id("Place", s.Place), title = "x", startsLocal = Local(Tomorrow14), durationMinutes = 60 });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "resourceId"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task UpdateSchedule_deletes_unbooked_stale_slots_cancels_booked_ones_and_materialises_the_new_times()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=DAILY;COUNT=5"));
        var scheduleId = Uuid(created.GetProperty("schedule").GetProperty("id"));
        var bookedSlot = await SecondSlotAsync(s, scheduleId);
        await s.Client.ExecuteSqlAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, status, is_exclusive)
            SELECT resource_id, id, period, 'confirmed', false FROM slots WHERE id = @slot
            """, ("slot", bookedSlot));

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateSchedule", "UpdateScheduleInput", Selection,
            new { id = Id("Schedule", scheduleId), startsLocal = Local(Tomorrow14.AddHours(3)), title = "Evening workbench" });

        Assert.Null(ErrorCode(payload));
        Assert.Equal("Evening workbench", payload.GetProperty("schedule").GetProperty("title").GetString());
        Assert.Equal("FREQ=DAILY;COUNT=5", payload.GetProperty("schedule").GetProperty("rrule").GetString());
        Assert.Equal(5, await SlotCountAsync(s, scheduleId));
        Assert.Equal(1, await SlotCountAsync(s, scheduleId, cancelled: true));
        Assert.Equal(1, await s.CountAsync("SELECT count(*) FROM slots WHERE id = @bookedSlot AND is_cancelled", new { bookedSlot }));
        Assert.Equal(5, await s.CountAsync(
            "SELECT count(*) FROM slots WHERE schedule_id = @scheduleId AND NOT is_cancelled AND extract(hour FROM lower(period) AT TIME ZONE 'Europe/Brussels') = 17",
            new { scheduleId }));
    }

    [Fact]
    public async Task UpdateSchedule_with_a_null_rule_becomes_a_single_occurrence()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=DAILY;COUNT=5"));
        var scheduleId = Uuid(created.GetProperty("schedule").GetProperty("id"));

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateSchedule", "UpdateScheduleInput", Selection,
            new { id = Id("Schedule", scheduleId), rrule = (string?)null });

        Assert.Equal(JsonValueKind.Null, payload.GetProperty("schedule").GetProperty("rrule").ValueKind);
        Assert.Equal(1, await SlotCountAsync(s, scheduleId));
    }

    [Fact]
    public async Task UpdateSchedule_with_a_malformed_rule_is_INVALID_INPUT_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=DAILY;COUNT=5"));
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "updateSchedule", "UpdateScheduleInput", Selection,
            new { id = created.GetProperty("schedule").GetProperty("id").GetString(), rrule = "FREQ=SOMETIMES", title = "changed" });

        Assert.Equal("INVALID_INPUT", ErrorCode(payload));
        Assert.Equal(["input", "rrule"], ErrorField(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task DeleteSchedule_with_a_live_future_booking_is_IN_USE_and_writes_nothing()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=DAILY;COUNT=2"));
        var scheduleId = Uuid(created.GetProperty("schedule").GetProperty("id"));
        await s.Client.ExecuteSqlAsync("""
            INSERT INTO bookings (resource_id, slot_id, period, status, is_exclusive)
            SELECT resource_id, id, period, 'requested', false FROM slots WHERE id = @slot
            """, ("slot", await SecondSlotAsync(s, scheduleId)));
        var before = await s.FingerprintAsync();

        var payload = await s.MutateAsync(Actor.ResourceManager, "deleteSchedule", "DeleteInput", "deletedId", new { id = Id("Schedule", scheduleId) });

        Assert.Equal("IN_USE", ErrorCode(payload));
        Assert.Equal(before, await s.FingerprintAsync());
    }

    [Fact]
    public async Task DeleteSchedule_removes_it_with_its_slots()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=WEEKLY"));
        var scheduleId = Uuid(created.GetProperty("schedule").GetProperty("id"));

        var payload = await s.MutateAsync(Actor.ResourceManager, "deleteSchedule", "DeleteInput", "deletedId", new { id = Id("Schedule", scheduleId) });

        Assert.Null(ErrorCode(payload));
        Assert.Equal(0, await s.CountAsync("SELECT count(*) FROM slots WHERE schedule_id = @scheduleId", new { scheduleId }));
        Assert.Equal(0, await s.CountAsync("SELECT count(*) FROM schedules WHERE id = @scheduleId", new { scheduleId }));
    }

    [Fact]
    public async Task Resource_schedules_and_node_return_the_schedules_of_the_resource()
    {
        var s = await ManagementScenario.CreateAsync(factory);
        var created = await s.MutateAsync(Actor.ResourceManager, "createSchedule", "CreateScheduleInput", Selection, Availability(s, "FREQ=WEEKLY;BYDAY=WE"));
        var id = created.GetProperty("schedule").GetProperty("id").GetString();

        var response = await s.PostAsync(Actor.Anonymous,
            "query($r: ID!, $s: ID!) { r: node(id: $r) { ... on Resource { schedules { id rrule } } } s: node(id: $s) { ... on Schedule { title resource { id } } } }",
            new { r = Id("Resource", s.Resource), s = id });

        Assert.False(response.HasErrors, response.Body.ToString());
        var schedules = response.Data.GetProperty("r").GetProperty("schedules");
        Assert.Equal(id, Assert.Single(schedules.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("Open workbench", response.Data.GetProperty("s").GetProperty("title").GetString());
    }

    private static async Task<Guid> SecondSlotAsync(ManagementScenario s, Guid scheduleId)
    {
        await using var command = s.Database.DataSource.CreateCommand("SELECT id FROM slots WHERE schedule_id = @id ORDER BY lower(period) OFFSET 1 LIMIT 1");
        command.Parameters.AddWithValue("id", scheduleId);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }
}
