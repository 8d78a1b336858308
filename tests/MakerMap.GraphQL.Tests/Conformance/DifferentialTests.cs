using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;
using Xunit.Abstractions;

namespace MakerMap.GraphQL.Tests.Conformance;

/// <summary>
/// Differential tests against graphql-js (tests/conformance/differential): for every corpus document the engine
/// must reach graphql-js's verdict (accepted, or rejected at parse or validation), report the same violated
/// validation rules, and produce the same JSON result (errors compared as a set; our <c>extensions</c> dropped,
/// since graphql-js adds none).
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private static readonly Lazy<GraphQLEngine> Engine = new(() => TestSchema.CreateEngine());

    public static IEnumerable<object[]> Ids => DifferentialCorpus.Ids;

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Document_agrees_with_graphql_js(string id)
    {
        var outcome = await CompareAsync(DifferentialCorpus.Cases[id]);

        if (DifferentialCorpus.KnownDivergences.TryGetValue(id, out var reason))
        {
            // A documented divergence must still diverge: once the engine agrees, the entry has to go.
            Assert.False(outcome.Agrees, $"{id} now agrees with graphql-js: remove it from differential/known-divergences.json.");
            output.WriteLine($"known divergence: {reason}\n{outcome.Describe()}");
            return;
        }

        Assert.True(outcome.Agrees, outcome.Describe());
    }

    [Fact]
    [Trait("Category", "Node")]
    public async Task Committed_corpus_and_expected_output_are_what_graphql_js_produces_now()
    {
        // Regenerates the corpus and graphql-js's results in memory and compares them with the committed files.
        var text = await NodeScript.RunAsync("differential/run-reference.mjs", ["--check"], TimeSpan.FromMinutes(3));

        Assert.Contains("expected.json is up to date", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corpus_agreement_summary()
    {
        var outcomes = new List<Outcome>();
        foreach (var corpusCase in DifferentialCorpus.Cases.Values)
        {
            outcomes.Add(await CompareAsync(corpusCase));
        }

        var total = outcomes.Count;
        output.WriteLine($"documents: {total}");
        output.WriteLine($"verdict agrees: {outcomes.Count(o => o.VerdictAgrees)}/{total}");
        var rejected = outcomes.Where(o => o.Case.Phase == "validate").ToList();
        output.WriteLine($"rule set agrees: {rejected.Count(o => o.VerdictAgrees && o.RulesAgree)}/{rejected.Count} rejected at validation");
        var accepted = outcomes.Where(o => o.Case.Accepted).ToList();
        output.WriteLine($"result agrees: {accepted.Count(o => o.VerdictAgrees && o.ResultAgrees)}/{accepted.Count} accepted");
        output.WriteLine($"fully agrees: {outcomes.Count(o => o.Agrees)}/{total}");
        output.WriteLine($"known divergences: {DifferentialCorpus.KnownDivergences.Count}");
        foreach (var failure in outcomes.Where(o => !o.Agrees).Take(40))
        {
            output.WriteLine(failure.Describe());
        }

        Assert.Equal(total, DifferentialCorpus.Cases.Count);
    }

    internal sealed record Outcome(CorpusCase Case, string OurVerdict, IReadOnlyList<string> OurRules, string? OurResult, string? Note)
    {
        public bool VerdictAgrees => OurVerdict == (Case.Accepted ? "accepted" : "rejected:" + Case.Phase);

        public bool RulesAgree => Case.Phase != "validate" || Case.Rules.Order(StringComparer.Ordinal).SequenceEqual(OurRules.Order(StringComparer.Ordinal));

        public bool ResultAgrees => !Case.Accepted || OurResult == ExpectedResult;

        public bool Agrees => VerdictAgrees && RulesAgree && ResultAgrees;

        private string? ExpectedResult => ResultComparison.Normalize(Case.IsSubscription ? Case.Events : Case.Result);

        public string Describe() =>
            $"{Case.Id}: graphql-js {Case.Verdict}{(Case.Phase is null ? "" : " at " + Case.Phase)} [{string.Join(", ", Case.Rules)}], "
            + $"ours {OurVerdict} [{string.Join(", ", OurRules)}]{(Note is null ? "" : " (" + Note + ")")}"
            + (ResultAgrees ? "" : $"\n  expected: {ExpectedResult}\n  actual:   {OurResult}")
            + $"\n  query: {Case.Query}";
    }

    private static async Task<Outcome> CompareAsync(CorpusCase corpusCase)
    {
        PreparedRequest prepared;
        try
        {
            prepared = Engine.Value.Prepare(corpusCase.Query, corpusCase.OperationName);
        }
#pragma warning disable CA1031 // A crash is a disagreement to report, not a test-run failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Outcome(corpusCase, "crashed", [], null, exception.GetType().Name + ": " + exception.Message);
        }

        switch (prepared.Status)
        {
            case PreparedRequestStatus.ParseFailed:
            case PreparedRequestStatus.MissingQuery:
                return new Outcome(corpusCase, "rejected:parse", [], null, (prepared.Errors.Count > 0 ? prepared.Errors[0].Message : null));
            case PreparedRequestStatus.ValidationFailed:
                var rules = prepared.Errors.Select(e => e.RuleName ?? "(no rule)").Distinct(StringComparer.Ordinal).ToList();
                return new Outcome(corpusCase, "rejected:validate", rules, null, (prepared.Errors.Count > 0 ? prepared.Errors[0].Message : null));
            case PreparedRequestStatus.OperationNotFound:
                // graphql-js reports unknown or ambiguous operations when executing, after validation passed.
                return new Outcome(corpusCase, "accepted", [], ResultComparison.Normalize(ExecutionResult.FromErrors(prepared.Errors)), null);
        }

        var request = new GraphQLRequest(corpusCase.Query, corpusCase.OperationName, corpusCase.Variables) { UserContext = TestSchema.CreateState() };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var json = prepared.OperationType == OperationType.Subscription
                ? await ResultComparison.SubscribeAsync(Engine.Value, prepared, request, timeout.Token)
                : ResultComparison.Normalize(await Engine.Value.ExecuteAsync(prepared, request, timeout.Token));
            return new Outcome(corpusCase, "accepted", [], json, null);
        }
#pragma warning disable CA1031 // A crash is a disagreement to report, not a test-run failure.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return new Outcome(corpusCase, "accepted", [], null, "execution threw " + exception.GetType().Name + ": " + exception.Message);
        }
    }
}
