namespace MakerMap.Api.Auth;

/// <summary>Sign-in settings, bound from <c>MakerMap:Auth</c>.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "MakerMap:Auth";

    /// <summary>PBKDF2 iterations for new password hashes (at least <see cref="PasswordHasher.MinimumIterations"/>).</summary>
    public int PasswordIterations { get; set; } = PasswordHasher.DefaultIterations;

    /// <summary>How long a bearer token from <c>POST /auth/sign-in?token=true</c> works.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the session cookie lives without use (sliding).</summary>
    public TimeSpan CookieLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The session cookie's name.</summary>
    public string CookieName { get; set; } = "makermap.session";
}

/// <summary>The authentication scheme names.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: forwards to <see cref="Bearer"/> when an <c>Authorization: Bearer</c> header is present, else to <see cref="Cookie"/>.</summary>
    public const string Default = "MakerMap";

    /// <summary>ASP.NET Core cookie authentication (browsers).</summary>
    public const string Cookie = "Cookies";

    /// <summary>Opaque bearer tokens stored as SHA-256 digests (scripts and apps).</summary>
    public const string Bearer = "Bearer";
}
