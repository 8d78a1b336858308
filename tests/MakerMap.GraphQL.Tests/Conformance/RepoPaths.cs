using System.Runtime.CompilerServices;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>Finds files of the repository from a test's output folder, so tests never depend on the working directory.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(() => FindRoot());

    /// <summary>The folder holding MakerMap.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>tests/conformance, the Node tooling's folder.</summary>
    public static string Conformance => Path.Combine(Root, "tests", "conformance");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// Walks up from the test's output folder; when the build put its output outside the repository
    /// (<c>--artifacts-path</c>), walks up from this source file's compile-time path instead.
    /// </summary>
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MakerMap.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No MakerMap.sln above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
