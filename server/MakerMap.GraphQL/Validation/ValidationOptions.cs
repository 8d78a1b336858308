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
    /// Maximum cost of an operation: the number of fields it would produce, counting the fields below a
    /// list once per item (see <see cref="Rules.MaxComplexityRule"/>); <c>null</c> disables the check.
    /// The default is a backstop against exponential fragments and gross amplification; a server sets a
    /// tighter maximum that fits its page sizes (MakerMap: <c>MakerMap:GraphQL:MaxCost</c>, 10 000).
    /// </summary>
    public int? MaxCost { get; init; } = 1_000_000;

    /// <summary>Arguments that say how many items a list or connection field returns (<c>first: 100</c>).</summary>
    public IReadOnlyList<string> SlicingArguments { get; init; } = ["first", "last", "count"];

    /// <summary>
    /// Items assumed for a slicing argument given as a variable: validation sees no variable values, so
    /// this should be the largest page the server serves.
    /// </summary>
    public int VariableListSize { get; init; } = 100;

    /// <summary>Items assumed for a list field without a slicing argument (or with one that has no default).</summary>
    public int AssumedListSize { get; init; } = 10;
}
