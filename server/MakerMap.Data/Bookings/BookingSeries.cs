namespace MakerMap.Data.Bookings;

/// <summary>
/// A weekly series of bookings (migration 0024): the same Brussels wall-clock period on
/// <see cref="Weeks"/> consecutive weeks. Each week is an ordinary <see cref="Booking"/> that names the series.
/// </summary>
/// <param name="Id">Primary key.</param>
/// <param name="ResourceId">The booked resource.</param>
/// <param name="OrganisationId">Organisation the series is for.</param>
/// <param name="BookedBy">Account that asked for it.</param>
/// <param name="Start">Start of the first week's period.</param>
/// <param name="End">End of the first week's period.</param>
/// <param name="Weeks">How many weeks (2..52).</param>
/// <param name="Quantity">Units per week.</param>
/// <param name="Purpose">What the booker wants to do.</param>
/// <param name="CreatedAt">When the series was asked for.</param>
public sealed record BookingSeries(
    Guid Id,
    Guid ResourceId,
    Guid? OrganisationId,
    Guid? BookedBy,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Weeks,
    int Quantity,
    string? Purpose,
    DateTimeOffset CreatedAt);

/// <summary>What became of one week of a series request: its booking, or why it failed.</summary>
/// <param name="Week">0-based week of the series.</param>
/// <param name="Start">Start of the week's period.</param>
/// <param name="End">End of the week's period.</param>
/// <param name="Booking">The booking (confirmed, requested or waitlisted), when the week succeeded.</param>
/// <param name="Failure">Why the week was not booked.</param>
public sealed record SeriesOccurrenceOutcome(int Week, DateTimeOffset Start, DateTimeOffset End, Booking? Booking, BookingFailure? Failure);

/// <summary>
/// The outcome of a series request: the series and one outcome per week, or a failure of the request as a
/// whole (bad input, no week bookable) with the weeks' outcomes when they were tried.
/// </summary>
/// <param name="Series">The series, when at least one week was booked.</param>
/// <param name="Occurrences">One outcome per week tried, in week order.</param>
/// <param name="Failure">Why nothing was booked.</param>
/// <param name="WasReplay">True when an earlier request with the same idempotency key made <paramref name="Series"/>.</param>
public sealed record BookingSeriesResult(
    BookingSeries? Series, IReadOnlyList<SeriesOccurrenceOutcome> Occurrences, BookingFailure? Failure, bool WasReplay = false)
{
    /// <summary>A failure of the whole request.</summary>
    public static BookingSeriesResult Fail(BookingFailure failure) => new(null, [], failure);

    /// <summary>A failure of the whole request.</summary>
    public static BookingSeriesResult Fail(string code, string message) => Fail(new BookingFailure(code, message));
}

/// <summary>Arguments of <see cref="BookingCommands.RequestBookingSeriesAsync"/>: a booking request plus its number of weeks.</summary>
/// <param name="FirstWeek">The first week's request: a start and an end (no slot); its idempotency key is the series'.</param>
/// <param name="Weeks">How many weeks, 2 to 52.</param>
public sealed record RequestBookingSeriesCommand(RequestBookingCommand FirstWeek, int Weeks)
{
    /// <summary>Fewest weeks in a series.</summary>
    public const int MinWeeks = 2;

    /// <summary>Most weeks in a series (a year).</summary>
    public const int MaxWeeks = 52;
}

/// <summary>The outcome of cancelling (part of) a series.</summary>
/// <param name="Series">The series.</param>
/// <param name="Cancelled">The occurrences cancelled now, in week order.</param>
/// <param name="Failure">Why nothing was cancelled.</param>
public sealed record CancelBookingSeriesResult(BookingSeries? Series, IReadOnlyList<Booking> Cancelled, BookingFailure? Failure);
