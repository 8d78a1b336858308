using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Every literal value is valid for the input type expected at its position (scalar and enum
/// literals parse, input objects have known fields, required fields and the <c>@oneOf</c> shape).
/// https://spec.graphql.org/September2025/#sec-Values-of-Correct-Type
/// </summary>
public sealed class ValuesOfCorrectTypeRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(ValuesOfCorrectTypeRule);

    /// <inheritdoc/>
    public override VisitorAction Enter(Node node, Node? parent)
    {
        switch (node)
        {
            case ListValueNode list:
                // TypeInfo has already stepped into the item type; the list type is one level up.
                if (Context.ParentInputType is not { } listParent || TypeHelpers.GetNullableType(listParent) is not ListType)
                {
                    CheckLeafValue(list);
                    return VisitorAction.SkipChildren;
                }

                break;
            case ObjectValueNode obj:
                if (Context.InputType is not { } objType || TypeHelpers.GetNamedType(objType) is not InputObjectType inputObject)
                {
                    CheckLeafValue(obj);
                    return VisitorAction.SkipChildren;
                }

                CheckInputObject(obj, inputObject);
                break;
            case ObjectFieldNode field:
                if (Context.InputType is null && Context.ParentInputType is { } parentInput
                    && TypeHelpers.GetNamedType(parentInput) is InputObjectType parentObject)
                {
                    var suggestions = ValidationText.SuggestionList(field.Name.Value, parentObject.Fields.Select(f => f.Name));
                    Report($"Field \"{field.Name.Value}\" is not defined by type \"{parentObject.Name}\"." + ValidationText.DidYouMean(suggestions), field);
                }

                break;
            case NullValueNode nullValue:
                if (Context.InputType is NonNullType nonNull)
                {
                    Report($"Expected value of type \"{nonNull}\", found {Printer.Print(nullValue)}.", nullValue);
                }

                break;
            case EnumValueNode or IntValueNode or FloatValueNode or StringValueNode or BooleanValueNode:
                CheckLeafValue((ValueNode)node);
                break;
        }

        return VisitorAction.Continue;
    }

    private void CheckInputObject(ObjectValueNode node, InputObjectType type)
    {
        var provided = new Dictionary<string, ObjectFieldNode>(StringComparer.Ordinal);
        foreach (var field in node.Fields)
        {
            provided.TryAdd(field.Name.Value, field);
        }

        foreach (var fieldDef in type.Fields)
        {
            if (!provided.ContainsKey(fieldDef.Name) && fieldDef.IsRequired)
            {
                Report($"Field \"{type.Name}.{fieldDef.Name}\" of required type \"{fieldDef.Type}\" was not provided.", node);
            }
        }

        if (!type.IsOneOf)
        {
            return;
        }

        if (provided.Count != 1)
        {
            Report($"OneOf Input Object \"{type.Name}\" must specify exactly one key.", node);
            return;
        }

        var (key, only) = provided.First();
        if (only.Value is NullValueNode)
        {
            Report($"Field \"{type.Name}.{key}\" must be non-null.", node);
        }
    }

    // Scalars and enums decide validity through literal parsing, which reports graphql-js's messages.
    private void CheckLeafValue(ValueNode node)
    {
        if (Context.InputType is not { } locationType)
        {
            return;
        }

        var type = TypeHelpers.GetNamedType(locationType);
        if (!TypeHelpers.IsLeafType(type))
        {
            Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
            return;
        }

        try
        {
            var result = type is EnumType enumType
                ? ValueCoercion.ParseEnumLiteral(enumType, node)
                : ValueCoercion.ParseScalarLiteral((ScalarType)type, node);
            if (result is null)
            {
                Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}.", node);
            }
        }
        catch (Exception ex) when (ex is ValueCoercionException or GraphQLException)
        {
            // The scalar's own message, as when graphql-js's parseLiteral throws a GraphQLError.
            Report(ex.Message, node);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            Report($"Expected value of type \"{locationType}\", found {Printer.Print(node)}; " + ex.Message, node);
        }
    }
}
