using MakerMap.Data.Resources;
using MakerMap.TestSupport;
using Npgsql;

namespace MakerMap.Data.Tests.Resources;

[Trait("Category", "Db")]
public sealed class ResourceCapacityChangeTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = new(2030, 3, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Saturday = new(2030, 3, 9, 13, 0, 0, TimeSpan.Zero);

    private ResourceCommands Commands => new(db.DataSource, new ManualTimeProvider(Now));

    [Fact]
    public async Task Lowering_the_capacity_waits_for_a_booking_being_made_and_refuses_to_strand_it()
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 3 });
        await using var bookingConnection = await db.DataSource.OpenConnectionAsync();
        await using var booking = await bookingConnection.BeginTransactionAsync();
        // Two units without a slot, not committed yet: the capacity trigger has locked the resource row.
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO bookings (resource_id, period, status, is_exclusive, quantity, purpose)
            VALUES (@resource, tstzrange(@start, @end, '[)'), 'confirmed', false, 2, 'in flight')
            """, bookingConnection, booking))
        {
            insert.Parameters.AddWithValue("resource", resource);
            insert.Parameters.AddWithValue("start", Saturday.UtcDateTime);
            insert.Parameters.AddWithValue("end", Saturday.AddHours(2).UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        var lowering = Task.Run(() => Commands.UpdateAsync(resource, new ResourceChanges { Capacity = new Change<int?>(1) }, CancellationToken.None));
        await WaitForALockWaitAsync();
        await booking.CommitAsync();
        var result = await lowering;

        Assert.False(result.Succeeded);
        Assert.Equal(CommandErrorCodes.InvalidInput, result.Error!.Code);
        Assert.Equal("capacity", result.Error.Field);
        Assert.Equal(3, await db.Data.CountAsync("SELECT capacity FROM resources WHERE id = @resource", new { resource }));
    }

    [Fact]
    public async Task Lowering_the_capacity_to_what_bookings_hold_succeeds()
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Exclusive = false, Capacity = 3 });
        await db.Data.BookingAsync(resource, Saturday, Saturday.AddHours(2));

        var result = await Commands.UpdateAsync(resource, new ResourceChanges { Capacity = new Change<int?>(1) }, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, await db.Data.CountAsync("SELECT capacity FROM resources WHERE id = @resource", new { resource }));
    }

    // The capacity change is blocked on the booking's row lock (either before counting, as it should be, or at
    // its UPDATE, which would let it count too early).
    private async Task WaitForALockWaitAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await db.Data.CountAsync(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the capacity change never waited for the booking's lock");
            await Task.Delay(20);
        }
    }
}
