using System.Globalization;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

public static partial class ValueCoercion
{
    /// <summary>
    /// valueFromAST: coerces a literal (with already-coerced <paramref name="variables"/>) to
    /// <paramref name="type"/>; returns <see langword="false"/> when the literal is invalid.
    /// </summary>
    public static bool TryValueFromAst(ValueNode valueNode, GraphQLType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        ArgumentNullException.ThrowIfNull(valueNode);
        ArgumentNullException.ThrowIfNull(type);
        value = null;
        if (valueNode is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name.Value, out var variableValue))
            {
                return false;
            }

            if (variableValue is null && type is NonNullType)
            {
                return false;
            }

            value = variableValue;
            return true;
        }

        if (type is NonNullType nn)
        {
            return valueNode is not NullValueNode && TryValueFromAst(valueNode, nn.OfType, variables, out value);
        }

        if (valueNode is NullValueNode)
        {
            return true;
        }

        switch (type)
        {
            case ListType list:
                if (valueNode is ListValueNode listNode)
                {
                    var items = new List<object?>(listNode.Values.Count);
                    foreach (var itemNode in listNode.Values)
                    {
                        if (IsMissingVariable(itemNode, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return false;
                            }

                            items.Add(null);
                            continue;
                        }

                        if (!TryValueFromAst(itemNode, list.OfType, variables, out var item))
                        {
                            return false;
                        }

                        items.Add(item);
                    }

                    value = items;
                    return true;
                }

                if (!TryValueFromAst(valueNode, list.OfType, variables, out var single))
                {
                    return false;
                }

                value = new List<object?> { single };
                return true;
            case InputObjectType io:
                return TryInputObjectFromAst(valueNode, io, variables, out value);
            case EnumType e:
                try
                {
                    value = ParseEnumLiteral(e, valueNode);
                    return true;
                }
                catch (ValueCoercionException)
                {
                    return false;
                }

            case ScalarType scalar:
                try
                {
                    value = ParseScalarLiteral(scalar, valueNode, variables);
                    return value is not null;
                }
                catch (Exception ex) when (ex is ValueCoercionException or FormatException or InvalidCastException or OverflowException or ArgumentException or GraphQLException)
                {
                    return false;
                }

            default:
                return false;
        }
    }

    /// <summary>Parses a literal for a scalar; throws <see cref="ValueCoercionException"/> with graphql-js's message.</summary>
    public static object? ParseScalarLiteral(ScalarType scalar, ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(scalar);
        ArgumentNullException.ThrowIfNull(valueNode);
        var kind = valueNode switch
        {
            IntValueNode => LiteralKind.Int,
            FloatValueNode => LiteralKind.Float,
            StringValueNode => LiteralKind.String,
            BooleanValueNode => LiteralKind.Boolean,
            EnumValueNode => LiteralKind.Enum,
            ListValueNode => LiteralKind.List,
            ObjectValueNode => LiteralKind.Object,
            _ => LiteralKind.Null,
        };
        if (valueNode is VariableNode v)
        {
            return scalar.ParseValue(variables?.GetValueOrDefault(v.Name.Value));
        }

        return scalar.ParseLiteral(ValueFromAstUntyped(valueNode, variables), kind);
    }

    /// <summary>Parses a literal for an enum; throws <see cref="ValueCoercionException"/> with graphql-js's message.</summary>
    public static object ParseEnumLiteral(EnumType type, ValueNode valueNode)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (valueNode is not EnumValueNode enumNode)
        {
            throw new ValueCoercionException($"Enum \"{type.Name}\" cannot represent non-enum value: {valueNode}." + Suggestions.DidYouMean(Suggestions.List(valueNode.ToString(), type.Values.Select(x => x.Name)), "the enum value"));
        }

        return type.GetValue(enumNode.Value)?.Value
            ?? throw new ValueCoercionException($"Value \"{enumNode.Value}\" does not exist in \"{type.Name}\" enum." + Suggestions.DidYouMean(Suggestions.List(enumNode.Value, type.Values.Select(x => x.Name)), "the enum value"));
    }

    /// <summary>valueFromASTUntyped: a literal as a plain CLR value (numbers as long or double, enums as strings).</summary>
    public static object? ValueFromAstUntyped(ValueNode valueNode, IReadOnlyDictionary<string, object?>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(valueNode);
        switch (valueNode)
        {
            case NullValueNode:
                return null;
            case IntValueNode i:
                if (int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small))
                {
                    return small;
                }

                return long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l
                    : double.Parse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case FloatValueNode f:
                return double.Parse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            case StringValueNode s:
                return s.Value;
            case BooleanValueNode b:
                return b.Value;
            case EnumValueNode e:
                return e.Value;
            case ListValueNode list:
                return list.Values.Select(item => ValueFromAstUntyped(item, variables)).ToList();
            case ObjectValueNode obj:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var field in obj.Fields)
                {
                    map[field.Name.Value] = ValueFromAstUntyped(field.Value, variables);
                }

                return map;
            case VariableNode v:
                return variables?.GetValueOrDefault(v.Name.Value);
            default:
                return null;
        }
    }

    private static bool TryInputObjectFromAst(ValueNode valueNode, InputObjectType type, IReadOnlyDictionary<string, object?>? variables, out object? value)
    {
        value = null;
        if (valueNode is not ObjectValueNode obj)
        {
            return false;
        }

        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            ObjectFieldNode? fieldNode = null;
            foreach (var f in obj.Fields)
            {
                if (f.Name.Value == field.Name)
                {
                    fieldNode = f;
                    break;
                }
            }

            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.HasDefaultValue)
                {
                    coerced[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    return false;
                }

                continue;
            }

            if (!TryValueFromAst(fieldNode.Value, field.Type, variables, out var fieldValue))
            {
                return false;
            }

            coerced[field.Name] = fieldValue;
        }

        if (type.IsOneOf && (coerced.Count != 1 || coerced.Values.First() is null))
        {
            return false;
        }

        value = coerced;
        return true;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables)
        => node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name.Value));
}
