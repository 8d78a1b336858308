using System.Text;

namespace MakerMap.GraphQL.Execution;

/// <summary>graphql-js's <c>suggestionList</c> and <c>didYouMean</c> for coercion messages.</summary>
internal static class Suggestions
{
    public static IReadOnlyList<string> List(string input, IEnumerable<string> options)
    {
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        var lowerInput = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = string.Equals(input, option, StringComparison.OrdinalIgnoreCase) ? 1 : Distance(lowerInput, option.ToLowerInvariant());
            if (input == option)
            {
                distance = 0;
            }

            if (distance <= threshold)
            {
                found.Add((option, distance));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Option, b.Option));
        return [.. found.Select(f => f.Option)];
    }

    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return "";
        }

        var sb = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            sb.Append(subMessage).Append(' ');
        }

        var items = suggestions.Take(5).Select(s => "\"" + s + "\"").ToList();
        switch (items.Count)
        {
            case 1:
                sb.Append(items[0]);
                break;
            case 2:
                sb.Append(items[0]).Append(" or ").Append(items[1]);
                break;
            default:
                sb.Append(string.Join(", ", items.Take(items.Count - 1))).Append(", or ").Append(items[^1]);
                break;
        }

        return sb.Append('?').ToString();
    }

    // Optimal string alignment distance, as graphql-js's LexicalDistance.
    private static int Distance(string a, string b)
    {
        var rows = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            rows[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[i - 1, j] + 1, rows[i, j - 1] + 1), rows[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[i - 2, j - 2] + 1);
                }

                rows[i, j] = value;
            }
        }

        return rows[a.Length, b.Length];
    }
}
