using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Safety limit (not in the spec): a document uses at most <see cref="ValidationOptions.MaxAliases"/>
/// field aliases, which stops alias-amplification requests.
/// https://spec.graphql.org/September2025/#sec-Validation
/// </summary>
public sealed class MaxAliasesRule(ValidationContext context) : ValidationRule(context)
{
    private int _aliases;

    /// <inheritdoc/>
    public override string Name => nameof(MaxAliasesRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is FieldNode { Alias: not null })
        {
            _aliases++;
        }

        return VisitorAction.Continue;
    }

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is DocumentNode document && Context.Options.MaxAliases is { } max && _aliases > max)
        {
            Report($"Document uses {_aliases} aliases, which exceeds the maximum allowed number of {max}.", document.Definitions[0]);
        }

        return VisitorAction.Continue;
    }
}
