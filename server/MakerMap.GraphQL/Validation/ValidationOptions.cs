namespace MakerMap.GraphQL.Validation;

/// <summary>Validation settings: the rules to run, the error cap and the safety limits (all on by default).</summary>
public sealed record ValidationOptions
{
    /// <summary>The defaults.</summary>
    public static ValidationOptions Default { get; } = new();

    /// <summary>The rules to run; <c>null</c> means <see cref="SpecifiedRules.All"/> plus <see cref="SpecifiedRules.Safety"/>.</summary>
    public IReadOnlyList<ValidationRuleFactory>? Rules { get; init; }

    /// <summary>
    /// After this many errors validation stops and adds
    /// <c>Too many validation errors, error limit reached. Validation aborted.</c> (graphql-js default 100).
    /// </summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>Maximum field nesting depth of an operation, fragments included; <c>null</c> disables the check.</summary>
    public int? MaxDepth { get; init; } = 32;

    /// <summary>Maximum number of aliased fields in a document; <c>null</c> disables the check.</summary>
    public int? MaxAliases { get; init; } = 200;

    /// <summary>
    /// Maximum cost of an operation: the number of fields it would select with every fragment spread
    /// expanded; <c>null</c> disables the check.
    /// </summary>
    public int? MaxCost { get; init; } = 5000;
}
