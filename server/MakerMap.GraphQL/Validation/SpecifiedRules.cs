using MakerMap.GraphQL.Validation.Rules;

namespace MakerMap.GraphQL.Validation;

/// <summary>The rule sets, in graphql-js <c>specifiedRules</c> order.</summary>
public static class SpecifiedRules
{
    /// <summary>Every rule of spec section 5 plus graphql-js's recommended <see cref="MaxIntrospectionDepthRule"/>.</summary>
    public static IReadOnlyList<ValidationRuleFactory> All { get; } =
    [
        c => new ExecutableDefinitionsRule(c),
        c => new UniqueOperationNamesRule(c),
        c => new LoneAnonymousOperationRule(c),
        c => new SingleFieldSubscriptionsRule(c),
        c => new KnownTypeNamesRule(c),
        c => new FragmentsOnCompositeTypesRule(c),
        c => new VariablesAreInputTypesRule(c),
        c => new ScalarLeafsRule(c),
        c => new FieldsOnCorrectTypeRule(c),
        c => new UniqueFragmentNamesRule(c),
        c => new KnownFragmentNamesRule(c),
        c => new NoUnusedFragmentsRule(c),
        c => new PossibleFragmentSpreadsRule(c),
        c => new NoFragmentCyclesRule(c),
        c => new UniqueVariableNamesRule(c),
        c => new NoUndefinedVariablesRule(c),
        c => new NoUnusedVariablesRule(c),
        c => new KnownDirectivesRule(c),
        c => new UniqueDirectivesPerLocationRule(c),
        c => new KnownArgumentNamesRule(c),
        c => new UniqueArgumentNamesRule(c),
        c => new ValuesOfCorrectTypeRule(c),
        c => new ProvidedRequiredArgumentsRule(c),
        c => new VariablesInAllowedPositionRule(c),
        c => new OverlappingFieldsCanBeMergedRule(c),
        c => new UniqueInputFieldNamesRule(c),
        c => new MaxIntrospectionDepthRule(c),
    ];

    /// <summary>The safety limits configured by <see cref="ValidationOptions"/>: depth, aliases and cost.</summary>
    public static IReadOnlyList<ValidationRuleFactory> Safety { get; } =
    [
        c => new MaxDepthRule(c),
        c => new MaxAliasesRule(c),
        c => new MaxComplexityRule(c),
    ];

    /// <summary>
    /// Rules proposed for the spec and present in graphql-js 17 but not 16; not run by default so
    /// verdicts keep agreeing with graphql-js 16. Add them with <c>[.. SpecifiedRules.AllWithSafety, .. SpecifiedRules.Proposed]</c>.
    /// </summary>
    public static IReadOnlyList<ValidationRuleFactory> Proposed { get; } =
    [
        c => new KnownOperationTypesRule(c),
    ];

    /// <summary><see cref="All"/> followed by <see cref="Safety"/>: the default rule list.</summary>
    public static IReadOnlyList<ValidationRuleFactory> AllWithSafety { get; } = [.. All, .. Safety];
}
