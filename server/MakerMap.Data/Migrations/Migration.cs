using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace MakerMap.Data.Migrations;

/// <summary>
/// One forward-only schema migration: a file named <c>NNNN_snake_description.sql</c> and its SQL text.
/// </summary>
public sealed record Migration
{
    /// <summary>Creates a migration from its file name (e.g. <c>0003_places_resources.sql</c>) and SQL.</summary>
    /// <exception cref="ArgumentException">The file name does not start with a four-digit version and an underscore.</exception>
    public Migration(string fileName, string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(sql);
        if (fileName.Length < 6 || !fileName[..4].All(char.IsAsciiDigit) || fileName[4] != '_')
        {
            throw new ArgumentException($"Migration file name '{fileName}' must look like NNNN_description.sql.", nameof(fileName));
        }
        FileName = fileName;
        Version = fileName[..4];
        Sql = sql;
        Checksum = ComputeChecksum(sql);
    }

    /// <summary>The four-digit version that orders migrations, e.g. <c>0003</c>.</summary>
    public string Version { get; }

    /// <summary>The file name, e.g. <c>0003_places_resources.sql</c>.</summary>
    public string FileName { get; }

    /// <summary>The SQL text run in one transaction.</summary>
    public string Sql { get; }

    /// <summary>Lower-case hex SHA-256 of the SQL with line endings normalised to LF.</summary>
    public string Checksum { get; }

    /// <summary>
    /// The migrations embedded in MakerMap.Data (<c>schema/migrations/*.sql</c>, resource names
    /// <c>Migrations.&lt;file&gt;.sql</c>), ordered by version.
    /// </summary>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        const string prefix = "Migrations.";
        var assembly = typeof(Migration).Assembly;
        var list = new List<Migration>();
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            list.Add(new Migration(name[prefix.Length..], ReadResource(assembly, name)));
        }
        list.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return list;
    }

    internal static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    // Line endings are normalised so that a checkout with core.autocrlf does not look like an edit.
    private static string ComputeChecksum(string sql)
    {
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
