using System.Diagnostics;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>
/// Runs a Node script of tests/conformance with a time limit. The npm packages come from
/// tests/conformance/setup.sh, which the test command runs first; a missing install fails with that hint.
/// </summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Conformance, "node_modules", "graphql-http")))
        {
            throw new InvalidOperationException("tests/conformance/node_modules is missing: run tests/conformance/setup.sh first.");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepoPaths.Conformance,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish within {timeout}.");
        }

        var output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}: {await stderr}");
        }

        return output;
    }
}
