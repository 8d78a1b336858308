using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerMap.Api.Live;

/// <summary>Registers live updates: the hub the subscription resolvers use and the listener that feeds it.</summary>
public static class LiveRegistration
{
    /// <summary>Adds <see cref="LiveChangeHub"/> and its listener (options from <c>MakerMap:Live</c>). Call after <c>AddMakerMapDatabase()</c>.</summary>
    public static WebApplicationBuilder AddMakerMapLive(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<LiveOptions>().Bind(builder.Configuration.GetSection(LiveOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<LiveChangeHub>();
        builder.Services.AddHostedService<LiveListenerService>();
        return builder;
    }
}
