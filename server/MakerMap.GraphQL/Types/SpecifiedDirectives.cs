namespace MakerMap.GraphQL.Types;

/// <summary>The spec's built-in directives: <c>@include</c>, <c>@skip</c>, <c>@deprecated</c>, <c>@specifiedBy</c>, <c>@oneOf</c>.</summary>
public static class SpecifiedDirectives
{
    /// <summary>The default <c>@deprecated(reason:)</c> text.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary><c>@include(if: Boolean!)</c></summary>
    public static DirectiveDefinition Include { get; } = new(
        "include",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        "Directs the executor to include this field or fragment only when the `if` argument is true.")
    {
        Arguments = [new ArgumentDefinition("if", new NonNullType(SpecifiedScalars.Boolean), "Included when true.")],
    };

    /// <summary><c>@skip(if: Boolean!)</c></summary>
    public static DirectiveDefinition Skip { get; } = new(
        "skip",
        [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment],
        "Directs the executor to skip this field or fragment when the `if` argument is true.")
    {
        Arguments = [new ArgumentDefinition("if", new NonNullType(SpecifiedScalars.Boolean), "Skipped when true.")],
    };

    /// <summary><c>@deprecated(reason: String = "No longer supported")</c></summary>
    public static DirectiveDefinition Deprecated { get; } = new(
        "deprecated",
        [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue],
        "Marks an element of a GraphQL schema as no longer supported.")
    {
        Arguments =
        [
            new ArgumentDefinition("reason", SpecifiedScalars.String, "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).")
            {
                HasDefaultValue = true,
                DefaultValue = DefaultDeprecationReason,
                DefaultValueLiteral = "\"" + DefaultDeprecationReason + "\"",
            },
        ],
    };

    /// <summary><c>@specifiedBy(url: String!)</c></summary>
    public static DirectiveDefinition SpecifiedBy { get; } = new(
        "specifiedBy",
        [DirectiveLocation.Scalar],
        "Exposes a URL that specifies the behavior of this scalar.")
    {
        Arguments = [new ArgumentDefinition("url", new NonNullType(SpecifiedScalars.String), "The URL that specifies the behavior of this scalar.")],
    };

    /// <summary><c>@oneOf</c></summary>
    public static DirectiveDefinition OneOf { get; } = new(
        "oneOf",
        [DirectiveLocation.InputObject],
        "Indicates exactly one field must be supplied and this field must not be `null`.");

    /// <summary>All built-in directives in graphql-js order.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Include, Skip, Deprecated, SpecifiedBy, OneOf];

    /// <summary>Whether <paramref name="name"/> names a built-in directive.</summary>
    public static bool IsSpecifiedDirective(string name)
        => name is "include" or "skip" or "deprecated" or "specifiedBy" or "oneOf";
}
