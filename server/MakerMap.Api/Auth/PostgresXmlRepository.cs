using System.Xml.Linq;
using MakerMap.Data.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace MakerMap.Api.Auth;

/// <summary>
/// Keeps the data-protection key ring in PostgreSQL (<see cref="DataProtectionKeyStore"/>) instead of each
/// instance's file system, so a cookie signed in on one instance is accepted by all of them.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous: the key manager calls it rarely (at start-up, when it creates
/// a key and about once a day to refresh its cache), never per request, so blocking on the database is cheap.
/// The store uses Npgsql's synchronous API rather than blocking on a task (see <see cref="DataProtectionKeyStore"/>).
/// </remarks>
internal sealed class PostgresXmlRepository(DataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. store.List().Select(xml => XElement.Parse(xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Store(friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
