using System.Text.Json;
using MakerMap.Api.Tests.GraphQL;
using MakerMap.Data.Accounts;
using MakerMap.TestSupport;

namespace MakerMap.Api.Tests.Issues;

/// <summary>
/// Issue 12, items 1–5 through HTTP against PostGIS: a booking is never overbooked through a second
/// path, never outside availability, never silently lost to a delete, races end in typed answers, and
/// idempotency keys belong to their caller.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class Issue12BookingInvariantTests(GraphQLApiFactory factory) : IClassFixture<GraphQLApiFactory>
{
    private const string Request = """
        mutation($i: RequestBookingInput!) {
          requestBooking(input: $i) { booking { id status quantity purpose bookedBy { displayName } } errors { code message field } }
        }
        """;

    private const string Delete = "mutation($i: DeleteInput!) { {0}(input: $i) { deletedId errors { code message } } }";

    private readonly GraphQLTestClient _client = new(factory);

    private sealed record Fixture(Guid Organisation, Guid Resource, Guid Slot, DateTimeOffset Start, DateTimeOffset End);

    private async Task<Fixture> SlotAsync(int capacity)
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var place = await data.PlaceAsync(3.72, 51.05);
        var resource = await data.ResourceAsync(place, new ResourceSpec { Capacity = capacity, Exclusive = false });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(3).AddHours(9), TimeSpan.Zero);
        var slot = await data.SlotAsync(resource, start, start.AddHours(3), capacity);
        return new Fixture(organisation, resource, slot, start, start.AddHours(3));
    }

    private static object BySlot(Fixture f, int quantity = 1, string? key = null) => new
    {
        resourceId = GraphQLTestClient.Id("Resource", f.Resource),
        slotId = GraphQLTestClient.Id("Slot", f.Slot),
        organisationId = GraphQLTestClient.Id("Organisation", f.Organisation),
        quantity,
        idempotencyKey = key,
    };

    private static object ByPeriod(Fixture f, DateTimeOffset start, DateTimeOffset end, int quantity = 1, string? key = null, string? purpose = null) => new
    {
        resourceId = GraphQLTestClient.Id("Resource", f.Resource),
        organisationId = GraphQLTestClient.Id("Organisation", f.Organisation),
        start = start.ToString("O"),
        end = end.ToString("O"),
        quantity,
        idempotencyKey = key,
        purpose,
    };

    private async Task<JsonElement> RequestAsync(object input, string token)
    {
        var response = await _client.PostAsync(Request, new { i = input }, token);
        Assert.False(response.HasErrors, response.Body.ToString());
        return response.Data.GetProperty("requestBooking");
    }

    private static string? Code(JsonElement payload) =>
        payload.GetProperty("errors").GetArrayLength() == 0 ? null : payload.GetProperty("errors")[0].GetProperty("code").GetString();

    // The most live units held at one instant, computed here from the rows.
    private Task<long> PeakUnitsAsync(Guid resource) => factory.Database.Data.CountAsync(
        """
        SELECT coalesce(max((SELECT sum(o.quantity) FROM bookings AS o
                              WHERE o.resource_id = b.resource_id AND o.status IN ('requested', 'confirmed')
                                AND o.period @> lower(b.period))), 0)
          FROM bookings AS b
         WHERE b.resource_id = @resource AND b.status IN ('requested', 'confirmed')
        """, new { resource });

    [Fact]
    public async Task A_start_end_request_for_a_slot_filled_by_slot_bookings_is_CAPACITY_EXCEEDED()
    {
        var f = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(f.Organisation);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(Code(await RequestAsync(BySlot(f), token)));
        }

        var second = await RequestAsync(ByPeriod(f, f.Start, f.End), token);
        var part = await RequestAsync(ByPeriod(f, f.Start.AddHours(1), f.Start.AddHours(2)), token);

        Assert.Equal("CAPACITY_EXCEEDED", Code(second));
        Assert.Equal("CAPACITY_EXCEEDED", Code(part));
        Assert.Equal(3, await PeakUnitsAsync(f.Resource));
    }

    [Fact]
    public async Task Two_hundred_concurrent_mixed_slot_and_start_end_requests_book_exactly_the_capacity()
    {
        var f = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(f.Organisation);

        var payloads = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            RequestAsync(i % 2 == 0 ? BySlot(f) : ByPeriod(f, f.Start, f.End), token)));

        Assert.Equal(3, payloads.Count(p => Code(p) is null));
        Assert.All(payloads.Where(p => Code(p) is not null), p => Assert.Equal("CAPACITY_EXCEEDED", Code(p)));
        Assert.Equal(3, await PeakUnitsAsync(f.Resource));
    }

    [Fact]
    public async Task A_start_end_request_outside_the_availability_slots_is_OUTSIDE_AVAILABILITY()
    {
        var f = await SlotAsync(3);
        var (_, token) = await _client.MemberAsync(f.Organisation);

        var elsewhere = await RequestAsync(ByPeriod(f, f.Start.AddDays(1), f.Start.AddDays(1).AddHours(2)), token);
        var acrossTheEnd = await RequestAsync(ByPeriod(f, f.End.AddHours(-1), f.End.AddHours(1)), token);
        var inside = await RequestAsync(ByPeriod(f, f.Start.AddHours(1), f.End), token);

        Assert.Equal("OUTSIDE_AVAILABILITY", Code(elsewhere));
        Assert.Equal(["input", "start"], elsewhere.GetProperty("errors")[0].GetProperty("field").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("OUTSIDE_AVAILABILITY", Code(acrossTheEnd));
        Assert.Null(Code(inside));
        Assert.Equal("CONFIRMED", inside.GetProperty("booking").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DeleteResource_racing_requestBooking_never_deletes_a_booking_it_confirmed()
    {
        var (admin, adminToken) = await _client.SignUpAsync();
        for (var round = 0; round < 12; round++)
        {
            var f = await SlotAsync(2);
            await new AccountCommands(factory.Database.DataSource).SetMembershipAsync(admin, f.Organisation, MembershipRole.Admin, CancellationToken.None);
            var (_, token) = await _client.MemberAsync(f.Organisation);

            var booking = RequestAsync(round % 2 == 0 ? BySlot(f) : ByPeriod(f, f.Start, f.End), token);
            var deletion = _client.PostAsync(Delete.Replace("{0}", "deleteResource", StringComparison.Ordinal),
                new { i = new { id = GraphQLTestClient.Id("Resource", f.Resource) } }, adminToken);
            var (booked, deleted) = (await booking, await deletion);

            Assert.False(deleted.HasErrors, deleted.Body.ToString());
            var deleteCode = Code(deleted.Data.GetProperty("deleteResource"));
            var bookCode = Code(booked);
            if (bookCode is null)
            {
                // the client was told "booked": the booking and its resource are still there
                Assert.Equal("IN_USE", deleteCode);
                var id = GraphQLTestClient.Uuid(booked.GetProperty("booking").GetProperty("id").GetString()!);
                Assert.Equal(1, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE id = @id", new { id }));
            }
            else
            {
                Assert.Null(deleteCode);
                Assert.Contains(bookCode, (string[])["NOT_FOUND", "SLOT_UNAVAILABLE", "OUTSIDE_AVAILABILITY"]);
            }
        }
    }

    [Fact]
    public async Task DeleteSchedule_racing_slot_bookings_answers_both_sides_with_typed_results()
    {
        var (admin, adminToken) = await _client.SignUpAsync();
        for (var round = 0; round < 10; round++)
        {
            var f = await SlotAsync(5);
            await new AccountCommands(factory.Database.DataSource).SetMembershipAsync(admin, f.Organisation, MembershipRole.Admin, CancellationToken.None);
            var (_, token) = await _client.MemberAsync(f.Organisation);
            var schedule = await ScheduleOfAsync(f.Slot);

            var bookings = Enumerable.Range(0, 4).Select(_ => _client.PostAsync(Request, new { i = BySlot(f) }, token)).ToList();
            var deletion = _client.PostAsync(Delete.Replace("{0}", "deleteSchedule", StringComparison.Ordinal),
                new { i = new { id = GraphQLTestClient.Id("Schedule", schedule) } }, adminToken);
            var responses = await Task.WhenAll(bookings.Append(deletion));

            Assert.All(responses, r => Assert.False(r.HasErrors, r.Body.ToString()));
            var deleteCode = Code(responses[^1].Data.GetProperty("deleteSchedule"));
            var booked = responses[..^1].Count(r => Code(r.Data.GetProperty("requestBooking")) is null);
            Assert.True(deleteCode is null ? booked == 0 : deleteCode == "IN_USE" && booked > 0, $"delete {deleteCode}, booked {booked}");
        }
    }

    [Fact]
    public async Task Deleting_a_resources_last_availability_schedule_closes_it_instead_of_opening_it_round_the_clock()
    {
        var (admin, adminToken) = await _client.SignUpAsync();
        var f = await SlotAsync(2);
        await new AccountCommands(factory.Database.DataSource).SetMembershipAsync(admin, f.Organisation, MembershipRole.Admin, CancellationToken.None);
        var (_, token) = await _client.MemberAsync(f.Organisation);
        var nextDay = f.Start.AddDays(1);

        var deleted = await _client.PostAsync(Delete.Replace("{0}", "deleteSchedule", StringComparison.Ordinal),
            new { i = new { id = GraphQLTestClient.Id("Schedule", await ScheduleOfAsync(f.Slot)) } }, adminToken);
        var byApi = await RequestAsync(ByPeriod(f, nextDay, nextDay.AddHours(2)), token);
        var bySql = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => _client.ExecuteSqlAsync(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, organisation_id)
            VALUES (@r, tstzrange(@start, @end, '[)'), 'confirmed', false, @o)
            """, ("r", f.Resource), ("start", nextDay.UtcDateTime), ("end", nextDay.AddHours(2).UtcDateTime), ("o", f.Organisation)));
        var seen = await _client.PostAsync("query($id: ID!) { resource(id: $id) { bookedInSlots schedules { id } } }",
            new { id = GraphQLTestClient.Id("Resource", f.Resource) }, token);

        Assert.Null(Code(deleted.Data.GetProperty("deleteSchedule")));
        Assert.Equal("OUTSIDE_AVAILABILITY", Code(byApi));
        Assert.Contains("outside_availability", bySql.Hint, StringComparison.Ordinal);
        Assert.Equal(0, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @r", new { r = f.Resource }));
        Assert.True(seen.Data.GetProperty("resource").GetProperty("bookedInSlots").GetBoolean());
        Assert.Equal(0, seen.Data.GetProperty("resource").GetProperty("schedules").GetArrayLength());
    }

    [Fact]
    public async Task A_resource_that_never_had_an_availability_schedule_is_booked_in_free_periods()
    {
        var data = factory.Database.Data;
        var organisation = await data.OrganisationAsync();
        var resource = await data.ResourceAsync(await data.PlaceAsync(3.72, 51.05), new ResourceSpec { Capacity = 2, Exclusive = false });
        await _client.ExecuteSqlAsync("UPDATE resources SET organisation_id = @o WHERE id = @r", ("o", organisation), ("r", resource));
        var (_, token) = await _client.MemberAsync(organisation);
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(4).AddHours(22), TimeSpan.Zero);
        var f = new Fixture(organisation, resource, Guid.Empty, start, start.AddHours(2));

        var booked = await RequestAsync(ByPeriod(f, f.Start, f.End), token);
        var seen = await _client.PostAsync("query($id: ID!) { resource(id: $id) { bookedInSlots } }",
            new { id = GraphQLTestClient.Id("Resource", resource) }, token);

        Assert.Null(Code(booked));
        Assert.False(seen.Data.GetProperty("resource").GetProperty("bookedInSlots").GetBoolean());
    }

    private async Task<Guid> ScheduleOfAsync(Guid slot)
    {
        await using var command = factory.Database.DataSource.CreateCommand("SELECT schedule_id FROM slots WHERE id = @slot");
        command.Parameters.AddWithValue("slot", slot);
        return (Guid)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Another_organisations_member_reusing_a_victims_idempotency_key_gets_a_booking_of_their_own()
    {
        var victim = await SlotAsync(5);
        var (_, victimToken) = await _client.MemberAsync(victim.Organisation);
        var attackerOrganisation = await factory.Database.Data.OrganisationAsync();
        var (_, attackerToken) = await _client.MemberAsync(attackerOrganisation);
        var first = await RequestAsync(ByPeriod(victim, victim.Start, victim.End, key: "victim-key", purpose: "Vertrouwelijk"), victimToken);

        var replayed = await RequestAsync(ByPeriod(victim with { Organisation = attackerOrganisation }, victim.Start, victim.End, key: "victim-key"),
            attackerToken);

        Assert.Null(Code(first));
        Assert.Null(Code(replayed));
        Assert.NotEqual(first.GetProperty("booking").GetProperty("id").GetString(), replayed.GetProperty("booking").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, replayed.GetProperty("booking").GetProperty("purpose").ValueKind);
        Assert.Equal(2, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @r", new { r = victim.Resource }));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_request_is_IDEMPOTENCY_CONFLICT_and_an_identical_retry_replays()
    {
        var f = await SlotAsync(5);
        var (_, token) = await _client.MemberAsync(f.Organisation);
        var first = await RequestAsync(BySlot(f, quantity: 1, key: "click-1"), token);

        var retry = await RequestAsync(BySlot(f, quantity: 1, key: "click-1"), token);
        var changed = await RequestAsync(BySlot(f, quantity: 2, key: "click-1"), token);

        Assert.Equal(first.GetProperty("booking").GetProperty("id").GetString(), retry.GetProperty("booking").GetProperty("id").GetString());
        Assert.Equal("IDEMPOTENCY_CONFLICT", Code(changed));
        Assert.Equal(["input", "idempotencyKey"], changed.GetProperty("errors")[0].GetProperty("field").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, await factory.Database.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @r", new { r = f.Resource }));
    }
}
