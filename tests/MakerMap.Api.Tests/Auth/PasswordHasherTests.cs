using System.Globalization;
using MakerMap.Api.Auth;

namespace MakerMap.Api.Tests.Auth;

public sealed class PasswordHasherTests
{
    // The floor keeps the tests quick; production uses PasswordHasher.DefaultIterations.
    private readonly PasswordHasher _hasher = new(PasswordHasher.MinimumIterations);

    [Fact]
    public void Hash_then_verify_the_same_password_succeeds()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Success, _hasher.Verify("correct horse battery staple", hash));
    }

    [Fact]
    public void Hash_uses_the_versioned_format_with_a_16_byte_salt_and_32_byte_hash()
    {
        var parts = _hasher.Hash("correct horse battery staple").Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal(PasswordHasher.MinimumIterations, int.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Hash_twice_gives_different_salts()
    {
        Assert.NotEqual(_hasher.Hash("same password here"), _hasher.Hash("same password here"));
    }

    [Fact]
    public void Verify_wrong_password_fails()
    {
        var hash = _hasher.Hash("correct horse battery staple");

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("correct horse battery stapler", hash));
    }

    [Fact]
    public void Verify_tampered_hash_fails()
    {
        var parts = _hasher.Hash("correct horse battery staple").Split('$');
        var digest = Convert.FromBase64String(parts[3]);
        digest[0] ^= 1;
        var tampered = string.Join('$', parts[0], parts[1], parts[2], Convert.ToBase64String(digest));

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("correct horse battery staple", tampered));
    }

    [Fact]
    public void Verify_with_a_changed_iteration_count_fails()
    {
        var parts = _hasher.Hash("correct horse battery staple").Split('$');
        var tampered = string.Join('$', parts[0], "210001", parts[2], parts[3]);

        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("correct horse battery staple", tampered));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha1$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$-5$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$999999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$210000$not base64!$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==")]
    public void Verify_malformed_hash_fails_without_throwing(string? stored)
    {
        Assert.Equal(PasswordVerification.Failed, _hasher.Verify("correct horse battery staple", stored));
    }

    [Fact]
    public void Verify_hash_with_fewer_iterations_than_configured_asks_for_a_rehash()
    {
        var old = _hasher.Hash("correct horse battery staple");
        var stronger = new PasswordHasher(PasswordHasher.MinimumIterations + 1000);

        Assert.Equal(PasswordVerification.SuccessRehashNeeded, stronger.Verify("correct horse battery staple", old));
        Assert.Equal(PasswordVerification.Success, stronger.Verify("correct horse battery staple", stronger.Hash("correct horse battery staple")));
    }

    [Fact]
    public void Verify_wrong_password_against_an_old_hash_does_not_ask_for_a_rehash()
    {
        var old = _hasher.Hash("correct horse battery staple");
        var stronger = new PasswordHasher(PasswordHasher.MinimumIterations + 1000);

        Assert.Equal(PasswordVerification.Failed, stronger.Verify("wrong password entirely", old));
    }

    [Fact]
    public void Constructor_refuses_fewer_iterations_than_the_floor()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(PasswordHasher.MinimumIterations - 1));
    }

    [Fact]
    public void Default_iterations_are_at_least_210000()
    {
        Assert.True(new PasswordHasher().Iterations >= 210_000);
    }
}
