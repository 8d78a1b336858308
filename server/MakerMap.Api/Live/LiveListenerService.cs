using MakerMap.Api.Options;
using MakerMap.Data.Live;

namespace MakerMap.Api.Live;

/// <summary>The instance's one LISTEN connection (<see cref="LiveChangeListener"/>), feeding <see cref="LiveChangeHub"/>.</summary>
internal sealed class LiveListenerService(DatabaseOptions database, LiveChangeHub hub, ILogger<LiveChangeListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new LiveChangeListener(database.ConnectionString, logger).RunAsync(hub.Publish, hub.OnListening, hub.OnLost, stoppingToken);
}
