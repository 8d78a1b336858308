using MakerMap.Data.Bookings;
using MakerMap.Data.Notifications;
using MakerMap.Data.Outbox;
using MakerMap.TestSupport;

namespace MakerMap.Data.Tests.Notifications;

/// <summary>In-app notifications and their e-mails (issue 16, migration 0020): written by the database per booking step, in the account's language.</summary>
[Trait("Category", "Db")]
[Trait("Issue", "16")]
public sealed class NotificationStoreTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow.AddMinutes(-1);
    private readonly ManualTimeProvider _clock = new(Now);

    private async Task<(Guid Resource, Guid Manager, Guid Booker)> ScenarioAsync(string bookerLanguage)
    {
        var organisation = await db.Data.OrganisationAsync();
        var manager = await db.Data.AccountAsync();
        var booker = await db.Data.AccountAsync();
        await db.Data.CountAsync("INSERT INTO memberships (account_id, organisation_id, role) VALUES (@manager, @organisation, 'admin') RETURNING 1",
            new { manager, organisation });
        await new NotificationStore(db.DataSource, _clock).SetLanguageAsync(booker, bookerLanguage, CancellationToken.None);
        var place = await db.Data.PlaceAsync(3.72, 51.05);
        var resource = await db.Data.ResourceAsync(place, new ResourceSpec { Name = "Lasersnijder", RequiresApproval = true });
        await db.Data.CountAsync("UPDATE resources SET organisation_id = @organisation WHERE id = @resource RETURNING 1", new { organisation, resource });
        return (resource, manager, booker);
    }

    [Fact]
    public async Task Request_and_decline_tell_the_manager_and_the_booker_in_their_languages()
    {
        var (resource, manager, booker) = await ScenarioAsync("en");
        var commands = new BookingCommands(db.DataSource, _clock);
        var start = new DateTimeOffset(2030, 3, 9, 13, 0, 0, TimeSpan.Zero); // 14:00 Brussels
        var booking = (await commands.RequestBookingAsync(
            new RequestBookingCommand { ResourceId = resource, Start = start, End = start.AddHours(2), BookedBy = booker }, CancellationToken.None)).Booking!;
        await commands.DecideBookingAsync(booking.Id, approve: false, manager, "Closed for maintenance.", CancellationToken.None);
        var store = new NotificationStore(db.DataSource, _clock);

        var managerList = await store.ListAsync(manager, 10, unreadOnly: false, CancellationToken.None);
        var bookerList = await store.ListAsync(booker, 10, unreadOnly: true, CancellationToken.None);

        var request = Assert.Single(managerList);
        Assert.Equal(("booking_requested", "Nieuwe aanvraag: Lasersnijder"), (request.Kind, request.Subject));
        Assert.Equal("Er is een aanvraag voor Lasersnijder vanaf 2030-03-09 14:00 die op uw beslissing wacht. (uur van Brussel)", request.Body);
        var declined = Assert.Single(bookerList);
        Assert.Equal(("booking_declined", "Declined: Lasersnijder"), (declined.Kind, declined.Subject));
        Assert.Equal("Your request for Lasersnijder from 2030-03-09 14:00 was declined. Closed for maintenance. (Brussels time)", declined.Body);
        Assert.Equal(1, await db.Data.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE subject_id = @id AND kind = 'notification' AND subject = 'Declined: Lasersnijder'", new { id = booking.Id }));
        Assert.Equal(1, await store.CountUnreadAsync(booker, CancellationToken.None));
        Assert.Equal(0, await store.MarkReadAsync(booker, [declined.Id], CancellationToken.None));
        Assert.Empty(await store.ListAsync(booker, 10, unreadOnly: true, CancellationToken.None));
        Assert.Equal(1, await store.MarkReadAsync(manager, [declined.Id], CancellationToken.None)); // another's id marks nothing
    }

    [Fact]
    public async Task Reminder_reaches_the_in_app_list_once_in_the_bookers_language()
    {
        var (resource, _, booker) = await ScenarioAsync("fr");
        var start = Now.AddHours(5);
        var booking = await db.Data.BookingAsync(resource, start, start.AddHours(1), bookedBy: booker);
        var outbox = new OutboxStore(db.DataSource, _clock);
        var store = new NotificationStore(db.DataSource, _clock);

        var first = await outbox.WriteRemindersAsync(TimeSpan.FromHours(24), CancellationToken.None);
        var second = await outbox.WriteRemindersAsync(TimeSpan.FromHours(24), CancellationToken.None);

        Assert.True(first.Bookings >= 1);
        Assert.Equal(0, second.Bookings);
        var reminder = Assert.Single(await store.ListAsync(booker, 10, unreadOnly: false, CancellationToken.None));
        Assert.Equal(("booking_reminder", booking, "Rappel : Lasersnijder"), (reminder.Kind, reminder.BookingId, reminder.Subject));
        Assert.EndsWith("(heure de Bruxelles)", reminder.Body, StringComparison.Ordinal);
    }
}
