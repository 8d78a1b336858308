using MakerMap.Api.Hosting;
using MakerMap.Data.Accounts;
using MakerMap.Data.DataProtection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerMap.Api.Auth;

/// <summary>
/// Registers sign-in: ASP.NET Core cookie authentication for browsers, opaque bearer tokens for
/// scripts and apps, and a default policy scheme that picks one per request.
/// </summary>
public static class AuthRegistration
{
    /// <summary>
    /// Adds authentication, authorization, <see cref="AccessPolicy"/> and the account services.
    /// Call after <c>AddMakerMapDatabase</c>; then <c>app.UseAuthentication()</c>,
    /// <c>app.UseAuthorization()</c> and <c>app.MapAuthEndpoints()</c>.
    /// </summary>
    public static WebApplicationBuilder AddMakerMapAuth(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddMakerMapData();
        services.TryAddSingleton(new PasswordHasher(options.PasswordIterations));
        services.TryAddSingleton<AccessPolicy>();
        services.TryAddSingleton<AccessTokenService>();
        services.TryAddSingleton<PostgresTicketStore>();
        services.TryAddSingleton<SessionCheck>();
        services.TryAddSingleton<AccountService>();
        AddSharedKeyRing(services);
        services.AddOptions<SignInRateLimitOptions>().Bind(builder.Configuration.GetSection(SignInRateLimitOptions.Section));
        services.TryAddSingleton<SignInRateLimiter>();

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Bearer token or cookie", policy =>
                policy.ForwardDefaultSelector = context =>
                    AccessTokenService.FromAuthorizationHeader(context.Request.Headers.Authorization) is null
                        ? AuthSchemes.Cookie
                        : AuthSchemes.Bearer)
            .AddCookie(AuthSchemes.Cookie, cookie => ConfigureCookie(cookie, options))
            .AddScheme<AccessTokenAuthenticationOptions, AccessTokenAuthenticationHandler>(AuthSchemes.Bearer, displayName: "Bearer token", null);
        // the cookie names a session kept in PostgreSQL, so signing out ends every copy of it
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie)
            .Configure<PostgresTicketStore>((cookie, store) => cookie.SessionStore = store);
        services.AddAuthorization();
        return builder;
    }

    // Cookies are protected with the data-protection key ring; kept in PostgreSQL it is the same on every
    // instance. The fixed application name makes instances installed in different folders share keys too.
    private static void AddSharedKeyRing(IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("MakerMap");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((keys, store) => keys.XmlRepository = new PostgresXmlRepository(store));
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, AuthOptions options)
    {
        cookie.Cookie.Name = options.CookieName;
        cookie.Cookie.HttpOnly = true;
        // Lax keeps the cookie off cross-site POSTs (login CSRF, booking CSRF) but on top-level links
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.ExpireTimeSpan = options.CookieLifetime;
        cookie.SlidingExpiration = true;
        // an API answers with status codes, not redirects to a login page
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
        cookie.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = RefreshPrincipalAsync;
    }

    // The cookie carries only the account id; roles and memberships are read afresh on every
    // request so that removing a member or a role takes effect immediately.
    private static async Task RefreshPrincipalAsync(CookieValidatePrincipalContext context)
    {
        var accountId = context.Principal?.GetAccountId();
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountCommands>();
        var access = accountId is null ? null : await accounts.GetAccessAsync(accountId.Value, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (access is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie).ConfigureAwait(false);
            return;
        }
        context.ReplacePrincipal(MakerMapClaims.CreatePrincipal(access, AuthSchemes.Cookie));
    }
}
