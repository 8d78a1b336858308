using MakerMap.Data.Internal;
using Npgsql;

namespace MakerMap.Data.DataProtection;

/// <summary>
/// The ASP.NET Core data-protection key ring as rows of <c>data_protection_keys</c> (migration 0010), so every
/// server instance on the database signs and reads cookies with the same keys.
/// </summary>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource)
{
    private static readonly string ListKeys = EmbeddedSql.Load("DataProtection/list_keys.sql");
    private static readonly string InsertKey = EmbeddedSql.Load("DataProtection/insert_key.sql");

    /// <summary>Every stored element's XML text, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ListKeys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var elements = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            elements.Add(reader.GetString(0));
        }
        return elements;
    }

    /// <summary>Stores one element; storing a name again leaves the first one in place.</summary>
    public async Task StoreAsync(string friendlyName, string xml, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        ArgumentNullException.ThrowIfNull(xml);
        await using var command = dataSource.CreateCommand(InsertKey);
        command.Parameters.Add(new NpgsqlParameter<string>("friendlyName", friendlyName));
        command.Parameters.Add(new NpgsqlParameter<string>("xml", xml));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
