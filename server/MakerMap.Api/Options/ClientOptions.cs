namespace MakerMap.Api.Options;

/// <summary>The map client the server hosts at <c>/</c>; bound from the <c>Client</c> section.</summary>
public sealed class ClientOptions
{
    /// <summary>
    /// The built client folder (Vite's <c>dist/</c>): absolute, or relative to the content root.
    /// Empty means <c>map-client/dist</c> of the repository that holds the content root.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>A MapLibre style URL for an external base map (roads, water), or null for none.</summary>
    public string? ExternalBaseMapStyleUrl { get; set; }

    /// <summary>The folder to serve, resolved against <paramref name="contentRoot"/>.</summary>
    public string ResolvePath(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return System.IO.Path.GetFullPath(Path, contentRoot);
        }
        // the content root is server/MakerMap.Api (dotnet run, tests) or .local/server (scripts/run.sh):
        // both sit inside the repository, whose root holds MakerMap.sln
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MakerMap.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, "map-client", "dist");
            }
        }
        return System.IO.Path.Combine(contentRoot, "map-client", "dist");
    }
}
