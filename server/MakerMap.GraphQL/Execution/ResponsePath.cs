using System.Globalization;
using System.Text;

namespace MakerMap.GraphQL.Execution;

/// <summary>An immutable path into the response: field names and list indices.</summary>
public sealed class ResponsePath
{
    private ResponsePath(ResponsePath? parent, string? name, int index)
    {
        Parent = parent;
        Name = name;
        Index = index;
    }

    /// <summary>The enclosing path, or <see langword="null"/> at the root.</summary>
    public ResponsePath? Parent { get; }

    /// <summary>The response key, or <see langword="null"/> for a list index.</summary>
    public string? Name { get; }

    /// <summary>The list index when <see cref="Name"/> is <see langword="null"/>.</summary>
    public int Index { get; }

    /// <summary>Creates a root path segment.</summary>
    public static ResponsePath Root(string name) => new(null, name, 0);

    /// <summary>Appends a field key.</summary>
    public ResponsePath Append(string name) => new(this, name, 0);

    /// <summary>Appends a list index.</summary>
    public ResponsePath Append(int index) => new(this, null, index);

    /// <summary>The segments from the root: strings and ints.</summary>
    public IReadOnlyList<object> ToList()
    {
        var depth = 0;
        for (var p = this; p is not null; p = p.Parent)
        {
            depth++;
        }

        var result = new object[depth];
        for (var p = this; p is not null; p = p.Parent)
        {
            result[--depth] = p.Name ?? (object)p.Index;
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var segment in ToList())
        {
            if (segment is int i)
            {
                sb.Append('[').Append(i.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (sb.Length > 0)
                {
                    sb.Append('.');
                }

                sb.Append((string)segment);
            }
        }

        return sb.ToString();
    }
}
