namespace MakerMap.Api.Options;

/// <summary>A PMTiles base map the server hosts itself; bound from the <c>Basemap</c> section.</summary>
public sealed class BasemapOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Basemap";

    /// <summary>
    /// A PMTiles v3 archive (absolute, or relative to the content root) served at
    /// <see cref="Endpoints.BasemapEndpoints.ArchivePath"/>; empty means no PMTiles base map.
    /// </summary>
    public string? PmtilesPath { get; set; }

    /// <summary>The archive's full path, or null when none is configured.</summary>
    public string? ResolvePmtilesPath(string contentRoot) =>
        string.IsNullOrWhiteSpace(PmtilesPath) ? null : System.IO.Path.GetFullPath(PmtilesPath, contentRoot);
}
