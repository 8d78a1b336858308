namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An inline fragment: <c>... on Type @dir { ... }</c>.</summary>
public sealed class InlineFragmentNode : SelectionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.InlineFragment;

    /// <summary>The type condition, or null.</summary>
    public NamedTypeNode? TypeCondition { get; init; }

    /// <summary>The selection set.</summary>
    public required SelectionSetNode SelectionSet { get; init; }
}
