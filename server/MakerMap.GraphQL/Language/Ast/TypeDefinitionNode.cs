namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of named type definitions.</summary>
public abstract class TypeDefinitionNode : TypeSystemDefinitionNode
{
    /// <summary>Optional description.</summary>
    public StringValueNode? Description { get; init; }

    /// <summary>The type name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
