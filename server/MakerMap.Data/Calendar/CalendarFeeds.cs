using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Calendar;

/// <summary>A feed's title and events.</summary>
/// <param name="Name">The calendar's name.</param>
/// <param name="Events">Its events, earliest first.</param>
public sealed record CalendarFeed(string Name, IReadOnlyList<CalendarEvent> Events);

/// <summary>
/// The iCalendar feeds: an organisation's bookings (behind its secret calendar token) and a place's
/// sessions. Both start a while in the past so that recent events stay in subscribers' calendars.
/// </summary>
public sealed class CalendarFeeds(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider;

    private static readonly string OrganisationBookingsSql = EmbeddedSql.Load("Calendar/list_organisation_bookings.sql");
    private static readonly string PlaceSessionsSql = EmbeddedSql.Load("Calendar/list_place_sessions.sql");
    private static readonly string SessionEventSql = EmbeddedSql.Load("Calendar/get_session_event.sql");

    /// <summary>How far back feeds reach.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    /// <summary>The bookings feed of the organisation with <paramref name="token"/>, or null for an unknown token.</summary>
    public async Task<CalendarFeed?> GetOrganisationFeedAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is < 16 or > 200)
        {
            return null;
        }
        await using var command = dataSource.CreateCommand(OrganisationBookingsSql);
        command.Parameters.Add(new NpgsqlParameter<string>("token", NpgsqlDbType.Text) { TypedValue = token });
        command.Parameters.AddInstant("from", _time.GetUtcNow() - History);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? name = null;
        var events = new List<CalendarEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            name = reader.GetString(0);
            if (reader.IsDBNull(1))
            {
                continue;
            }
            var status = reader.GetString(4);
            var resource = reader.GetString(7);
            var quantity = reader.GetInt32(5);
            var purpose = reader.IsDBNull(6) ? null : reader.GetString(6);
            events.Add(new CalendarEvent(
                $"booking-{reader.GetGuid(1)}@makermap",
                new DateTimeOffset(reader.GetFieldValue<DateTime>(2)),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3)),
                quantity > 1 ? $"{resource} (×{quantity})" : resource,
                Description: $"Booking status: {status}." + (purpose is null ? "" : "\n" + purpose),
                Location: reader.IsDBNull(8) ? null : reader.GetString(8),
                Status: status switch { "confirmed" => "CONFIRMED", "cancelled" => "CANCELLED", _ => "TENTATIVE" },
                Sequence: reader.GetInt32(9),
                LastModified: new DateTimeOffset(reader.GetFieldValue<DateTime>(10))));
        }
        return name is null ? null : new CalendarFeed(name, events);
    }

    /// <summary>The sessions feed of the place, or null for an unknown place.</summary>
    public async Task<CalendarFeed?> GetPlaceFeedAsync(Guid placeId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(PlaceSessionsSql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("place_id", NpgsqlDbType.Uuid) { TypedValue = placeId });
        command.Parameters.AddInstant("from", _time.GetUtcNow() - History);
        return await ReadSessionsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// One session as a calendar of one event ("add this date to my calendar"), or null when
    /// <paramref name="slotId"/> is not a session.
    /// </summary>
    public async Task<CalendarFeed?> GetSessionFeedAsync(Guid slotId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(SessionEventSql);
        command.Parameters.Add(new NpgsqlParameter<Guid>("slot_id", NpgsqlDbType.Uuid) { TypedValue = slotId });
        return await ReadSessionsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    // Both session queries return: place name, location, slot id, start, end, cancelled, title, sequence, changed at.
    private static async Task<CalendarFeed?> ReadSessionsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        string? name = null;
        var events = new List<CalendarEvent>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            name = reader.GetString(0);
            if (reader.IsDBNull(2) || reader.IsDBNull(6))
            {
                continue;
            }
            events.Add(new CalendarEvent(
                $"session-{reader.GetGuid(2)}@makermap",
                new DateTimeOffset(reader.GetFieldValue<DateTime>(3)),
                new DateTimeOffset(reader.GetFieldValue<DateTime>(4)),
                reader.GetString(6),
                Location: reader.GetString(1),
                Status: reader.GetBoolean(5) ? "CANCELLED" : "CONFIRMED",
                Sequence: reader.GetInt32(7),
                LastModified: new DateTimeOffset(reader.GetFieldValue<DateTime>(8))));
        }
        return name is null ? null : new CalendarFeed(name, events);
    }
}
