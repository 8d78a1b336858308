namespace MakerMap.GraphQL.Language;

/// <summary>A GraphQL source text with an optional name (e.g. a file name) used in messages.</summary>
public sealed class Source
{
    /// <summary>Creates a source.</summary>
    public Source(string body, string name = "GraphQL request")
    {
        ArgumentNullException.ThrowIfNull(body);
        Body = body;
        Name = name;
    }

    /// <summary>The text.</summary>
    public string Body { get; }

    /// <summary>The name shown in diagnostics.</summary>
    public string Name { get; }

    /// <summary>Computes the 1-based line and column of a UTF-16 offset (CRLF, LF and CR end lines).</summary>
    public (int Line, int Column) GetLineAndColumn(int position)
    {
        var line = 1;
        var lineStart = 0;
        var body = Body;
        var end = Math.Min(position, body.Length);
        for (var i = 0; i < end; i++)
        {
            var c = body[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
            }
            else if (c == '\r')
            {
                if (i + 1 < body.Length && body[i + 1] == '\n')
                {
                    if (i + 1 >= end)
                    {
                        // The position is the LF of a CRLF pair: still on the CR's line end.
                        break;
                    }

                    i++;
                }

                line++;
                lineStart = i + 1;
            }
        }

        return (line, position - lineStart + 1);
    }
}
