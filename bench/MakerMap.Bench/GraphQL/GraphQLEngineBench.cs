using System.Diagnostics;
using System.Globalization;
using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Tests.Conformance;
using MakerMap.GraphQL.Validation;

namespace MakerMap.Bench.GraphQL;

/// <summary>
/// The C# side of scripts/bench-graphql.sh: parse + validate + execute of the representative query and of the full
/// introspection query (tests/conformance/bench/*.graphql) against the shared conformance schema, the same work
/// tests/conformance/bench/run-graphql-js.mjs times in Node. Prints one JSON line per workload with the time and
/// the bytes allocated per operation. A plain timed loop rather than BenchmarkDotNet keeps the run short enough
/// for the two-core machine and identical in shape to the Node loop.
/// </summary>
public static class GraphQLEngineBench
{
    public static async Task RunAsync(double seconds)
    {
        // MAKERMAP_BENCH_TRACES=1 records the engine's spans (root-field resolvers here; Executor is called directly)
        // as an OpenTelemetry SDK would, to price tracing against the default of nobody listening.
        using var listener = Environment.GetEnvironmentVariable("MAKERMAP_BENCH_TRACES") == "1" ? Listen() : null;
        var schema = TestSchema.Schema;
        var state = TestSchema.CreateState();
        var folder = Path.Combine(RepoPaths.Conformance, "bench");
        var representativeVariables = new Dictionary<string, object?> { ["kind"] = null };
        var workloads = new (string Name, string Query, IReadOnlyDictionary<string, object?> Variables)[]
        {
            ("representative", await File.ReadAllTextAsync(Path.Combine(folder, "representative-query.graphql")), representativeVariables),
            ("introspection", await File.ReadAllTextAsync(Path.Combine(folder, "introspection-query.graphql")), new Dictionary<string, object?>()),
        };

        foreach (var (name, query, variables) in workloads)
        {
            async Task OnceAsync()
            {
                var document = Parser.Parse(query, ParserOptions.Default);
                var errors = DocumentValidator.Validate(schema, document, ValidationOptions.Default);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException(errors[0].Message);
                }

                var result = await Executor.ExecuteAsync(schema, document, null, variables, new ExecutionOptions { UserContext = state });
                if (result.Errors.Count > 0)
                {
                    throw new InvalidOperationException(result.Errors[0].Message);
                }
            }

            // Warm-up lets tiered compilation settle, as the Node side lets V8 optimise.
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(1))
            {
                await OnceAsync();
            }

            var iterations = 0;
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                for (var i = 0; i < 20; i++)
                {
                    await OnceAsync();
                }

                iterations += 20;
            }

            watch.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var nsPerOp = watch.Elapsed.TotalNanoseconds / iterations;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"name":"{{name}}","iterations":{{iterations}},"nsPerOp":{{nsPerOp:F0}},"opsPerSec":{{1e9 / nsPerOp:F1}},"bytesPerOp":{{allocated / iterations}}}"""));
        }
    }

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GraphQLTelemetry.SourceName,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _ => { },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
