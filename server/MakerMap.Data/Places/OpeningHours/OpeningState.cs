namespace MakerMap.Data.Places.OpeningHours;

/// <summary>What an <c>opening_hours</c> value says about a moment.</summary>
public enum OpeningState
{
    /// <summary>Closed (no rule opens it, or an <c>off</c>/<c>closed</c> rule applies).</summary>
    Closed,

    /// <summary>Open.</summary>
    Open,

    /// <summary>Maybe open: an <c>unknown</c> modifier or a rule that is only a comment.</summary>
    Unknown,
}
