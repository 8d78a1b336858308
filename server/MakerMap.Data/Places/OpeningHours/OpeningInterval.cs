namespace MakerMap.Data.Places.OpeningHours;

/// <summary>A half-open period <c>[Start, End)</c> with one state (never <see cref="OpeningState.Closed"/>).</summary>
/// <param name="Start">First instant of the period.</param>
/// <param name="End">First instant after the period.</param>
/// <param name="State"><see cref="OpeningState.Open"/> or <see cref="OpeningState.Unknown"/>.</param>
/// <param name="Comment">The rule's quoted comment, if any.</param>
public readonly record struct OpeningInterval(DateTimeOffset Start, DateTimeOffset End, OpeningState State, string? Comment);
