using System.Collections;
using System.Globalization;
using System.Text;
using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Execution;

/// <summary>
/// Input coercion: variables (https://spec.graphql.org/September2025/#sec-Coercing-Variable-Values),
/// arguments (https://spec.graphql.org/September2025/#sec-Coercing-Field-Arguments) and literals.
/// Messages follow graphql-js.
/// </summary>
public static partial class ValueCoercion
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>Reports one invalid value: the path inside the value, the offending value and the message.</summary>
    public delegate void InputErrorHandler(IReadOnlyList<object> path, object? invalidValue, string message);

    /// <summary>CoerceVariableValues: returns coerced values, or <see langword="null"/> with <paramref name="errors"/> filled.</summary>
    public static IReadOnlyDictionary<string, object?>? CoerceVariableValues(
        Schema schema,
        IReadOnlyList<VariableDefinitionNode> definitions,
        IReadOnlyDictionary<string, object?>? inputs,
        List<GraphQLError> errors,
        int maxErrors = 50)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(errors);
        inputs ??= Empty;
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        var start = errors.Count;
        foreach (var def in definitions)
        {
            if (errors.Count - start >= maxErrors)
            {
                errors.Add(new GraphQLError("Too many errors processing variables, error limit reached. Execution aborted.", extensions: BadInput));
                return null;
            }

            var name = def.Variable.Name.Value;
            var type = TypeFromAst(schema, def.Type);
            if (type is null || !TypeHelpers.IsInputType(type))
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" expected value of type \"{def.Type}\" which cannot be used as an input type.", [def.Type], extensions: BadInput));
                continue;
            }

            if (!inputs.TryGetValue(name, out var value))
            {
                if (def.DefaultValue is not null)
                {
                    if (TryValueFromAst(def.DefaultValue, type, null, out var dv))
                    {
                        coerced[name] = dv;
                    }
                }
                else if (type is NonNullType)
                {
                    errors.Add(new GraphQLError($"Variable \"${name}\" of required type \"{type}\" was not provided.", [def], extensions: BadInput));
                }

                continue;
            }

            if (value is null && type is NonNullType)
            {
                errors.Add(new GraphQLError($"Variable \"${name}\" of non-null type \"{type}\" must not be null.", [def], extensions: BadInput));
                continue;
            }

            coerced[name] = CoerceInputValue(value, type, (path, invalid, message) =>
            {
                var prefix = $"Variable \"${name}\" got invalid value {Inspector.Inspect(invalid)}";
                if (path.Count > 0)
                {
                    prefix += $" at \"{name}{PrintPath(path)}\"";
                }

                errors.Add(new GraphQLError(prefix + "; " + message, [def], extensions: BadInput));
            });
        }

        return errors.Count == start ? coerced : null;
    }

    /// <summary>CoerceArgumentValues; throws <see cref="GraphQLException"/> (a field error) for invalid arguments.</summary>
    public static IReadOnlyDictionary<string, object?> CoerceArgumentValues(
        IReadOnlyList<ArgumentDefinition> definitions,
        IReadOnlyList<ArgumentNode> arguments,
        IReadOnlyDictionary<string, object?>? variables)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        ArgumentNullException.ThrowIfNull(arguments);
        if (definitions.Count == 0)
        {
            return Empty;
        }

        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var def in definitions)
        {
            ArgumentNode? argNode = null;
            foreach (var a in arguments)
            {
                if (a.Name.Value == def.Name)
                {
                    argNode = a;
                    break;
                }
            }

            if (argNode is null)
            {
                if (def.HasDefaultValue)
                {
                    coerced[def.Name] = def.DefaultValue;
                }
                else if (def.Type is NonNullType)
                {
                    throw new GraphQLException($"Argument \"{def.Name}\" of required type \"{def.Type}\" was not provided.", ErrorCodes.BadUserInput);
                }

                continue;
            }

            var valueNode = argNode.Value;
            var isNull = valueNode is NullValueNode;
            if (valueNode is VariableNode v)
            {
                if (variables is null || !variables.TryGetValue(v.Name.Value, out var varValue))
                {
                    if (def.HasDefaultValue)
                    {
                        coerced[def.Name] = def.DefaultValue;
                    }
                    else if (def.Type is NonNullType)
                    {
                        throw new GraphQLException($"Argument \"{def.Name}\" of required type \"{def.Type}\" was provided the variable \"${v.Name.Value}\" which was not provided a runtime value.", ErrorCodes.BadUserInput);
                    }

                    continue;
                }

                isNull = varValue is null;
            }

            if (isNull && def.Type is NonNullType)
            {
                throw new GraphQLException($"Argument \"{def.Name}\" of non-null type \"{def.Type}\" must not be null.", ErrorCodes.BadUserInput);
            }

            if (!TryValueFromAst(valueNode, def.Type, variables, out var coercedValue))
            {
                throw new GraphQLException($"Argument \"{def.Name}\" has invalid value {valueNode}.", ErrorCodes.BadUserInput);
            }

            coerced[def.Name] = coercedValue;
        }

        return coerced;
    }

    /// <summary>Converts a type reference from the AST; <see langword="null"/> if a named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode typeNode)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return typeNode switch
        {
            NamedTypeNode n => schema.GetType(n.Name.Value),
            ListTypeNode l => TypeFromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
            NonNullTypeNode nn => TypeFromAst(schema, nn.Type) is { } inner2 && inner2 is not NonNullType ? new NonNullType(inner2) : null,
            _ => null,
        };
    }

    /// <summary>CoerceInputValue for a plain CLR value (from JSON), reporting every problem to <paramref name="onError"/>.</summary>
    public static object? CoerceInputValue(object? value, GraphQLType type, InputErrorHandler onError)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(onError);
        return Coerce(value, type, onError, null);
    }

    private static readonly IReadOnlyDictionary<string, object?> BadInput = new Dictionary<string, object?> { ["code"] = ErrorCodes.BadUserInput };

    private sealed class PathNode(PathNode? parent, object key)
    {
        public List<object> ToList()
        {
            var list = new List<object>();
            for (var p = this; p is not null; p = p.Parent)
            {
                list.Add(p.Key);
            }

            list.Reverse();
            return list;
        }

        public PathNode? Parent { get; } = parent;

        public object Key { get; } = key;
    }

    private static List<object> ToList(PathNode? path) => path?.ToList() ?? [];

    private static string PrintPath(IReadOnlyList<object> path)
    {
        var sb = new StringBuilder();
        foreach (var key in path)
        {
            if (key is int i)
            {
                sb.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                sb.Append('.').Append(key);
            }
        }

        return sb.ToString();
    }

    private static object? Coerce(object? value, GraphQLType type, InputErrorHandler onError, PathNode? path)
    {
        if (type is NonNullType nn)
        {
            if (value is not null)
            {
                return Coerce(value, nn.OfType, onError, path);
            }

            onError(ToList(path), value, $"Expected non-nullable type \"{type}\" not to be null.");
            return null;
        }

        if (value is null)
        {
            return null;
        }

        switch (type)
        {
            case ListType list:
                if (value is IEnumerable items && value is not string && !IsMap(value))
                {
                    var result = new List<object?>();
                    var index = 0;
                    foreach (var item in items)
                    {
                        result.Add(Coerce(item, list.OfType, onError, new PathNode(path, index++)));
                    }

                    return result;
                }

                return new List<object?> { Coerce(value, list.OfType, onError, path) };
            case InputObjectType io:
                return CoerceInputObject(value, io, onError, path);
            case EnumType e:
                if (value is not string s)
                {
                    onError(ToList(path), value, $"Enum \"{e.Name}\" cannot represent non-string value: {Inspector.Inspect(value)}.");
                    return null;
                }

                if (e.GetValue(s) is { } ev)
                {
                    return ev.Value;
                }

                onError(ToList(path), value, $"Value \"{s}\" does not exist in \"{e.Name}\" enum." + Suggestions.DidYouMean(Suggestions.List(s, e.Values.Select(x => x.Name)), "the enum value"));
                return null;
            case ScalarType scalar:
                try
                {
                    var parsed = scalar.ParseValue(value);
                    if (parsed is null)
                    {
                        onError(ToList(path), value, $"Expected type \"{scalar.Name}\".");
                    }

                    return parsed;
                }
                catch (ValueCoercionException ex)
                {
                    onError(ToList(path), value, scalar.IsSpecified ? ex.Message : $"Expected type \"{scalar.Name}\". {ex.Message}");
                    return null;
                }
                catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException or GraphQLException)
                {
                    onError(ToList(path), value, $"Expected type \"{scalar.Name}\".");
                    return null;
                }

            default:
                return null;
        }
    }

    private static Dictionary<string, object?>? CoerceInputObject(object value, InputObjectType type, InputErrorHandler onError, PathNode? path)
    {
        if (!TryAsMap(value, out var map))
        {
            onError(ToList(path), value, $"Expected type \"{type.Name}\" to be an object.");
            return null;
        }

        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in type.Fields)
        {
            if (!map.TryGetValue(field.Name, out var fieldValue))
            {
                if (field.HasDefaultValue)
                {
                    coerced[field.Name] = field.DefaultValue;
                }
                else if (field.Type is NonNullType)
                {
                    onError(ToList(path), value, $"Field \"{field.Name}\" of required type \"{field.Type}\" was not provided.");
                }

                continue;
            }

            coerced[field.Name] = Coerce(fieldValue, field.Type, onError, new PathNode(path, field.Name));
        }

        foreach (var key in map.Keys)
        {
            if (type.GetField(key) is null)
            {
                onError(ToList(path), value, $"Field \"{key}\" is not defined by type \"{type.Name}\"." + Suggestions.DidYouMean(Suggestions.List(key, type.Fields.Select(f => f.Name))));
            }
        }

        if (type.IsOneOf)
        {
            if (map.Count != 1)
            {
                onError(ToList(path), value, $"Exactly one key must be specified for OneOf type \"{type.Name}\".");
            }
            else
            {
                var (key, v) = map.First();
                if (v is null)
                {
                    onError([.. ToList(path), key], v, $"Field \"{key}\" must be non-null.");
                }
            }
        }

        return coerced;
    }

    internal static bool IsMap(object value) => value is IReadOnlyDictionary<string, object?> or IDictionary<string, object?> or IDictionary;

    internal static bool TryAsMap(object value, out IReadOnlyDictionary<string, object?> map)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object?> r:
                map = r;
                return true;
            case IDictionary<string, object?> d:
                map = d.AsReadOnly();
                return true;
            case IDictionary legacy:
                var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (DictionaryEntry entry in legacy)
                {
                    copy[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = entry.Value;
                }

                map = copy;
                return true;
            default:
                map = Empty;
                return false;
        }
    }
}
