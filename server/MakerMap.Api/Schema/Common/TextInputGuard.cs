using MakerMap.GraphQL.Execution;
using MakerMap.GraphQL.Types;

namespace MakerMap.Api.Schema;

/// <summary>
/// Checks every text argument of every field against <see cref="TextInputRules"/> before its resolver
/// runs, through the engine's <see cref="SchemaBuilder.WrapResolvers"/> hook: one place for all inputs,
/// whichever resolver reads them, while the engine's <c>String</c> stays the spec's. A refused text is a
/// payload <c>INVALID_INPUT</c> error with its <c>field</c> path for mutations, and a <c>BAD_USER_INPUT</c>
/// error with <c>extensions.reason</c> <c>INVALID_INPUT</c> for queries and subscriptions' fields
/// (the two channels of docs/api.md, "Errors"). Lists hold at most <see cref="TextInputRules.MaxListItems"/>.
/// </summary>
public static class TextInputGuard
{
    /// <summary>Wraps every field that takes arguments.</summary>
    public static SchemaBuilder GuardTextInputs(this SchemaBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WrapResolvers(Wrap);
    }

    private static FieldResolver Wrap(ObjectType type, FieldDefinition field, FieldResolver resolver)
    {
        var isMutation = type.Name == "Mutation";
        return context =>
        {
            if (Find(context.Arguments, []) is not { } problem)
            {
                return resolver(context);
            }

            if (isMutation)
            {
                // the payload's result field (booking, place, …) is missing, so it resolves to null
                return new ValueTask<object?>(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["errors"] = new[] { new UserError(TextInputRules.InvalidInput, problem.Message, problem.Path) },
                });
            }

            throw Errors.BadInput(problem.Message, TextInputRules.InvalidInput, [.. problem.Path]);
        };
    }

    private sealed record Problem(string Message, IReadOnlyList<string> Path);

    // Depth-first over coerced values: input objects are dictionaries, lists sequences; other scalars
    // (numbers, dates, GeoJSON) arrive parsed and are not text.
    private static Problem? Find(IReadOnlyDictionary<string, object?> values, List<string> path)
    {
        foreach (var (name, value) in values)
        {
            path.Add(name);
            if (Find(name, value, path) is { } problem)
            {
                return problem;
            }

            path.RemoveAt(path.Count - 1);
        }

        return null;
    }

    private static Problem? Find(string name, object? value, List<string> path)
    {
        switch (value)
        {
            case string text:
                return TextInputRules.Check(name, text) is { } message ? new Problem(message, [.. path]) : null;
            case IReadOnlyDictionary<string, object?> map:
                return Find(map, path);
            case IEnumerable<object?> items:
                var index = 0;
                foreach (var item in items)
                {
                    if (index == TextInputRules.MaxListItems)
                    {
                        return new Problem($"\"{name}\" must have at most {TextInputRules.MaxListItems} items.", [.. path]);
                    }

                    if (Find(name, item, path) is { } problem)
                    {
                        return problem;
                    }

                    index++;
                }

                return null;
            default:
                return null;
        }
    }
}
