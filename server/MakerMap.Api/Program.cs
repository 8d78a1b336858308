using MakerMap.Api.Endpoints;
using MakerMap.Api.Hosting;

// Admin commands' options are not host configuration, so the host does not see them.
var builder = WebApplication.CreateBuilder(AdminCommands.IsAdminCommand(args) ? [] : args);
builder.AddMakerMapDatabase();
var app = builder.Build();

// `migrate` and `seed` run once and exit; anything else serves HTTP.
if (AdminCommands.TryParse(args, out var command, out var usageError))
{
    if (command is null)
    {
        await Console.Error.WriteLineAsync(usageError);
        return 2;
    }
    return await AdminCommands.RunAsync(app, command, app.Lifetime.ApplicationStopping);
}
if (!await DatabaseStartup.TryMigrateAsync(app, force: false, app.Lifetime.ApplicationStopping))
{
    return 1;
}

app.MapHealthEndpoints();
app.MapExportEndpoints();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
