namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A named fragment definition: <c>fragment Name on Type { ... }</c>.</summary>
public sealed class FragmentDefinitionNode : ExecutableDefinitionNode
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.FragmentDefinition;

    /// <summary>The fragment name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>The type condition.</summary>
    public required NamedTypeNode TypeCondition { get; init; }
}
