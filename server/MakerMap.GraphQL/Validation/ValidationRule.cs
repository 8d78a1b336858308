using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation;

/// <summary>Creates a rule instance for one validation run (graphql-js <c>ValidationRule</c>).</summary>
public delegate ValidationRule ValidationRuleFactory(ValidationContext context);

/// <summary>
/// Base of validation rules: a visitor run in parallel with the other rules over the document,
/// with <see cref="ValidationContext"/> access. Rules collect errors through <see cref="Report(string, Node[])"/>.
/// </summary>
public abstract class ValidationRule : AstVisitor
{
    private static readonly IReadOnlyDictionary<string, object?> ValidationFailed =
        new Dictionary<string, object?> { ["code"] = "GRAPHQL_VALIDATION_FAILED" }.AsReadOnly();

    /// <summary>Creates the rule.</summary>
    protected ValidationRule(ValidationContext context) => Context = context;

    /// <summary>The graphql-js name of the rule, e.g. <c>FieldsOnCorrectTypeRule</c>; set on every error it reports.</summary>
    public abstract string Name { get; }

    /// <summary>The validation context.</summary>
    protected ValidationContext Context { get; }

    /// <summary>Reports an error located at <paramref name="nodes"/>, tagged with this rule and <c>GRAPHQL_VALIDATION_FAILED</c>.</summary>
    protected void Report(string message, params Node[] nodes) =>
        Context.ReportError(new GraphQLError(message, nodes, extensions: ValidationFailed) { RuleName = Name });

    /// <summary>Reports an error located at <paramref name="nodes"/>.</summary>
    protected void Report(string message, IEnumerable<Node> nodes) =>
        Context.ReportError(new GraphQLError(message, nodes, extensions: ValidationFailed) { RuleName = Name });

    internal static GraphQLError Create(string message, string ruleName, IReadOnlyList<Node>? nodes = null) =>
        new(message, nodes, extensions: ValidationFailed) { RuleName = ruleName };
}
