using MakerMap.TestSupport;
using Npgsql;

namespace MakerMap.Data.Tests.Bookings;

/// <summary>
/// The invariants hold for writes that bypass MakerMap's code altogether (plain SQL, as an operator's
/// script or a future feature would write): the database's guards of migration 0015 refuse them.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "12")]
public sealed class DatabaseGuardTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Saturday = new(2030, 3, 9, 13, 0, 0, TimeSpan.Zero);

    private async Task<(Guid Resource, Guid Slot)> SlotAsync(int capacity)
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = capacity });
        return (resource, await db.Data.SlotAsync(resource, Saturday, Saturday.AddHours(3), capacity));
    }

    private async Task<PostgresException> RefusedAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
    }

    private const string InsertFreePeriodBooking = """
        INSERT INTO bookings (resource_id, period, status, is_exclusive, quantity)
        VALUES (@resource, tstzrange(@start, @end, '[)'), 'confirmed', false, @quantity)
        """;

    [Fact]
    public async Task A_start_end_booking_written_in_SQL_cannot_overbook_a_slot_filled_by_slot_bookings()
    {
        var (resource, slot) = await SlotAsync(3);
        foreach (var (start, end) in new[] { (Saturday, Saturday.AddHours(3)), (Saturday.AddHours(1), Saturday.AddHours(2)) })
        {
            await using var slotBooking = db.DataSource.CreateCommand(
                "INSERT INTO bookings (resource_id, slot_id, period, status, is_exclusive) VALUES (@resource, @slot, tstzrange(@start, @end, '[)'), 'confirmed', false)");
            slotBooking.Parameters.AddWithValue("resource", resource);
            slotBooking.Parameters.AddWithValue("slot", slot);
            slotBooking.Parameters.AddWithValue("start", start.UtcDateTime);
            slotBooking.Parameters.AddWithValue("end", end.UtcDateTime);
            await slotBooking.ExecuteNonQueryAsync();
        }

        var refused = await RefusedAsync(InsertFreePeriodBooking, ("resource", resource), ("start", Saturday.AddMinutes(90).UtcDateTime),
            ("end", Saturday.AddHours(3).UtcDateTime), ("quantity", 2));

        Assert.Equal("makermap:capacity_exceeded", refused.Hint);
        Assert.Equal(2, await db.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task Bookings_that_never_overlap_in_time_share_a_slot_without_exceeding_it()
    {
        var (resource, _) = await SlotAsync(1);
        await db.Data.BookingAsync(resource, Saturday, Saturday.AddHours(1));
        await db.Data.BookingAsync(resource, Saturday.AddHours(1), Saturday.AddHours(2));

        Assert.Equal(2, await db.Data.CountAsync("SELECT count(*) FROM bookings WHERE resource_id = @resource", new { resource }));
    }

    [Fact]
    public async Task A_booking_written_in_SQL_outside_the_bookable_slots_is_refused()
    {
        var (resource, _) = await SlotAsync(3);

        var beyond = await RefusedAsync(InsertFreePeriodBooking, ("resource", resource), ("start", Saturday.AddHours(2).UtcDateTime),
            ("end", Saturday.AddHours(4).UtcDateTime), ("quantity", 1));
        var cancelled = await db.Data.SlotAsync(resource, Saturday.AddDays(1), Saturday.AddDays(1).AddHours(2), 3, cancelled: true);
        var inCancelledSlot = await RefusedAsync(
            "INSERT INTO bookings (resource_id, slot_id, period, status, is_exclusive) SELECT @resource, id, period, 'confirmed', false FROM slots WHERE id = @slot",
            ("resource", resource), ("slot", cancelled));

        Assert.Equal("makermap:outside_availability", beyond.Hint);
        Assert.Equal("makermap:outside_availability", inCancelledSlot.Hint);
    }

    [Fact]
    public async Task A_live_booking_that_has_not_ended_cannot_be_deleted_but_an_ended_or_cancelled_one_can()
    {
        var (resource, _) = await SlotAsync(3);
        var live = await db.Data.BookingAsync(resource, Saturday, Saturday.AddHours(1));
        var cancelled = await db.Data.BookingAsync(resource, Saturday, Saturday.AddHours(1), status: "cancelled");

        var refused = await RefusedAsync("DELETE FROM bookings WHERE id = @id", ("id", live));
        await using (var delete = db.DataSource.CreateCommand("DELETE FROM bookings WHERE id = @id"))
        {
            delete.Parameters.AddWithValue("id", cancelled);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        Assert.Equal("makermap:in_use", refused.Hint);
        Assert.Equal(1, await db.Data.CountAsync("SELECT count(*) FROM bookings WHERE id = @live", new { live }));
    }

    [Fact]
    public async Task A_slot_capacity_below_its_live_units_is_refused()
    {
        var (resource, slot) = await SlotAsync(3);
        await db.Data.BookingAsync(resource, Saturday, Saturday.AddHours(2));
        await db.Data.BookingAsync(resource, Saturday.AddHours(1), Saturday.AddHours(3));

        var refused = await RefusedAsync("UPDATE slots SET capacity = 1 WHERE id = @slot", ("slot", slot));

        Assert.Equal("makermap:capacity_below_booked", refused.Hint);
        await using var lower = db.DataSource.CreateCommand("UPDATE slots SET capacity = 2 WHERE id = @slot");
        lower.Parameters.AddWithValue("slot", slot);
        Assert.Equal(1, await lower.ExecuteNonQueryAsync());
    }

    [Fact]
    public async Task The_last_admin_of_an_organisation_cannot_be_demoted_or_removed_in_SQL()
    {
        var organisation = await db.Data.OrganisationAsync();
        var account = await db.Data.AccountAsync();
        await using (var insert = db.DataSource.CreateCommand("INSERT INTO memberships (account_id, organisation_id, role) VALUES (@a, @o, 'admin')"))
        {
            insert.Parameters.AddWithValue("a", account);
            insert.Parameters.AddWithValue("o", organisation);
            await insert.ExecuteNonQueryAsync();
        }

        var demoted = await RefusedAsync("UPDATE memberships SET role = 'member' WHERE account_id = @a", ("a", account));
        var removed = await RefusedAsync("DELETE FROM memberships WHERE account_id = @a", ("a", account));

        Assert.Equal("makermap:last_admin", demoted.Hint);
        Assert.Equal("makermap:last_admin", removed.Hint);
        await using var deleteOrganisation = db.DataSource.CreateCommand("DELETE FROM organisations WHERE id = @o");
        deleteOrganisation.Parameters.AddWithValue("o", organisation);
        Assert.Equal(1, await deleteOrganisation.ExecuteNonQueryAsync());
    }
}
