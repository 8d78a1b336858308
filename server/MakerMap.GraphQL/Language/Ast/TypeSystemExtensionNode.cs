namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of schema and type extensions.</summary>
public abstract class TypeSystemExtensionNode : DefinitionNode
{
}
