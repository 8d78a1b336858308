using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// An anonymous operation is only allowed when it is the document's only operation.
/// https://spec.graphql.org/September2025/#sec-Lone-Anonymous-Operation
/// </summary>
public sealed class LoneAnonymousOperationRule(ValidationContext context) : ValidationRule(context)
{
    private int _operationCount;

    /// <inheritdoc/>
    public override string Name => nameof(LoneAnonymousOperationRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case DocumentNode document:
                _operationCount = document.Definitions.Count(d => d is OperationDefinitionNode);
                break;
            case OperationDefinitionNode { Name: null } operation when _operationCount > 1:
                Report("This anonymous operation must be the only defined operation.", operation);
                break;
        }

        return VisitorAction.Continue;
    }
}
