using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

/// <summary>
/// Each variable is used only where its type is compatible with the expected type (a nullable
/// variable may feed a non-null position only when it or the position has a default).
/// https://spec.graphql.org/September2025/#sec-All-Variable-Usages-Are-Allowed
/// </summary>
public sealed class VariablesInAllowedPositionRule(ValidationContext context) : ValidationRule(context)
{
    /// <inheritdoc/>
    public override string Name => nameof(VariablesInAllowedPositionRule);

    /// <inheritdoc/>
    public override VisitorAction Leave(Node node, Node? parent)
    {
        if (node is not OperationDefinitionNode operation)
        {
            return VisitorAction.Continue;
        }

        var definitions = new Dictionary<string, VariableDefinitionNode>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            definitions[definition.Variable.Name.Value] = definition;
        }

        foreach (var usage in Context.GetRecursiveVariableUsages(operation))
        {
            var name = usage.Node.Name.Value;
            if (!definitions.TryGetValue(name, out var definition) || usage.Type is not { } locationType)
            {
                continue;
            }

            var varType = ValueCoercion.TypeFromAst(Context.Schema, definition.Type);
            if (varType is null)
            {
                continue;
            }

            if (!AllowedVariableUsage(varType, definition.DefaultValue, locationType, usage.HasLocationDefaultValue))
            {
                Report($"Variable \"${name}\" of type \"{varType}\" used in position expecting type \"{locationType}\".", definition, usage.Node);
            }

            if (usage.ParentType is InputObjectType { IsOneOf: true } oneOf && varType is not NonNullType)
            {
                Report($"Variable \"${name}\" is of type \"{varType}\" but must be non-nullable to be used for OneOf Input Object \"{oneOf.Name}\".", definition, usage.Node);
            }
        }

        return VisitorAction.Continue;
    }

    // https://spec.graphql.org/September2025/#AreTypesCompatible()
    private bool AllowedVariableUsage(GraphQLType varType, ValueNode? varDefault, GraphQLType locationType, bool hasLocationDefault)
    {
        if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
        {
            var hasNonNullVariableDefault = varDefault is not null and not NullValueNode;
            if (!hasNonNullVariableDefault && !hasLocationDefault)
            {
                return false;
            }

            return TypeHelpers.IsTypeSubTypeOf(Context.Schema, varType, nonNullLocation.OfType);
        }

        return TypeHelpers.IsTypeSubTypeOf(Context.Schema, varType, locationType);
    }
}
