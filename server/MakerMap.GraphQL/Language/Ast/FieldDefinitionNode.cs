namespace MakerMap.GraphQL.Language.Ast;

/// <summary>A field definition on an object or interface type.</summary>
public sealed class FieldDefinitionNode : Node
{
    /// <inheritdoc/>
    public override NodeKind Kind => NodeKind.FieldDefinition;

    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The field name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Argument definitions.</summary>
    public IReadOnlyList<InputValueDefinitionNode> Arguments { get; init; } = [];

    /// <summary>The field type.</summary>
    public required TypeNode Type { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
