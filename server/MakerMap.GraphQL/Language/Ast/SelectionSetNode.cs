namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A selection set: <c>{ selection+ }</c>.</summary>
public sealed class SelectionSetNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.SelectionSet;

    /// <summary>The selections in source order.</summary>
    public required IReadOnlyList<SelectionNode> Selections { get; init; }
}
