namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of schema, type and directive definitions.</summary>
public abstract class TypeSystemDefinitionNode : DefinitionNode
{
}
