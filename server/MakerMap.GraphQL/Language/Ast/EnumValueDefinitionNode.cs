namespace MakerMap.GraphQL.Language.Ast;

/// <summary>An enum value definition.</summary>
public sealed class EnumValueDefinitionNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.EnumValueDefinition;

    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The value name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
