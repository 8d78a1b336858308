using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Language;

/// <summary>
/// Depth-first AST walker (graphql-js <c>visit</c>). Children are visited in the order of
/// graphql-js <c>QueryDocumentKeys</c>. Recursion depth is bounded by the parser's nesting limit.
/// </summary>
public static class Visitor
{
    /// <summary>Walks <paramref name="root"/> with <paramref name="visitor"/>.</summary>
    public static void Visit(Node root, AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        Walk(root, null, visitor);
    }

    // Returns false when the walk was broken off.
    private static bool Walk(Node node, Node? parent, AstVisitor visitor)
    {
        var action = visitor.Enter(node, parent);
        if (action == VisitorAction.Break)
        {
            return false;
        }

        if (action == VisitorAction.SkipChildren)
        {
            return true;
        }

        if (!WalkChildren(node, visitor))
        {
            return false;
        }

        return visitor.Leave(node, parent) != VisitorAction.Break;
    }

    private static bool WalkChildren(Node node, AstVisitor v) => node switch
    {
        DocumentNode n => List(n.Definitions, n, v),
        OperationDefinitionNode n => Opt(n.Description, n, v) && Opt(n.Name, n, v) && List(n.VariableDefinitions, n, v)
            && List(n.Directives, n, v) && Walk(n.SelectionSet, n, v),
        VariableDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Variable, n, v) && Walk(n.Type, n, v)
            && Opt(n.DefaultValue, n, v) && List(n.Directives, n, v),
        VariableNode n => Walk(n.Name, n, v),
        SelectionSetNode n => List(n.Selections, n, v),
        FieldNode n => Opt(n.Alias, n, v) && Walk(n.Name, n, v) && List(n.Arguments, n, v) && List(n.Directives, n, v)
            && Opt(n.SelectionSet, n, v),
        ArgumentNode n => Walk(n.Name, n, v) && Walk(n.Value, n, v),
        FragmentSpreadNode n => Walk(n.Name, n, v) && List(n.Directives, n, v),
        InlineFragmentNode n => Opt(n.TypeCondition, n, v) && List(n.Directives, n, v) && Walk(n.SelectionSet, n, v),
        FragmentDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.VariableDefinitions, n, v)
            && Walk(n.TypeCondition, n, v) && List(n.Directives, n, v) && Walk(n.SelectionSet, n, v),
        ListValueNode n => List(n.Values, n, v),
        ObjectValueNode n => List(n.Fields, n, v),
        ObjectFieldNode n => Walk(n.Name, n, v) && Walk(n.Value, n, v),
        DirectiveNode n => Walk(n.Name, n, v) && List(n.Arguments, n, v),
        NamedTypeNode n => Walk(n.Name, n, v),
        ListTypeNode n => Walk(n.Type, n, v),
        NonNullTypeNode n => Walk(n.Type, n, v),
        SchemaDefinitionNode n => Opt(n.Description, n, v) && List(n.Directives, n, v) && List(n.OperationTypes, n, v),
        OperationTypeDefinitionNode n => Walk(n.Type, n, v),
        ScalarTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Directives, n, v),
        ObjectTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Interfaces, n, v)
            && List(n.Directives, n, v) && List(n.Fields, n, v),
        FieldDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Arguments, n, v)
            && Walk(n.Type, n, v) && List(n.Directives, n, v),
        InputValueDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && Walk(n.Type, n, v)
            && Opt(n.DefaultValue, n, v) && List(n.Directives, n, v),
        InterfaceTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Interfaces, n, v)
            && List(n.Directives, n, v) && List(n.Fields, n, v),
        UnionTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Directives, n, v)
            && List(n.Types, n, v),
        EnumTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Directives, n, v)
            && List(n.Values, n, v),
        EnumValueDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Directives, n, v),
        InputObjectTypeDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Directives, n, v)
            && List(n.Fields, n, v),
        DirectiveDefinitionNode n => Opt(n.Description, n, v) && Walk(n.Name, n, v) && List(n.Arguments, n, v)
            && List(n.Locations, n, v),
        SchemaExtensionNode n => List(n.Directives, n, v) && List(n.OperationTypes, n, v),
        ScalarTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Directives, n, v),
        ObjectTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Interfaces, n, v) && List(n.Directives, n, v)
            && List(n.Fields, n, v),
        InterfaceTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Interfaces, n, v) && List(n.Directives, n, v)
            && List(n.Fields, n, v),
        UnionTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Directives, n, v) && List(n.Types, n, v),
        EnumTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Directives, n, v) && List(n.Values, n, v),
        InputObjectTypeExtensionNode n => Walk(n.Name, n, v) && List(n.Directives, n, v) && List(n.Fields, n, v),
        _ => true,
    };

    private static bool Opt(Node? child, Node parent, AstVisitor visitor) => child is null || Walk(child, parent, visitor);

    private static bool List<T>(IReadOnlyList<T> children, Node parent, AstVisitor visitor)
        where T : Node
    {
        for (var i = 0; i < children.Count; i++)
        {
            if (!Walk(children[i], parent, visitor))
            {
                return false;
            }
        }

        return true;
    }
}
