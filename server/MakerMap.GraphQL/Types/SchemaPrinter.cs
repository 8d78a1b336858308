using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Types.Introspection;

namespace MakerMap.GraphQL.Types;

/// <summary>Prints a schema as SDL the way graphql-js <c>printSchema</c> does (built-ins and introspection omitted).</summary>
public static class SchemaPrinter
{
    /// <summary>Prints the schema's SDL.</summary>
    public static string Print(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var blocks = new List<string>();
        if (PrintSchemaDefinition(schema) is { } schemaDefinition)
        {
            blocks.Add(schemaDefinition);
        }

        blocks.AddRange(schema.Directives.Where(d => !ReferenceEquals(SpecifiedDirectives.All.FirstOrDefault(s => s.Name == d.Name), d)).Select(PrintDirective));
        blocks.AddRange(schema.Types
            .Where(t => !IntrospectionTypes.IsIntrospectionType(t.Name) && !(t is ScalarType s && s.IsSpecified && ReferenceEquals(SpecifiedScalars.All.FirstOrDefault(x => x.Name == s.Name), s)))
            .Select(PrintType));
        return string.Join("\n\n", blocks);
    }

    /// <summary>Prints one named type's definition.</summary>
    public static string PrintType(NamedType type) => type switch
    {
        ScalarType s => Description(s.Description) + "scalar " + s.Name + (s.SpecifiedByUrl is { } url ? $" @specifiedBy(url: {Printer.PrintString(url)})" : ""),
        ObjectType o => Description(o.Description) + "type " + o.Name + Implements(o) + Fields(o),
        InterfaceType i => Description(i.Description) + "interface " + i.Name + Implements(i) + Fields(i),
        UnionType u => Description(u.Description) + "union " + u.Name + (u.Types.Count > 0 ? " = " + string.Join(" | ", u.Types.Select(t => t.Name)) : ""),
        EnumType e => Description(e.Description) + "enum " + e.Name + Block(e.Values.Select((v, i) => Description(v.Description, "  ", i == 0) + "  " + v.Name + Deprecated(v.DeprecationReason))),
        InputObjectType io => Description(io.Description) + "input " + io.Name + (io.IsOneOf ? " @oneOf" : "") + Block(io.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + InputValue(f))),
        _ => throw new ArgumentException("Unknown type.", nameof(type)),
    };

    private static string? PrintSchemaDefinition(Schema schema)
    {
        var common = (schema.QueryType is null || schema.QueryType.Name == "Query")
            && (schema.MutationType is null || schema.MutationType.Name == "Mutation")
            && (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription");
        if (schema.Description is null && common)
        {
            return null;
        }

        var lines = new List<string>();
        if (schema.QueryType is { } q)
        {
            lines.Add("  query: " + q.Name);
        }

        if (schema.MutationType is { } m)
        {
            lines.Add("  mutation: " + m.Name);
        }

        if (schema.SubscriptionType is { } s)
        {
            lines.Add("  subscription: " + s.Name);
        }

        return Description(schema.Description) + "schema {\n" + string.Join("\n", lines) + "\n}";
    }

    private static string PrintDirective(DirectiveDefinition directive)
        => Description(directive.Description) + "directive @" + directive.Name + Arguments(directive.Arguments, "")
            + (directive.IsRepeatable ? " repeatable" : "") + " on " + string.Join(" | ", directive.Locations.Select(l => l.ToSpecName()));

    private static string Implements(ComplexType type)
        => type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : "";

    private static string Fields(ComplexType type)
        => Block(type.Fields.Select((f, i) => Description(f.Description, "  ", i == 0) + "  " + f.Name + Arguments(f.Arguments, "  ") + ": " + f.Type + Deprecated(f.DeprecationReason)));

    private static string Block(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? "" : " {\n" + string.Join("\n", list) + "\n}";
    }

    private static string Arguments(IReadOnlyList<ArgumentDefinition> args, string indentation)
    {
        if (args.Count == 0)
        {
            return "";
        }

        if (args.All(a => a.Description is null))
        {
            return "(" + string.Join(", ", args.Select(InputValue)) + ")";
        }

        return "(\n" + string.Join("\n", args.Select((a, i) => Description(a.Description, "  " + indentation, i == 0) + "  " + indentation + InputValue(a))) + "\n" + indentation + ")";
    }

    private static string InputValue(InputValueDefinition value)
        => value.Name + ": " + value.Type + (value.HasDefaultValue && value.DefaultValueLiteral is { } literal ? " = " + literal : "") + Deprecated(value.DeprecationReason);

    private static string Deprecated(string? reason) => reason switch
    {
        null => "",
        SpecifiedDirectives.DefaultDeprecationReason => " @deprecated",
        _ => " @deprecated(reason: " + Printer.PrintString(reason) + ")",
    };

    private static string Description(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return "";
        }

        var printed = IsPrintableAsBlockString(description) ? BlockString.Print(description) : Printer.PrintString(description);
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + printed.Replace("\n", "\n" + indentation, StringComparison.Ordinal) + "\n";
    }

    // graphql-js isPrintableAsBlockString: block strings cannot round-trip every string.
    private static bool IsPrintableAsBlockString(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        bool isEmptyLine = true, hasIndent = false, hasCommonIndent = true, seenNonEmptyLine = false;
        foreach (var c in value)
        {
            switch (c)
            {
                case < '\t' or '\u000b' or '\u000c' or (> '\r' and < ' ') or '\r':
                    return false;
                case '\n':
                    if (isEmptyLine && !seenNonEmptyLine)
                    {
                        return false;
                    }

                    seenNonEmptyLine = true;
                    isEmptyLine = true;
                    hasIndent = false;
                    break;
                case '\t' or ' ':
                    hasIndent |= isEmptyLine;
                    break;
                default:
                    hasCommonIndent &= hasIndent;
                    isEmptyLine = false;
                    break;
            }
        }

        return !isEmptyLine && !(hasCommonIndent && seenNonEmptyLine);
    }

}
