using MakerMap.Api.Hosting;
using Npgsql;

namespace MakerMap.Api.Tests.Hosting;

public sealed class ServerPoolSettingsTests
{
    [Fact]
    public void Server_pool_auto_prepares_and_skips_the_reset_on_close_by_default()
    {
        var settings = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithServerPoolSettings("Host=db;Database=makermap"));

        Assert.Equal(64, settings.MaxAutoPrepare);
        Assert.Equal(2, settings.AutoPrepareMinUsages);
        Assert.True(settings.NoResetOnClose);
    }

    [Fact]
    public void Connection_string_that_names_the_settings_keeps_its_own_values()
    {
        var settings = new NpgsqlConnectionStringBuilder(
            DatabaseRegistration.WithServerPoolSettings("Host=db;Database=makermap;Max Auto Prepare=5;No Reset On Close=false"));

        Assert.Equal(5, settings.MaxAutoPrepare);
        Assert.False(settings.NoResetOnClose);
    }
}
