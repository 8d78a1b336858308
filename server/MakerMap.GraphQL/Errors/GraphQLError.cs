using System.Text.Json.Serialization;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Errors;

/// <summary>
/// A GraphQL error as described by the spec's "Errors" response section: a message, optional
/// source locations, an optional response path and optional extensions (e.g. <c>code</c>).
/// Validation and execution collect these; they are not exceptions.
/// </summary>
public sealed class GraphQLError
{
    private static readonly IReadOnlyList<SourceLocation> NoLocations = [];

    /// <summary>Creates an error located at the given nodes (nodes without a location are skipped).</summary>
    public GraphQLError(
        string message,
        IEnumerable<Node>? nodes = null,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null,
        Exception? originalError = null)
    {
        Message = message;
        Path = path;
        Extensions = extensions;
        OriginalError = originalError;
        if (nodes is not null)
        {
            var locations = new List<SourceLocation>();
            foreach (var node in nodes)
            {
                if (node.Location.IsKnown)
                {
                    locations.Add(new SourceLocation(node.Location.Line, node.Location.Column));
                }
            }

            Locations = locations.Count == 0 ? NoLocations : locations;
            Nodes = nodes as IReadOnlyList<Node> ?? [.. nodes];
        }
        else
        {
            Locations = NoLocations;
            Nodes = [];
        }
    }

    /// <summary>Creates an error at explicit source locations.</summary>
    public GraphQLError(
        string message,
        IReadOnlyList<SourceLocation> locations,
        IReadOnlyList<object>? path = null,
        IReadOnlyDictionary<string, object?>? extensions = null)
    {
        Message = message;
        Locations = locations;
        Path = path;
        Extensions = extensions;
        Nodes = [];
    }

    /// <summary>The human-readable message.</summary>
    public string Message { get; }

    /// <summary>Source locations (line, column) the error refers to; empty when none.</summary>
    public IReadOnlyList<SourceLocation> Locations { get; }

    /// <summary>Response path (field names as <see cref="string"/>, list indices as <see cref="int"/>), or null.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Extensions such as <c>code</c>; null when none.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }

    /// <summary>The AST nodes the error refers to (not serialized).</summary>
    [JsonIgnore]
    public IReadOnlyList<Node> Nodes { get; }

    /// <summary>The exception that caused the error, if any (never serialized: responses carry no exception text).</summary>
    [JsonIgnore]
    public Exception? OriginalError { get; }

    /// <summary>
    /// For validation errors, the name of the rule that reported it (e.g. <c>FieldsOnCorrectTypeRule</c>,
    /// the graphql-js rule name); null otherwise. Not serialized; used by tests and differential checks.
    /// </summary>
    [JsonIgnore]
    public string? RuleName { get; init; }

    /// <summary>The value of <c>extensions.code</c>, if any.</summary>
    [JsonIgnore]
    public string? Code => Extensions is not null && Extensions.TryGetValue("code", out var code) ? code as string : null;

    /// <inheritdoc/>
    public override string ToString()
    {
        if (Locations.Count == 0)
        {
            return Message;
        }

        var first = Locations[0];
        return $"{Message} ({first.Line}:{first.Column})";
    }
}
