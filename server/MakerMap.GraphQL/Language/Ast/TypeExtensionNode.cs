namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of type extensions.</summary>
public abstract class TypeExtensionNode : TypeSystemExtensionNode
{
    /// <summary>The extended type's name.</summary>
    public required NameNode Name { get; init; }

    /// <summary>Directives.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; init; } = [];
}
