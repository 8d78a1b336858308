namespace MakerMap.Data.Places.OpeningHours.Internal;

/// <summary>What a token of an <c>opening_hours</c> value is, as opening_hours.js classifies them.</summary>
internal enum OhTokenKind
{
    Number,
    Year,
    Weekday,
    Month,
    Holiday,
    TimeVar,
    Event,
    Week,
    State,
    Comment,
    CalcDay,
    TimeSeparator,
    TwentyFourSeven,
    Punctuation,
}

/// <summary>One token: its kind, its value (weekday 0 = Sunday, month 0 = January, a number), its text and where it starts.</summary>
internal readonly record struct OhToken(OhTokenKind Kind, int Value, string Text, int Position, bool SingleDigit = false)
{
    public bool Is(OhTokenKind kind) => Kind == kind;

    public bool IsPunctuation(char c) => Kind == OhTokenKind.Punctuation && Text.Length == 1 && Text[0] == c;
}

/// <summary>The tokens of one rule as written between <c>;</c> or <c>||</c>, and whether <c>||</c> introduced it.</summary>
internal sealed record OhTokenRule(List<OhToken> Tokens, bool Fallback);
