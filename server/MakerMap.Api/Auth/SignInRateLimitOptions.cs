namespace MakerMap.Api.Auth;

/// <summary>How many sign-in attempts are allowed (section <c>MakerMap:SignInRateLimit</c>).</summary>
public sealed class SignInRateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:SignInRateLimit";

    /// <summary>Attempts per client IP address per window (whatever the e-mail addresses tried).</summary>
    public int PerClientIp { get; set; } = 30;

    /// <summary>Attempts per e-mail address per window (whatever the client).</summary>
    public int PerEmail { get; set; } = 10;

    /// <summary>The fixed window both limits count in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);
}
