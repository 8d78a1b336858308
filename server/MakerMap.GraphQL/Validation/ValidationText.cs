using System.Text;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Language.Ast;

namespace MakerMap.GraphQL.Validation;

/// <summary>graphql-js message helpers: <c>suggestionList</c>, <c>didYouMean</c>, <c>naturalCompare</c>.</summary>
internal static class ValidationText
{
    private const int MaxSuggestions = 5;

    /// <summary>Options within a lexical distance of 40% of the input, closest first.</summary>
    public static List<string> SuggestionList(string input, IEnumerable<string> options)
    {
        var threshold = (input.Length * 4 / 10) + 1;
        var inputLower = input.ToLowerInvariant();
        var found = new List<(string Option, int Distance)>();
        foreach (var option in options)
        {
            var distance = Measure(input, inputLower, option, threshold);
            if (distance >= 0)
            {
                found.Add((option, distance));
            }
        }

        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : NaturalCompare(a.Option, b.Option));
        return found.ConvertAll(f => f.Option);
    }

    /// <summary><c> Did you mean "a", "b", or "c"?</c>, or the empty string without suggestions.</summary>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? subMessage = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(" Did you mean ");
        if (subMessage is not null)
        {
            builder.Append(subMessage).Append(' ');
        }

        switch (suggestions.Count)
        {
            case 1:
                return builder.Append('"').Append(suggestions[0]).Append("\"?").ToString();
            case 2:
                return builder.Append('"').Append(suggestions[0]).Append("\" or \"").Append(suggestions[1]).Append("\"?").ToString();
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        for (var i = 0; i < count - 1; i++)
        {
            builder.Append('"').Append(suggestions[i]).Append("\", ");
        }

        return builder.Append("or \"").Append(suggestions[count - 1]).Append("\"?").ToString();
    }

    /// <summary>Compares strings with digit runs compared as numbers (graphql-js <c>naturalCompare</c>).</summary>
    public static int NaturalCompare(string a, string b)
    {
        var aIndex = 0;
        var bIndex = 0;
        while (aIndex < a.Length && bIndex < b.Length)
        {
            var aChar = a[aIndex];
            var bChar = b[bIndex];
            if (char.IsAsciiDigit(aChar) && char.IsAsciiDigit(bChar))
            {
                long aNum = 0;
                do
                {
                    ++aIndex;
                    aNum = (aNum * 10) + aChar - '0';
                    aChar = aIndex < a.Length ? a[aIndex] : '\0';
                }
                while (char.IsAsciiDigit(aChar) && aNum > 0 && aNum < long.MaxValue / 20);

                long bNum = 0;
                do
                {
                    ++bIndex;
                    bNum = (bNum * 10) + bChar - '0';
                    bChar = bIndex < b.Length ? b[bIndex] : '\0';
                }
                while (char.IsAsciiDigit(bChar) && bNum > 0 && bNum < long.MaxValue / 20);

                if (aNum != bNum)
                {
                    return aNum < bNum ? -1 : 1;
                }
            }
            else
            {
                if (aChar != bChar)
                {
                    return aChar < bChar ? -1 : 1;
                }

                ++aIndex;
                ++bIndex;
            }
        }

        return a.Length - b.Length;
    }

    /// <summary>Prints a value literal with object fields sorted by name, for argument comparison.</summary>
    public static string PrintSorted(ValueNode value) => Printer.Print(Sort(value));

    private static ValueNode Sort(ValueNode value) => value switch
    {
        ObjectValueNode obj => new ObjectValueNode
        {
            Fields = obj.Fields
                .Select(f => new ObjectFieldNode { Name = f.Name, Value = Sort(f.Value) })
                .OrderBy(f => f.Name.Value, Comparer<string>.Create(NaturalCompare))
                .ToList(),
        },
        ListValueNode list => new ListValueNode { Values = list.Values.Select(Sort).ToList() },
        _ => value,
    };

    // Optimal string alignment distance, or -1 when above the threshold.
    private static int Measure(string input, string inputLower, string option, int threshold)
    {
        if (input == option)
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower)
        {
            return 1;
        }

        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        if (a.Length - b.Length > threshold)
        {
            return -1;
        }

        var rows = new int[3, b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var up = (i - 1) % 3;
            var current = i % 3;
            var smallest = rows[current, 0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(rows[up, j] + 1, rows[current, j - 1] + 1), rows[up, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[(i - 2) % 3, j - 2] + 1);
                }

                if (cell < smallest)
                {
                    smallest = cell;
                }

                rows[current, j] = cell;
            }

            if (smallest > threshold)
            {
                return -1;
            }
        }

        var distance = rows[a.Length % 3, b.Length];
        return distance <= threshold ? distance : -1;
    }
}
