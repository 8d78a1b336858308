namespace MakerMap.Api.Live;

/// <summary>Settings of live updates (section <c>MakerMap:Live</c>).</summary>
public sealed class LiveOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:Live";

    /// <summary>
    /// Events held for one subscriber that reads slowly. When it is full, further events are merged into
    /// one catch-up event instead of queued, so a slow client neither blocks others nor grows memory.
    /// </summary>
    public int SubscriberBuffer { get; set; } = 32;

    /// <summary>The period, from now, that a catch-up event covers after the listener lost its connection.</summary>
    public int ResyncWindowDays { get; set; } = 92;
}
