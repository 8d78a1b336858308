namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>Thrown inside the parser and turned into an <see cref="OpeningHoursError"/> at its entry point.</summary>
internal sealed class OhSyntaxException(int position, string expected) : Exception(expected)
{
    public int Position { get; } = position;

    public string Expected { get; } = expected;
}
