namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A fragment spread: <c>...Name @dir</c>.</summary>
public sealed class FragmentSpreadNode : SelectionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.FragmentSpread;

    /// <summary>The fragment name.</summary>
    public required NameNode Name { get; init; }
}
