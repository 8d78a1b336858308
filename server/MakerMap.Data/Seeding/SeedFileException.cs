namespace MakerMap.Data.Seeding;

/// <summary>
/// A seed file is malformed or the database rejected one of its rows. The message names the file, the
/// item (feature index, array index or CSV line, with its slug when known) and what is wrong, e.g.
/// <c>places.geojson: feature 3 ('timelab'): property 'kind' is missing</c>. Nothing was written: the
/// whole seed run is one transaction.
/// </summary>
public sealed class SeedFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The seed file's name, e.g. <c>places.geojson</c>.</param>
    /// <param name="item">The item within the file, e.g. <c>feature 3 ('timelab')</c> or <c>line 12</c>; null for the whole file.</param>
    /// <param name="detail">What is wrong.</param>
    /// <param name="innerException">The JSON, I/O or PostgreSQL error behind it, if any.</param>
    public SeedFileException(string fileName, string? item, string detail, Exception? innerException = null)
        : base(item is null ? $"{fileName}: {detail}" : $"{fileName}: {item}: {detail}", innerException)
    {
        FileName = fileName;
        Item = item;
        Detail = detail;
    }

    /// <summary>The seed file's name.</summary>
    public string FileName { get; }

    /// <summary>The item within the file, or null when the problem concerns the whole file.</summary>
    public string? Item { get; }

    /// <summary>What is wrong.</summary>
    public string Detail { get; }
}
