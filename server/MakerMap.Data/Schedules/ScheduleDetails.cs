namespace MakerMap.Data.Schedules;

/// <summary>A new schedule: availability of a resource, or sessions at a place.</summary>
public sealed record NewSchedule
{
    /// <summary><c>availability</c> (needs <see cref="ResourceId"/>) or <c>session</c> (needs <see cref="PlaceId"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The resource of an availability schedule.</summary>
    public Guid? ResourceId { get; init; }

    /// <summary>The place of a session schedule.</summary>
    public Guid? PlaceId { get; init; }

    /// <summary>1 to 200 characters.</summary>
    public required string Title { get; init; }

    /// <summary>Wall-clock start of the first occurrence.</summary>
    public required DateTime StartsLocal { get; init; }

    /// <summary>1 minute to 31 days.</summary>
    public required int DurationMinutes { get; init; }

    /// <summary>IANA zone.</summary>
    public string TimeZone { get; init; } = "Europe/Brussels";

    /// <summary>RFC 5545 RRULE, or null for one occurrence.</summary>
    public string? RRule { get; init; }

    /// <summary>Local dates to skip.</summary>
    public IReadOnlyList<DateOnly> ExcludedDates { get; init; } = [];

    /// <summary>Units per occurrence; null means the resource's capacity.</summary>
    public int? Capacity { get; init; }
}

/// <summary>Changes to a schedule; see <see cref="Change{T}"/> for left-out versus cleared.</summary>
public sealed record ScheduleChanges
{
    /// <summary>New title.</summary>
    public Change<string?>? Title { get; init; }

    /// <summary>New local start.</summary>
    public Change<DateTime?>? StartsLocal { get; init; }

    /// <summary>New length in minutes.</summary>
    public Change<int?>? DurationMinutes { get; init; }

    /// <summary>New zone.</summary>
    public Change<string?>? TimeZone { get; init; }

    /// <summary>New rule; null makes it a single occurrence.</summary>
    public Change<string?>? RRule { get; init; }

    /// <summary>New excluded dates (replaces the list); null clears it.</summary>
    public Change<IReadOnlyList<DateOnly>?>? ExcludedDates { get; init; }

    /// <summary>New units per occurrence; null means the resource's capacity.</summary>
    public Change<int?>? Capacity { get; init; }
}

/// <summary>A schedule as stored.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Kind"><c>availability</c> or <c>session</c>.</param>
/// <param name="ResourceId">The resource (availability).</param>
/// <param name="PlaceId">The place (sessions).</param>
/// <param name="Title">Title of its occurrences.</param>
/// <param name="StartsLocal">Local start of the first occurrence.</param>
/// <param name="DurationMinutes">Length of each occurrence.</param>
/// <param name="TimeZone">IANA zone.</param>
/// <param name="RRule">The rule, or null for one occurrence.</param>
/// <param name="ExcludedDates">Skipped local dates.</param>
/// <param name="Capacity">Units per occurrence, or null.</param>
/// <param name="IsVerified">Whether the organiser confirmed it.</param>
public sealed record ScheduleRecord(
    Guid Id, string Kind, Guid? ResourceId, Guid? PlaceId, string Title, DateTime StartsLocal, int DurationMinutes,
    string TimeZone, string? RRule, IReadOnlyList<DateOnly> ExcludedDates, int? Capacity, bool IsVerified);
