namespace MakerMap.Data.Places.OpeningHours;

/// <summary>A range of wall-clock time on one day, e.g. 09:00–17:00, possibly running past midnight.</summary>
/// <param name="StartMinute">Minutes after midnight at which it starts, 0..1439.</param>
/// <param name="EndMinute">Minutes after midnight at which it ends; above 1440 when it ends the next day.</param>
/// <param name="State"><see cref="OpeningState.Open"/> or <see cref="OpeningState.Unknown"/>.</param>
/// <param name="Comment">The rule's quoted comment, if any.</param>
public readonly record struct LocalTimeRange(int StartMinute, int EndMinute, OpeningState State, string? Comment)
{
    /// <summary>The start as a time of day.</summary>
    public TimeOnly Start => new(StartMinute / 60, StartMinute % 60);

    /// <summary>The end as a time of day (00:00 for a range that ends at midnight).</summary>
    public TimeOnly End => new(EndMinute % 1440 / 60, EndMinute % 60);

    /// <summary>Whether the range ends after midnight, on the next day (also true for an end at 24:00).</summary>
    public bool EndsNextDay => EndMinute >= 1440;

    /// <summary>The range as <c>HH:mm-HH:mm</c>, with the end past 24:00 when it runs into the next day.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{StartMinute / 60:D2}:{StartMinute % 60:D2}-{EndMinute / 60:D2}:{EndMinute % 60:D2}");
}
