using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation;

/// <summary>
/// Wraps a visitor so that <see cref="TypeInfo"/> is updated around it (graphql-js
/// <c>visitWithTypeInfo</c>). Descriptions are not visited: per the spec they never affect validation.
/// </summary>
public sealed class TypeInfoVisitor : AstVisitor
{
    private readonly TypeInfo _typeInfo;
    private readonly AstVisitor _inner;

    /// <summary>Creates the wrapper.</summary>
    public TypeInfoVisitor(TypeInfo typeInfo, AstVisitor inner)
    {
        _typeInfo = typeInfo;
        _inner = inner;
    }

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        if (node is StringValueNode && IsDescription(node, parent))
        {
            return VisitorAction.SkipChildren;
        }

        _typeInfo.Enter(node);
        var action = _inner.Enter(node, parent);
        if (action != VisitorAction.Continue)
        {
            _typeInfo.Leave(node);
        }

        return action;
    }

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        var action = _inner.Leave(node, parent);
        _typeInfo.Leave(node);
        return action;
    }

    private static bool IsDescription(Node node, Node? parent) => parent switch
    {
        ExecutableDefinitionNode d => ReferenceEquals(d.Description, node),
        VariableDefinitionNode d => ReferenceEquals(d.Description, node),
        TypeDefinitionNode d => ReferenceEquals(d.Description, node),
        SchemaDefinitionNode d => ReferenceEquals(d.Description, node),
        FieldDefinitionNode d => ReferenceEquals(d.Description, node),
        InputValueDefinitionNode d => ReferenceEquals(d.Description, node),
        EnumValueDefinitionNode d => ReferenceEquals(d.Description, node),
        DirectiveDefinitionNode d => ReferenceEquals(d.Description, node),
        _ => false,
    };
}
