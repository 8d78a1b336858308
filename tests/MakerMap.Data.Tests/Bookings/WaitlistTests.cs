using MakerMap.Data.Bookings;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Bookings;

/// <summary>
/// The waitlist of issue 16 (migration 0020): a full period stores a request as waitlisted, and
/// every path that frees units (cancel, decline, expiry, more capacity) promotes the oldest waiting
/// request that fits, in the same transaction.
/// </summary>
[Trait("Category", "Db")]
[Trait("Issue", "16")]
public sealed partial class WaitlistTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    // Promotions compare with the database's now(), so the fake clock stays near the real one.
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddMinutes(-1);
    private static readonly DateTimeOffset Start = new DateTimeOffset(Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(10).AddHours(9);

    private readonly ManualTimeProvider _clock = new(Now);

    private BookingCommands Commands => new(db.DataSource, _clock);

    private async Task<Guid> ResourceAsync(ResourceSpec spec)
    {
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        return await db.Data.ResourceAsync(place, spec);
    }

    private static RequestBookingCommand Request(Guid resource, int quantity = 1, bool waitlist = true, Guid? bookedBy = null) => new()
    {
        ResourceId = resource,
        Start = Start,
        End = Start.AddHours(3),
        Quantity = quantity,
        JoinWaitlistIfFull = waitlist,
        BookedBy = bookedBy,
    };

    private async Task<string> StatusAsync(Guid booking) => (await Commands.GetBookingAsync(booking, CancellationToken.None))!.Status;

    [Fact]
    public async Task Full_period_with_joinWaitlistIfFull_stores_a_waitlisted_request_that_holds_no_units()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 2 });
        await Commands.RequestBookingAsync(Request(resource, quantity: 2), CancellationToken.None);

        var refused = await Commands.RequestBookingAsync(Request(resource, waitlist: false), CancellationToken.None);
        var waiting = await Commands.RequestBookingAsync(Request(resource), CancellationToken.None);

        Assert.Equal(BookingErrorCodes.CapacityExceeded, refused.Failure!.Code);
        Assert.Equal(BookingStatus.Waitlisted, waiting.Booking!.Status);
        Assert.Equal(Start, waiting.Booking.ExpiresAt);
        Assert.Equal(2, await db.Data.CountAsync(
            "SELECT booked_units_peak(@resource, tstzrange(@start, @end, '[)'), NULL)", new { resource, start = Start, end = Start.AddHours(3) }));
    }

    [Fact]
    public async Task Request_that_fits_is_booked_even_with_joinWaitlistIfFull()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = true });

        var booked = await Commands.RequestBookingAsync(Request(resource), CancellationToken.None);

        Assert.Equal(BookingStatus.Confirmed, booked.Booking!.Status);
    }

    [Fact]
    public async Task Cancelling_the_holder_promotes_the_oldest_waiting_request_that_fits()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 2 });
        var holder = (await Commands.RequestBookingAsync(Request(resource, quantity: 2), CancellationToken.None)).Booking!;
        var tooBig = (await Commands.RequestBookingAsync(Request(resource, quantity: 3), CancellationToken.None)).Booking;
        var first = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var second = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var third = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;

        await Commands.CancelBookingAsync(holder.Id, "plans changed", CancellationToken.None);

        Assert.Null(tooBig); // 3 units of a resource of 2: INVALID_QUANTITY, never waitlisted
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(first.Id));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(second.Id));
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(third.Id));
    }

    [Fact]
    public async Task A_larger_waiting_request_that_does_not_fit_lets_a_younger_one_that_fits_pass()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 2 });
        var firstHolder = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var secondHolder = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var waitingBig = (await Commands.RequestBookingAsync(Request(resource, quantity: 2), CancellationToken.None)).Booking!;
        var waitingSmall = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;

        await Commands.CancelBookingAsync(firstHolder.Id, CancellationToken.None);
        var afterFirst = (await StatusAsync(waitingBig.Id), await StatusAsync(waitingSmall.Id));
        await Commands.CancelBookingAsync(secondHolder.Id, CancellationToken.None);

        Assert.Equal((BookingStatus.Waitlisted, BookingStatus.Confirmed), afterFirst);
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(waitingBig.Id)); // one unit free, two wanted
    }

    [Fact]
    public async Task Promotion_on_a_resource_that_needs_approval_makes_a_request_that_managers_hear_about()
    {
        var organisation = await db.Data.OrganisationAsync();
        var manager = await db.Data.AccountAsync();
        var booker = await db.Data.AccountAsync();
        await db.Data.CountAsync("INSERT INTO memberships (account_id, organisation_id, role) VALUES (@manager, @organisation, 'resource_manager') RETURNING 1",
            new { manager, organisation });
        await db.Data.CountAsync("UPDATE accounts SET language = 'fr' WHERE id = @booker RETURNING 1", new { booker });
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = true, RequiresApproval = true, ApprovalTimeout = TimeSpan.FromHours(48) });
        await db.Data.CountAsync("UPDATE resources SET organisation_id = @organisation WHERE id = @resource RETURNING 1", new { organisation, resource });
        var holder = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var waiting = (await Commands.RequestBookingAsync(Request(resource, bookedBy: booker), CancellationToken.None)).Booking!;

        await Commands.DecideBookingAsync(holder.Id, approve: false, manager, "Not that weekend", CancellationToken.None);

        var promoted = (await Commands.GetBookingAsync(waiting.Id, CancellationToken.None))!;
        Assert.Equal(BookingStatus.Requested, promoted.Status);
        Assert.InRange(promoted.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddHours(47), DateTimeOffset.UtcNow.AddHours(49));
        Assert.Equal(1, await db.Data.CountAsync(
            "SELECT count(*) FROM notifications WHERE account_id = @booker AND booking_id = @id AND kind = 'booking_promoted'", new { booker, id = waiting.Id }));
        Assert.Equal(1, await db.Data.CountAsync(
            "SELECT count(*) FROM notifications WHERE account_id = @manager AND booking_id = @id AND kind = 'booking_requested'", new { manager, id = waiting.Id }));
        Assert.Equal(1, await db.Data.CountAsync(
            """
            SELECT count(*) FROM outbox_messages AS m JOIN accounts AS a ON a.email = m.recipient
             WHERE a.id = @booker AND m.subject_id = @id AND m.kind = 'notification'
               AND m.subject LIKE 'Sortie de la liste d''attente : %' AND m.body LIKE '%(heure de Bruxelles)'
            """, new { booker, id = waiting.Id }));
    }

    [Fact]
    public async Task More_capacity_promotes_waiting_requests()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 1 });
        await Commands.RequestBookingAsync(Request(resource), CancellationToken.None);
        var waiting = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;

        await db.Data.CountAsync("UPDATE resources SET capacity = 2 WHERE id = @resource RETURNING 1", new { resource });

        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(waiting.Id));
    }

    [Fact]
    public async Task More_slot_capacity_promotes_waiting_requests_for_that_slot()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 5 });
        var slot = await db.Data.SlotAsync(resource, Start, Start.AddHours(3), capacity: 1);
        await Commands.RequestBookingAsync(new RequestBookingCommand { ResourceId = resource, SlotId = slot }, CancellationToken.None);
        var waiting = (await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, SlotId = slot, JoinWaitlistIfFull = true }, CancellationToken.None)).Booking!;
        Assert.Equal(BookingStatus.Waitlisted, waiting.Status);

        await db.Data.CountAsync("UPDATE slots SET capacity = 2 WHERE id = @slot RETURNING 1", new { slot });

        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(waiting.Id));
    }

    [Fact]
    public async Task Expiry_of_a_request_promotes_the_waitlist_and_waitlisted_requests_expire_at_their_start()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = true, RequiresApproval = true, ApprovalTimeout = TimeSpan.FromHours(1) });
        var pending = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var waiting = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var later = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;

        _clock.Advance(TimeSpan.FromHours(2));
        var expiredFirst = await Commands.ExpireUndecidedAsync(CancellationToken.None);

        Assert.Equal(1, expiredFirst);
        Assert.Equal(BookingStatus.Expired, await StatusAsync(pending.Id));
        Assert.Equal(BookingStatus.Requested, await StatusAsync(waiting.Id));
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(later.Id));

        _clock.Set(Start);
        var expiredAtStart = await Commands.ExpireUndecidedAsync(CancellationToken.None);

        Assert.Equal(BookingStatus.Expired, await StatusAsync(later.Id));
        Assert.True(expiredAtStart >= 1);
    }

    [Fact]
    public async Task A_member_can_leave_the_waitlist()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = true });
        var holder = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;
        var waiting = (await Commands.RequestBookingAsync(Request(resource), CancellationToken.None)).Booking!;

        var left = await Commands.CancelBookingAsync(waiting.Id, "found another", CancellationToken.None);
        await Commands.CancelBookingAsync(holder.Id, CancellationToken.None);

        Assert.Equal(BookingStatus.Cancelled, left.Booking!.Status);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(waiting.Id));
    }
}
