namespace MakerMap.GraphQL.Language.Ast;

/// <summary>Base of every top-level definition in a document.</summary>
public abstract class DefinitionNode : Node
{
}
