namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of field, fragment spread and inline fragment selections.</summary>
public abstract class SelectionNode : Node
{
    /// <summary>Directives applied to the selection.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
