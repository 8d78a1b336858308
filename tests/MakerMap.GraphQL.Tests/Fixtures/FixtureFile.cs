using System.Runtime.CompilerServices;

namespace MakerMap.GraphQL.Tests.Fixtures;

/// <summary>Reads `.graphql` fixtures from the source tree (no copy-to-output needed).</summary>
internal static class FixtureFile
{
    public static string Read(string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.GetDirectoryName(callerPath);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Fixtures", name)))
        {
            directory = Path.GetDirectoryName(directory);
        }

        if (directory is null)
        {
            throw new FileNotFoundException($"Fixture {name} not found above {callerPath}.");
        }

        return File.ReadAllText(Path.Combine(directory, "Fixtures", name)).ReplaceLineEndings("\n");
    }
}
