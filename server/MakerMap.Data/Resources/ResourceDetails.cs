namespace MakerMap.Data.Resources;

/// <summary>Something a borrower must have or have done, e.g. <c>tow_hitch</c>.</summary>
/// <param name="Code">Lowercase letters, digits and underscores, starting with a letter.</param>
/// <param name="Description">What it means, shown to bookers.</param>
public sealed record ResourceRequirement(string Code, string Description);

/// <summary>A new resource. Enum values are as stored (lower case).</summary>
public sealed record NewResource
{
    /// <summary>The home place; the resource belongs to its organisation.</summary>
    public required Guid PlaceId { get; init; }

    /// <summary>1 to 300 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Readable key; derived from the name when null.</summary>
    public string? Slug { get; init; }

    /// <summary>One of <see cref="ResourceCommands.Kinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>Units bookable at once, 1 to 10,000.</summary>
    public int Capacity { get; init; } = 1;

    /// <summary><c>exclusive</c> or <c>shared</c>.</summary>
    public string BookingMode { get; init; } = "exclusive";

    /// <summary>Whether it travels to the booker.</summary>
    public bool IsMobile { get; init; }

    /// <summary>Whether bookings need approval.</summary>
    public bool RequiresApproval { get; init; } = true;

    /// <summary>Shortest booking in minutes.</summary>
    public int MinBookingMinutes { get; init; } = 30;

    /// <summary>Longest booking in minutes.</summary>
    public int MaxBookingMinutes { get; init; } = 20160;

    /// <summary>Hours after which undecided requests expire.</summary>
    public double ApprovalTimeoutHours { get; init; } = 72;

    /// <summary>What bookers must confirm.</summary>
    public IReadOnlyList<ResourceRequirement> Requirements { get; init; } = [];
}

/// <summary>Changes to a resource; a left-out (null) field stays as it is. None of them can be cleared except the description.</summary>
public sealed record ResourceChanges
{
    /// <summary>New name.</summary>
    public Change<string?>? Name { get; init; }

    /// <summary>New kind.</summary>
    public Change<string?>? Kind { get; init; }

    /// <summary>New description; null clears it.</summary>
    public Change<string?>? Description { get; init; }

    /// <summary>New capacity; cannot drop below what live bookings hold.</summary>
    public Change<int?>? Capacity { get; init; }

    /// <summary>New booking mode.</summary>
    public Change<string?>? BookingMode { get; init; }

    /// <summary>New mobility.</summary>
    public Change<bool?>? IsMobile { get; init; }

    /// <summary>Whether bookings need approval.</summary>
    public Change<bool?>? RequiresApproval { get; init; }

    /// <summary>New shortest booking in minutes.</summary>
    public Change<int?>? MinBookingMinutes { get; init; }

    /// <summary>New longest booking in minutes.</summary>
    public Change<int?>? MaxBookingMinutes { get; init; }

    /// <summary>New approval timeout in hours.</summary>
    public Change<double?>? ApprovalTimeoutHours { get; init; }

    /// <summary>New requirements (replaces the list); null clears it.</summary>
    public Change<IReadOnlyList<ResourceRequirement>?>? Requirements { get; init; }
}
