using MakerMap.Api.Auth;
using MakerMap.Api.Endpoints;
using MakerMap.Api.Hosting;
using MakerMap.Api.Jobs;
using MakerMap.Api.Live;
using MakerMap.Api.Observability;
using MakerMap.Api.Schema;

// Admin commands' options are not host configuration, so the host does not see them.
var builder = WebApplication.CreateBuilder(AdminCommands.IsAdminCommand(args) ? [] : args);
builder.AddMakerMapDatabase();
builder.AddMakerMapObservability();
builder.AddMakerMapProxySupport();
builder.AddMakerMapAuth();
builder.AddMakerMapCrossSiteProtection();
builder.AddMakerMapPublicCors();
builder.AddMakerMapRequestLimits();
builder.AddMakerMapGraphQL();
if (!AdminCommands.IsAdminCommand(args))
{
    builder.AddMakerMapJobs();
    builder.AddMakerMapLive();
}
var app = builder.Build();

// `migrate` and `seed` run once and exit; anything else serves HTTP.
if (AdminCommands.TryParse(args, out var command, out var usageError))
{
    return command is null ? AdminCommands.PrintUsage(usageError) : await AdminCommands.RunAsync(app, command, app.Lifetime.ApplicationStopping);
}
if (!await DatabaseStartup.TryMigrateAsync(app, force: false, app.Lifetime.ApplicationStopping))
{
    return 1;
}

app.UseMakerMapProxySupport();
app.UseMakerMapFailureResponses();
app.UseMakerMapPublicCors();
app.UseMakerMapCrossSiteProtection();
app.UseWebSockets();
app.UseAuthentication();
app.UseAuthorization();
app.UseMakerMapRequestLimits();
app.MapHealthEndpoints();
app.MapMakerMapMetrics();
app.MapExportEndpoints();
app.MapCoverageExportEndpoints();
app.MapAuthEndpoints();
app.MapCalendarEndpoints();
app.MapTileEndpoints();
app.MapBasemapEndpoints();
app.MapMakerMapGraphQL();
app.MapClientEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
