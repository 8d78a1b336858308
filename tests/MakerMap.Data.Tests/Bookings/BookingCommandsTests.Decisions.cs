using MakerMap.Data.Bookings;
using MakerMap.TestSupport;
using static MakerMap.Data.Bookings.BookingErrorCodes;

namespace MakerMap.Data.Tests.Bookings;

public sealed partial class BookingCommandsTests
{
    [Fact]
    public async Task CancelBookingAsync_releases_the_slot_capacity()
    {
        var resource = await ResourceAsync(new ResourceSpec { Exclusive = false, Capacity = 3 });
        var slot = await db.Data.SlotAsync(resource, Saturday, Saturday.AddHours(3), capacity: 1);
        var request = new RequestBookingCommand { ResourceId = resource, SlotId = slot };
        var first = await Commands.RequestBookingAsync(request, CancellationToken.None);
        var full = await Commands.RequestBookingAsync(request, CancellationToken.None);

        var cancelled = await Commands.CancelBookingAsync(first.Booking!.Id, CancellationToken.None);
        var again = await Commands.RequestBookingAsync(request, CancellationToken.None);

        Assert.Equal(SlotFull, full.Failure!.Code);
        Assert.Equal(BookingStatus.Cancelled, cancelled.Booking!.Status);
        Assert.True(again.Succeeded);
    }

    [Fact]
    public async Task CancelBookingAsync_twice_or_unknown_gives_typed_failure()
    {
        var resource = await ResourceAsync();
        var booking = (await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) }, CancellationToken.None)).Booking!;
        await Commands.CancelBookingAsync(booking.Id, CancellationToken.None);
        var unknown = Guid.NewGuid();

        var twice = await Commands.CancelBookingAsync(booking.Id, CancellationToken.None);
        var missing = await Commands.CancelBookingAsync(unknown, CancellationToken.None);

        Assert.Equal(new BookingFailure(InvalidState, $"Booking {booking.Id} is cancelled and cannot be cancelled."), twice.Failure);
        Assert.Equal(new BookingFailure(UnknownBooking, $"There is no booking {unknown}."), missing.Failure);
    }

    [Fact]
    public async Task DecideBookingAsync_approves_and_declines_requests()
    {
        var resource = await ResourceAsync(new ResourceSpec { RequiresApproval = true });
        var manager = await db.Data.AccountAsync();
        var first = (await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) }, CancellationToken.None)).Booking!;
        var second = (await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday.AddHours(2), End = Saturday.AddHours(3) }, CancellationToken.None)).Booking!;

        var approved = await Commands.DecideBookingAsync(first.Id, approve: true, manager, "See you then", CancellationToken.None);
        var declined = await Commands.DecideBookingAsync(second.Id, approve: false, manager, "  The hall is closed that day. ", CancellationToken.None);
        var again = await Commands.DecideBookingAsync(second.Id, approve: true, manager, null, CancellationToken.None);

        Assert.Equal(BookingStatus.Confirmed, approved.Booking!.Status);
        Assert.Equal(manager, approved.Booking.DecidedBy);
        Assert.Equal(Now, approved.Booking.DecidedAt);
        Assert.Null(approved.Booking.ExpiresAt);
        Assert.Equal(BookingStatus.Declined, declined.Booking!.Status);
        Assert.Equal("The hall is closed that day.", declined.Booking.DecisionNote);
        Assert.Equal(InvalidState, again.Failure!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n\t ")]
    public async Task DecideBookingAsync_declining_without_a_reason_fails_and_leaves_the_request_waiting(string? reason)
    {
        var resource = await ResourceAsync(new ResourceSpec { RequiresApproval = true });
        var manager = await db.Data.AccountAsync();
        var booking = (await Commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) }, CancellationToken.None)).Booking!;

        var declined = await Commands.DecideBookingAsync(booking.Id, approve: false, manager, reason, CancellationToken.None);
        var tooLong = await Commands.DecideBookingAsync(booking.Id, approve: false, manager, new string('x', BookingCommands.MaxDecisionNoteLength + 1), CancellationToken.None);
        var approvedWithoutNote = await Commands.DecideBookingAsync(booking.Id, approve: true, manager, reason, CancellationToken.None);

        Assert.Equal(DeclineReasonRequired, declined.Failure!.Code);
        Assert.Equal(InvalidArgument, tooLong.Failure!.Code);
        Assert.Equal(BookingStatus.Confirmed, approvedWithoutNote.Booking!.Status);
        Assert.Null(approvedWithoutNote.Booking.DecisionNote);
    }

    [Fact]
    public async Task ExpireUndecidedAsync_expires_old_requests_and_frees_the_period()
    {
        var resource = await ResourceAsync(new ResourceSpec { RequiresApproval = true, ApprovalTimeout = TimeSpan.FromHours(24) });
        var request = new RequestBookingCommand { ResourceId = resource, Start = Saturday, End = Saturday.AddHours(1) };
        var booking = (await Commands.RequestBookingAsync(request, CancellationToken.None)).Booking!;
        var blocked = await Commands.RequestBookingAsync(request, CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(23));
        var early = await Commands.ExpireUndecidedAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        var late = await Commands.DecideBookingAsync(booking.Id, approve: true, null, null, CancellationToken.None);
        var expired = await Commands.ExpireUndecidedAsync(CancellationToken.None);
        var retried = await Commands.RequestBookingAsync(request, CancellationToken.None);

        Assert.Equal(Overlap, blocked.Failure!.Code);
        Assert.Equal(0, early);
        Assert.Equal(BookingExpired, late.Failure!.Code);
        Assert.Equal(1, expired);
        Assert.Equal(BookingStatus.Expired, (await Commands.GetBookingAsync(booking.Id, CancellationToken.None))!.Status);
        Assert.True(retried.Succeeded);
    }
}
