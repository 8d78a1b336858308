using MakerMap.GraphQL.Execution;

namespace MakerMap.GraphQL.Types.Introspection;

/// <summary>
/// The introspection types of https://spec.graphql.org/September2025/#sec-Schema-Introspection
/// (<c>__Schema</c>, <c>__Type</c>, …), shared by every schema; resolvers read the schema from the context.
/// </summary>
public static class IntrospectionTypes
{
    static IntrospectionTypes()
    {
        var nnString = new NonNullType(SpecifiedScalars.String);
        var nnBoolean = new NonNullType(SpecifiedScalars.Boolean);
        var nnType = new NonNullType(Type);
        var typeList = new ListType(nnType);

        TypeKindEnum.Values = [.. Enum.GetValues<TypeKind>().Select(k => new EnumValueDefinition(KindName(k), KindDescription(k)) { Value = k })];
        DirectiveLocationEnum.Values = [.. Enum.GetValues<DirectiveLocation>().Select(l => new EnumValueDefinition(l.ToSpecName(), LocationDescription(l)) { Value = l })];

        Schema.Fields =
        [
            F("description", SpecifiedScalars.String, c => c.Schema.Description),
            F("types", new NonNullType(typeList), c => c.Schema.Types, "A list of all types supported by this server."),
            F("queryType", nnType, c => c.Schema.QueryType, "The type that query operations will be rooted at."),
            F("mutationType", Type, c => c.Schema.MutationType, "If this server supports mutation, the type that mutation operations will be rooted at."),
            F("subscriptionType", Type, c => c.Schema.SubscriptionType, "If this server support subscription, the type that subscription operations will be rooted at."),
            F("directives", new NonNullType(new ListType(new NonNullType(Directive))), c => c.Schema.Directives, "A list of all directives supported by this server."),
        ];

        Type.Fields =
        [
            F("kind", new NonNullType(TypeKindEnum), c => ((GraphQLType)c.Source!).Kind),
            F("name", SpecifiedScalars.String, c => (c.Source as NamedType)?.Name),
            F("description", SpecifiedScalars.String, c => (c.Source as NamedType)?.Description),
            F("specifiedByURL", SpecifiedScalars.String, c => (c.Source as ScalarType)?.SpecifiedByUrl),
            F("fields", new ListType(new NonNullType(Field)), c => c.Source is ComplexType t ? Filter(t.Fields, c, f => f.IsDeprecated) : null, args: IncludeDeprecated()),
            F("interfaces", typeList, c => (c.Source as ComplexType)?.Interfaces),
            F("possibleTypes", typeList, c => c.Source is UnionType or InterfaceType ? c.Schema.GetPossibleTypes((NamedType)c.Source) : null),
            F("enumValues", new ListType(new NonNullType(EnumValue)), c => c.Source is EnumType e ? Filter(e.Values, c, v => v.IsDeprecated) : null, args: IncludeDeprecated()),
            F("inputFields", new ListType(new NonNullType(InputValue)), c => c.Source is InputObjectType io ? Filter(io.Fields, c, f => f.IsDeprecated) : null, args: IncludeDeprecated()),
            F("ofType", Type, c => c.Source switch { ListType l => l.OfType, NonNullType n => n.OfType, _ => null }),
            F("isOneOf", SpecifiedScalars.Boolean, c => c.Source is InputObjectType io ? io.IsOneOf : null),
        ];

        Field.Fields =
        [
            F("name", nnString, c => ((FieldDefinition)c.Source!).Name),
            F("description", SpecifiedScalars.String, c => ((FieldDefinition)c.Source!).Description),
            F("args", new NonNullType(new ListType(new NonNullType(InputValue))), c => Filter(((FieldDefinition)c.Source!).Arguments, c, a => a.IsDeprecated), args: IncludeDeprecated()),
            F("type", nnType, c => ((FieldDefinition)c.Source!).Type),
            F("isDeprecated", nnBoolean, c => ((FieldDefinition)c.Source!).IsDeprecated),
            F("deprecationReason", SpecifiedScalars.String, c => ((FieldDefinition)c.Source!).DeprecationReason),
        ];

        InputValue.Fields =
        [
            F("name", nnString, c => ((InputValueDefinition)c.Source!).Name),
            F("description", SpecifiedScalars.String, c => ((InputValueDefinition)c.Source!).Description),
            F("type", nnType, c => ((InputValueDefinition)c.Source!).Type),
            F("defaultValue", SpecifiedScalars.String, c => ((InputValueDefinition)c.Source!).DefaultValueLiteral, "A GraphQL-formatted string representing the default value for this input value."),
            F("isDeprecated", nnBoolean, c => ((InputValueDefinition)c.Source!).IsDeprecated),
            F("deprecationReason", SpecifiedScalars.String, c => ((InputValueDefinition)c.Source!).DeprecationReason),
        ];

        EnumValue.Fields =
        [
            F("name", nnString, c => ((EnumValueDefinition)c.Source!).Name),
            F("description", SpecifiedScalars.String, c => ((EnumValueDefinition)c.Source!).Description),
            F("isDeprecated", nnBoolean, c => ((EnumValueDefinition)c.Source!).IsDeprecated),
            F("deprecationReason", SpecifiedScalars.String, c => ((EnumValueDefinition)c.Source!).DeprecationReason),
        ];

        Directive.Fields =
        [
            F("name", nnString, c => ((DirectiveDefinition)c.Source!).Name),
            F("description", SpecifiedScalars.String, c => ((DirectiveDefinition)c.Source!).Description),
            F("isRepeatable", nnBoolean, c => ((DirectiveDefinition)c.Source!).IsRepeatable),
            F("locations", new NonNullType(new ListType(new NonNullType(DirectiveLocationEnum))), c => ((DirectiveDefinition)c.Source!).Locations),
            F("args", new NonNullType(new ListType(new NonNullType(InputValue))), c => Filter(((DirectiveDefinition)c.Source!).Arguments, c, a => a.IsDeprecated), args: IncludeDeprecated()),
        ];

        SchemaMetaField = F("__schema", new NonNullType(Schema), c => c.Schema, "Access the current type schema of this server.");
        TypeMetaField = F("__type", Type, c => c.Schema.GetType(c.Argument<string>("name")), "Request the type information of a single type.", [new ArgumentDefinition("name", nnString)]);
        TypeNameMetaField = F("__typename", nnString, c => c.ParentType.Name, "The name of the current Object type at runtime.");
    }

    /// <summary><c>__Schema</c></summary>
    public static ObjectType Schema { get; } = new("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");

    /// <summary><c>__Type</c></summary>
    public static ObjectType Type { get; } = new("__Type", "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");

    /// <summary><c>__Field</c></summary>
    public static ObjectType Field { get; } = new("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");

    /// <summary><c>__InputValue</c></summary>
    public static ObjectType InputValue { get; } = new("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");

    /// <summary><c>__EnumValue</c></summary>
    public static ObjectType EnumValue { get; } = new("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.");

    /// <summary><c>__Directive</c></summary>
    public static ObjectType Directive { get; } = new("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");

    /// <summary><c>__TypeKind</c></summary>
    public static EnumType TypeKindEnum { get; } = new("__TypeKind", "An enum describing what kind of type a given `__Type` is.");

    /// <summary><c>__DirectiveLocation</c></summary>
    public static EnumType DirectiveLocationEnum { get; } = new("__DirectiveLocation", "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");

    /// <summary>The <c>__schema</c> meta-field of the query root.</summary>
    public static FieldDefinition SchemaMetaField { get; }

    /// <summary>The <c>__type(name:)</c> meta-field of the query root.</summary>
    public static FieldDefinition TypeMetaField { get; }

    /// <summary>The <c>__typename</c> meta-field of every composite type.</summary>
    public static FieldDefinition TypeNameMetaField { get; }

    /// <summary>All introspection types in graphql-js order.</summary>
    public static IReadOnlyList<NamedType> All { get; } = [Schema, Type, TypeKindEnum, Field, InputValue, EnumValue, Directive, DirectiveLocationEnum];

    /// <summary>Whether <paramref name="name"/> names an introspection type.</summary>
    public static bool IsIntrospectionType(string name) => name.StartsWith("__", StringComparison.Ordinal) && All.Any(t => t.Name == name);

    private static List<ArgumentDefinition> IncludeDeprecated()
        => [new ArgumentDefinition("includeDeprecated", SpecifiedScalars.Boolean) { HasDefaultValue = true, DefaultValue = false, DefaultValueLiteral = "false" }];

    private static FieldDefinition F(string name, GraphQLType type, Func<ResolveContext, object?> resolve, string? description = null, List<ArgumentDefinition>? args = null)
        => new(name, type, description) { Resolver = c => new ValueTask<object?>(resolve(c)), Arguments = args ?? [] };

    private static List<T> Filter<T>(IReadOnlyList<T> items, ResolveContext context, Func<T, bool> isDeprecated)
        => context.Argument("includeDeprecated", false) ? [.. items] : [.. items.Where(i => !isDeprecated(i))];

    private static string KindName(TypeKind kind) => kind switch
    {
        TypeKind.InputObject => "INPUT_OBJECT",
        TypeKind.NonNull => "NON_NULL",
        _ => kind.ToString().ToUpperInvariant(),
    };

    private static string KindDescription(TypeKind kind) => kind switch
    {
        TypeKind.Scalar => "Indicates this type is a scalar.",
        TypeKind.Object => "Indicates this type is an object. `fields` and `interfaces` are valid fields.",
        TypeKind.Interface => "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.",
        TypeKind.Union => "Indicates this type is a union. `possibleTypes` is a valid field.",
        TypeKind.Enum => "Indicates this type is an enum. `enumValues` is a valid field.",
        TypeKind.InputObject => "Indicates this type is an input object. `inputFields` is a valid field.",
        TypeKind.List => "Indicates this type is a list. `ofType` is a valid field.",
        _ => "Indicates this type is a non-null. `ofType` is a valid field.",
    };

    private static string LocationDescription(DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "Location adjacent to a query operation.",
        DirectiveLocation.Mutation => "Location adjacent to a mutation operation.",
        DirectiveLocation.Subscription => "Location adjacent to a subscription operation.",
        DirectiveLocation.Field => "Location adjacent to a field.",
        DirectiveLocation.FragmentDefinition => "Location adjacent to a fragment definition.",
        DirectiveLocation.FragmentSpread => "Location adjacent to a fragment spread.",
        DirectiveLocation.InlineFragment => "Location adjacent to an inline fragment.",
        DirectiveLocation.VariableDefinition => "Location adjacent to a variable definition.",
        DirectiveLocation.Schema => "Location adjacent to a schema definition.",
        DirectiveLocation.Scalar => "Location adjacent to a scalar definition.",
        DirectiveLocation.Object => "Location adjacent to an object type definition.",
        DirectiveLocation.FieldDefinition => "Location adjacent to a field definition.",
        DirectiveLocation.ArgumentDefinition => "Location adjacent to an argument definition.",
        DirectiveLocation.Interface => "Location adjacent to an interface definition.",
        DirectiveLocation.Union => "Location adjacent to a union definition.",
        DirectiveLocation.Enum => "Location adjacent to an enum definition.",
        DirectiveLocation.EnumValue => "Location adjacent to an enum value definition.",
        DirectiveLocation.InputObject => "Location adjacent to an input object type definition.",
        _ => "Location adjacent to an input object field definition.",
    };
}
