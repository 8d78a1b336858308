using MakerMap.Data.Internal;
using Npgsql;

namespace MakerMap.Data.DataProtection;

/// <summary>
/// The ASP.NET Core data-protection key ring as rows of <c>data_protection_keys</c> (migration 0010), so every
/// server instance on the database signs and reads cookies with the same keys.
/// </summary>
/// <remarks>
/// Synchronous on purpose: ASP.NET Core's <c>IXmlRepository</c> is synchronous and may be called from inside a
/// request. Npgsql's synchronous API blocks on the socket itself, where waiting on an async call would need a
/// second thread (a thread-pool or socket-event thread) to complete it, and could deadlock when socket
/// completions run inline on the event threads.
/// </remarks>
public sealed class DataProtectionKeyStore(NpgsqlDataSource dataSource)
{
    private static readonly string ListKeys = EmbeddedSql.Load("DataProtection/list_keys.sql");
    private static readonly string InsertKey = EmbeddedSql.Load("DataProtection/insert_key.sql");

    /// <summary>Every stored element's XML text, oldest first.</summary>
    public IReadOnlyList<string> List()
    {
        using var command = dataSource.CreateCommand(ListKeys);
        using var reader = command.ExecuteReader();
        var elements = new List<string>();
        while (reader.Read())
        {
            elements.Add(reader.GetString(0));
        }
        return elements;
    }

    /// <summary>Stores one element; storing a name again leaves the first one in place.</summary>
    public void Store(string friendlyName, string xml)
    {
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        ArgumentNullException.ThrowIfNull(xml);
        using var command = dataSource.CreateCommand(InsertKey);
        command.Parameters.Add(new NpgsqlParameter<string>("friendlyName", friendlyName));
        command.Parameters.Add(new NpgsqlParameter<string>("xml", xml));
        command.ExecuteNonQuery();
    }
}
