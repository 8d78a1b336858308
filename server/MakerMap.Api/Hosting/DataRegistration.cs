using MakerMap.Data.Accounts;
using MakerMap.Data.Bookings;
using MakerMap.Data.Calendar;
using MakerMap.Data.Coverage;
using MakerMap.Data.DataProtection;
using MakerMap.Data.Export;
using MakerMap.Data.Graph;
using MakerMap.Data.Migrations;
using MakerMap.Data.Organisations;
using MakerMap.Data.Outbox;
using MakerMap.Data.Places;
using MakerMap.Data.Resources;
using MakerMap.Data.Schedules;
using MakerMap.Data.Tiles;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MakerMap.Api.Hosting;

/// <summary>
/// Every service of <c>MakerMap.Data</c> the host uses, registered in this one place. All are singletons
/// over the pooled <c>NpgsqlDataSource</c> (registered by <see cref="DatabaseRegistration"/>) and the
/// host's <see cref="TimeProvider"/> (tests replace it with a fake clock). TryAdd, so each area's
/// registration may call this and a test may register its own instance first.
/// </summary>
public static class DataRegistration
{
    /// <summary>Adds the data layer's queries and commands.</summary>
    public static IServiceCollection AddMakerMapData(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<MigrationRunner>();
        // read path of the API (docs/architecture.md, "Reading: one path")
        services.TryAddSingleton<GraphRowQueries>();
        services.TryAddSingleton<PlaceSearchQueries>();
        services.TryAddSingleton<BookingPageQueries>();
        services.TryAddSingleton<AvailabilityQueries>();
        services.TryAddSingleton<DeploymentQueries>();
        services.TryAddSingleton<ScheduleQueries>();
        services.TryAddSingleton<UpcomingSessionsQuery>();
        services.TryAddSingleton<CoverageQueries>();
        services.TryAddSingleton<CoverageReportQueries>();
        // writes
        services.TryAddSingleton<AccountCommands>();
        services.TryAddSingleton<AccessTokenStore>();
        services.TryAddSingleton<CookieSessionStore>();
        services.TryAddSingleton<OrganisationCommands>();
        services.TryAddSingleton<PlaceCommands>();
        services.TryAddSingleton<ResourceCommands>();
        services.TryAddSingleton<ScheduleCommands>();
        services.TryAddSingleton<BookingCommands>();
        services.TryAddSingleton<CancellationReasons>();
        services.TryAddSingleton<BookingSeriesQueries>();
        // exports, tiles, feeds, jobs, key ring
        services.TryAddSingleton<PlaceGeoJsonExport>();
        services.TryAddSingleton<VectorTileQueries>();
        services.TryAddSingleton<CalendarFeeds>();
        services.TryAddSingleton<OutboxStore>();
        services.TryAddSingleton<MakerMap.Data.Notifications.NotificationStore>();
        services.TryAddSingleton<CoverageSnapshotRefresher>();
        services.TryAddSingleton<SlotMaterialiser>();
        services.TryAddSingleton<DataProtectionKeyStore>();
        return services;
    }
}
