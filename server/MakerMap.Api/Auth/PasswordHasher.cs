using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MakerMap.Api.Auth;

/// <summary>The outcome of <see cref="PasswordHasher.Verify"/>.</summary>
public enum PasswordVerification
{
    /// <summary>The password does not match, or the stored hash is malformed.</summary>
    Failed,

    /// <summary>The password matches.</summary>
    Success,

    /// <summary>The password matches, but the hash uses weaker settings than today's: store <see cref="PasswordHasher.Hash"/> of it.</summary>
    SuccessRehashNeeded,
}

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in a versioned text format,
/// <c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64), so that the iteration count
/// can grow over time: hashes with fewer iterations still verify and are reported for rehashing.
/// </summary>
/// <remarks>
/// 600 000 iterations follows the OWASP Password Storage Cheat Sheet for PBKDF2-HMAC-SHA256; the
/// floor of 210 000 lets tests run faster without ever producing a weak production hash.
/// </remarks>
public sealed class PasswordHasher
{
    /// <summary>The algorithm tag that starts every hash this class writes.</summary>
    public const string Algorithm = "pbkdf2-sha256";

    /// <summary>Iterations used for new hashes unless configured otherwise.</summary>
    public const int DefaultIterations = 600_000;

    /// <summary>The fewest iterations this class will use for a new hash.</summary>
    public const int MinimumIterations = 210_000;

    // A stored hash claiming more than this is tampered with: verifying it would burn CPU for minutes.
    private const int MaximumIterations = 10_000_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    /// <summary>Creates a hasher that writes hashes with <paramref name="iterations"/> iterations.</summary>
    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinimumIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        Iterations = iterations;
    }

    /// <summary>Iterations used for new hashes.</summary>
    public int Iterations { get; }

    /// <summary>Hashes <paramref name="password"/> with a fresh random 16-byte salt.</summary>
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations, HashBytes);
        return string.Join('$', Algorithm, Iterations.ToString(CultureInfo.InvariantCulture),
            Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>
    /// Checks <paramref name="password"/> against an encoded hash in constant time. Malformed or
    /// unknown formats fail rather than throw.
    /// </summary>
    public PasswordVerification Verify(string password, string? encodedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryDecode(encodedHash, out var iterations, out var salt, out var expected))
        {
            return PasswordVerification.Failed;
        }
        var actual = Derive(password, salt, iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }
        return iterations < Iterations || salt.Length < SaltBytes || expected.Length < HashBytes
            ? PasswordVerification.SuccessRehashNeeded
            : PasswordVerification.Success;
    }

    /// <summary>
    /// Spends the time of one verification without a hash to compare with, so that sign-in for an
    /// unknown e-mail address takes as long as a wrong password (no account enumeration by timing).
    /// </summary>
    public void VerifyNothing(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        Derive(password, new byte[SaltBytes], Iterations, HashBytes);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static bool TryDecode(string? encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded?.Split('$');
        if (parts is not [Algorithm, var count, var saltText, var hashText]
            || !int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations is < 1 or > MaximumIterations)
        {
            return false;
        }
        try
        {
            salt = Convert.FromBase64String(saltText);
            hash = Convert.FromBase64String(hashText);
        }
        catch (FormatException)
        {
            return false;
        }
        return salt.Length >= 8 && hash.Length is >= 16 and <= 64;
    }
}
