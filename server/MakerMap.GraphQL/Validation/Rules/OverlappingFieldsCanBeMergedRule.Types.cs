using MakerMap.GraphQL.Language.Ast;
using MakerMap.GraphQL.Types;

namespace MakerMap.GraphQL.Validation.Rules;

public sealed partial class OverlappingFieldsCanBeMergedRule
{
    /// <summary>A selected field with the parent type it was selected on and its definition, if known.</summary>
    internal readonly record struct FieldAndDefinition(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition);

    /// <summary>Why two fields conflict: a message, or the conflicts of their sub-fields.</summary>
    private sealed record ConflictReason(string ResponseName, string? Message, List<ConflictReason>? SubReasons);

    /// <summary>A conflict and the field nodes on each side.</summary>
    private sealed record Conflict(ConflictReason Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    /// <summary>
    /// Unordered pairs of fragment names, remembering whether they were compared as mutually
    /// exclusive. A non-exclusive comparison covers the exclusive one, not the other way round.
    /// </summary>
    private sealed class PairSet
    {
        private readonly Dictionary<(string, string), bool> _data = [];

        public bool Has(string a, string b, bool areMutuallyExclusive)
        {
            if (!_data.TryGetValue(Key(a, b), out var storedExclusive))
            {
                return false;
            }

            return areMutuallyExclusive || !storedExclusive;
        }

        public void Add(string a, string b, bool areMutuallyExclusive) => _data[Key(a, b)] = areMutuallyExclusive;

        private static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
    }
}
