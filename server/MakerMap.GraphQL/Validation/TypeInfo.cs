using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;
using MakerMap.GraphQL.Types.Introspection;

namespace MakerMap.GraphQL.Validation;

/// <summary>
/// Tracks the schema types in scope while an AST is walked (graphql-js <c>TypeInfo</c>): the output
/// type and parent composite type at each field, the expected input type at each value, and the
/// field, argument, directive and enum value definitions being visited. Call <see cref="Enter"/>
/// before and <see cref="Leave"/> after a node's children.
/// </summary>
public sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly List<GraphQLType?> _typeStack = [];
    private readonly List<NamedType?> _parentTypeStack = [];
    private readonly List<GraphQLType?> _inputTypeStack = [];
    private readonly List<FieldDefinition?> _fieldDefStack = [];
    private readonly List<bool> _defaultValueStack = [];

    /// <summary>Creates type info for a schema.</summary>
    public TypeInfo(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
    }

    /// <summary>The output type of the current field, operation or fragment, if known.</summary>
    public GraphQLType? Type => Last(_typeStack);

    /// <summary>The composite type whose selection set is being visited, if known.</summary>
    public NamedType? ParentType => Last(_parentTypeStack);

    /// <summary>The input type expected at the current argument, variable definition or value.</summary>
    public GraphQLType? InputType => Last(_inputTypeStack);

    /// <summary>The input type one level up (the list or input object containing the current value).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count > 1 ? _inputTypeStack[^2] : null;

    /// <summary>The definition of the current field, if known.</summary>
    public FieldDefinition? FieldDefinition => Last(_fieldDefStack);

    /// <summary>Whether the current argument or input field has a default value in the schema.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];

    /// <summary>The directive being visited, if known.</summary>
    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>The argument definition being visited, if known.</summary>
    public ArgumentDefinition? Argument { get; private set; }

    /// <summary>The enum value being visited, if known.</summary>
    public EnumValueDefinition? EnumValue { get; private set; }

    /// <summary>Finds a field on a composite type, including the <c>__schema</c>, <c>__type</c> and <c>__typename</c> meta-fields.</summary>
    public static FieldDefinition? GetFieldDefinition(Schema schema, NamedType parentType, string fieldName)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fieldName);
        if (fieldName == "__schema" && ReferenceEquals(schema.QueryType, parentType))
        {
            return IntrospectionTypes.SchemaMetaField;
        }

        if (fieldName == "__type" && ReferenceEquals(schema.QueryType, parentType))
        {
            return IntrospectionTypes.TypeMetaField;
        }

        if (fieldName == "__typename" && TypeHelpers.IsCompositeType(parentType))
        {
            return IntrospectionTypes.TypeNameMetaField;
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    /// <summary>Updates the state on entering a node.</summary>
    public void Enter(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node)
        {
            case SelectionSetNode:
                var named = Type is null ? null : TypeHelpers.GetNamedType(Type);
                _parentTypeStack.Add(named is not null && TypeHelpers.IsCompositeType(named) ? named : null);
                break;
            case FieldNode field:
                FieldDefinition? fieldDef = null;
                if (ParentType is { } parentType)
                {
                    fieldDef = GetFieldDefinition(_schema, parentType, field.Name.Value);
                }

                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef is not null && TypeHelpers.IsOutputType(fieldDef.Type) ? fieldDef.Type : null);
                break;
            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(operation.Operation switch
                {
                    OperationType.Query => _schema.QueryType,
                    OperationType.Mutation => _schema.MutationType,
                    _ => _schema.SubscriptionType,
                });
                break;
            case InlineFragmentNode inline:
                var outputType = inline.TypeCondition is { } condition
                    ? ValueCoercion.TypeFromAst(_schema, condition)
                    : Type is null ? null : TypeHelpers.GetNamedType(Type);
                _typeStack.Add(outputType is not null && TypeHelpers.IsOutputType(outputType) ? outputType : null);
                break;
            case FragmentDefinitionNode fragment:
                var fragmentType = ValueCoercion.TypeFromAst(_schema, fragment.TypeCondition);
                _typeStack.Add(fragmentType is not null && TypeHelpers.IsOutputType(fragmentType) ? fragmentType : null);
                break;
            case VariableDefinitionNode variable:
                var inputType = ValueCoercion.TypeFromAst(_schema, variable.Type);
                _inputTypeStack.Add(inputType is not null && TypeHelpers.IsInputType(inputType) ? inputType : null);
                break;
            case ArgumentNode argument:
                ArgumentDefinition? argDef = Directive is { } d
                    ? d.GetArgument(argument.Name.Value)
                    : FieldDefinition?.GetArgument(argument.Name.Value);
                Argument = argDef;
                _defaultValueStack.Add(argDef?.HasDefaultValue ?? false);
                _inputTypeStack.Add(argDef is not null && TypeHelpers.IsInputType(argDef.Type) ? argDef.Type : null);
                break;
            case ListValueNode:
                var listType = InputType is null ? null : TypeHelpers.GetNullableType(InputType);
                var itemType = listType is ListType list ? list.OfType : listType;
                _defaultValueStack.Add(false);
                _inputTypeStack.Add(itemType is not null && TypeHelpers.IsInputType(itemType) ? itemType : null);
                break;
            case ObjectFieldNode objectField:
                InputFieldDefinition? inputField = null;
                if (InputType is not null && TypeHelpers.GetNamedType(InputType) is InputObjectType inputObject)
                {
                    inputField = inputObject.GetField(objectField.Name.Value);
                }

                _defaultValueStack.Add(inputField?.HasDefaultValue ?? false);
                _inputTypeStack.Add(inputField is not null && TypeHelpers.IsInputType(inputField.Type) ? inputField.Type : null);
                break;
            case EnumValueNode enumValue:
                EnumValue = InputType is not null && TypeHelpers.GetNamedType(InputType) is EnumType enumType
                    ? enumType.GetValue(enumValue.Value)
                    : null;
                break;
        }
    }

    /// <summary>Restores the state on leaving a node.</summary>
    public void Leave(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                Pop(_parentTypeStack);
                break;
            case NodeKind.Field:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case NodeKind.Directive:
                Directive = null;
                break;
            case NodeKind.OperationDefinition:
            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
                Pop(_typeStack);
                break;
            case NodeKind.VariableDefinition:
                Pop(_inputTypeStack);
                break;
            case NodeKind.Argument:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.ListValue:
            case NodeKind.ObjectField:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.EnumValue:
                EnumValue = null;
                break;
        }
    }

    private static T? Last<T>(List<T?> stack) => stack.Count > 0 ? stack[^1] : default;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
