using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;
using MakerMap.GraphQL.Tests.Fixtures;
using MakerMap.GraphQL.Tests.Validation;
using MakerMap.GraphQL.Validation;

namespace MakerMap.GraphQL.Tests.Language;

public class ParserRobustnessTests
{
    private static readonly string[] Inserts =
    [
        "{", "}", "(", ")", "[", "]", "\"", "\"\"\"", "\\", "\\u", "\\u{", "$", "@", "...", "!", ":", "=", "|", "&",
        "#", "\n", "\r", "0", "-", ".", "e", "on", "fragment", "query", "\uD83D", "\uDE00", "\U0001F600", "\u0000", "\u00E9", "'",
    ];

    [Theory]
    [InlineData("kitchen-sink.graphql", 1)]
    [InlineData("kitchen-sink.graphql", 2)]
    [InlineData("schema-kitchen-sink.graphql", 3)]
    [InlineData("validation-schema.graphql", 4)]
    public void Mutated_documents_parse_or_fail_with_one_syntax_error(string fixture, int seed)
    {
        var original = FixtureFile.Read(fixture);
        var random = new Random(seed);
        for (var i = 0; i < 1500; i++)
        {
            var text = Mutate(original, random);
            try
            {
                var document = Parser.Parse(text);
                var printed = Printer.Print(document);
                Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
                DocumentValidator.Validate(ValidationHarness.Schema, document);
            }
            catch (GraphQLSyntaxErrorException error)
            {
                Assert.StartsWith("Syntax Error: ", error.Message, StringComparison.Ordinal);
                Assert.True(error.Line >= 1 && error.Column >= 1, $"bad location for {error.Message}");
                Assert.InRange(error.Position, 0, text.Length);
            }
        }
    }

    [Theory]
    [InlineData("[", 100_000)]
    [InlineData("{a:", 50_000)]
    [InlineData("query Q($a: [", 100_000)]
    public void Deep_values_and_types_fail_cleanly(string unit, int repeat)
    {
        var text = "{ f(a: " + string.Concat(Enumerable.Repeat(unit, repeat));
        if (unit.StartsWith("query", StringComparison.Ordinal))
        {
            text = "query Q($a: " + string.Concat(Enumerable.Repeat("[", repeat));
        }

        var error = Assert.Throws<GraphQLSyntaxErrorException>(() => Parser.Parse(text, new ParserOptions { MaxTokens = null }));
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 200. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Huge_unterminated_string_fails_cleanly()
    {
        var error = Assert.Throws<GraphQLSyntaxErrorException>(() => Parser.Parse("{ f(a: \"" + new string('x', 1_000_000)));
        Assert.Equal("Syntax Error: Unterminated string.", error.Message);
        Assert.Equal(1_000_009, error.Column);
    }

    private static string Mutate(string text, Random random)
    {
        var chars = text;
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits && chars.Length > 0; e++)
        {
            var at = random.Next(chars.Length);
            chars = random.Next(4) switch
            {
                0 => chars.Remove(at, Math.Min(random.Next(1, 6), chars.Length - at)),
                1 => chars.Insert(at, Inserts[random.Next(Inserts.Length)]),
                2 => chars[..at],
                _ => chars.Insert(at, chars.Substring(at, Math.Min(random.Next(1, 40), chars.Length - at))),
            };
        }

        return chars;
    }
}
