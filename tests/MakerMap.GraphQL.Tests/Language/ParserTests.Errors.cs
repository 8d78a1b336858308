using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;

namespace MakerMap.GraphQL.Tests.Language;

public partial class ParserTests
{
    private static GraphQLSyntaxErrorException ParseError(string text, ParserOptions? options = null) =>
        Assert.Throws<GraphQLSyntaxErrorException>(() => Parser.Parse(text, options));

    [Theory]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("{ ...MissingOn }\nfragment MissingOn Type", "Expected \"on\", found Name \"Type\".", 2, 20)]
    [InlineData("{ field: {} }", "Expected Name, found \"{\".", 1, 10)]
    [InlineData("notAnOperation Foo { field }", "Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("...", "Unexpected \"...\".", 1, 1)]
    [InlineData("{ \"\"", "Expected Name, found String \"\".", 1, 3)]
    [InlineData("query Foo($x: Complex = { a: { b: [ $var ] } }) { field }", "Unexpected variable \"$var\" in constant value.", 1, 37)]
    [InlineData("query Foo($x: Int = $) { field }", "Unexpected \"$\".", 1, 21)]
    [InlineData("fragment on on on { on }", "Unexpected Name \"on\".", 1, 10)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("{ a(b: ) }", "Unexpected \")\".", 1, 8)]
    [InlineData("{ a(b) }", "Expected \":\", found \")\".", 1, 6)]
    [InlineData("{ a() }", "Expected Name, found \")\".", 1, 5)]
    [InlineData("{}", "Expected Name, found \"}\".", 1, 2)]
    [InlineData("query Q($a) { f }", "Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: [Int) { f }", "Expected \"]\", found \")\".", 1, 17)]
    [InlineData("{ f(a: [1, 2) }", "Unexpected \")\".", 1, 13)]
    [InlineData("{ f @ }", "Expected Name, found \"}\".", 1, 7)]
    [InlineData("\"desc\" extend type T @a", "Unexpected description, descriptions are supported only on type definitions.", 1, 1)]
    [InlineData("\"desc\" { f }", "Unexpected \"{\".", 1, 8)]
    [InlineData("extend scalar Hello", "Unexpected <EOF>.", 1, 20)]
    [InlineData("extend type Hello", "Unexpected <EOF>.", 1, 18)]
    [InlineData("extend union U", "Unexpected <EOF>.", 1, 15)]
    [InlineData("extend schema", "Unexpected <EOF>.", 1, 14)]
    [InlineData("extend foo Bar", "Unexpected Name \"foo\".", 1, 8)]
    [InlineData("type Hello { world }", "Expected \":\", found \"}\".", 1, 20)]
    [InlineData("type Hello implements { f: Int }", "Expected Name, found \"{\".", 1, 23)]
    [InlineData("union U = | | A", "Expected Name, found \"|\".", 1, 13)]
    [InlineData("enum Hello { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("enum Hello { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 14)]
    [InlineData("directive @foo on FIELD | INVALID", "Unexpected Name \"INVALID\".", 1, 27)]
    [InlineData("directive @foo repeatable", "Expected \"on\", found <EOF>.", 1, 26)]
    [InlineData("schema { query: Q", "Expected Name, found <EOF>.", 1, 18)]
    [InlineData("schema { view: Q }", "Unexpected Name \"view\".", 1, 10)]
    [InlineData("input I { a: Int = $v }", "Unexpected variable \"$v\" in constant value.", 1, 20)]
    [InlineData("{ f(a: \"unterminated) }", "Unterminated string.", 1, 24)]
    public void Parse_invalid_document_reports_message_line_and_column(string text, string message, int line, int column)
    {
        var error = ParseError(text);
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(message, error.Description);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Parse_more_tokens_than_allowed_reports_token_limit()
    {
        var error = ParseError("{ a b c }", new ParserOptions { MaxTokens = 3 });
        Assert.Equal("Syntax Error: Document contains more than 3 tokens. Parsing aborted.", error.Message);
        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_exactly_max_tokens_succeeds()
    {
        Assert.NotNull(Parser.Parse("{ a }", new ParserOptions { MaxTokens = 3 }));
    }

    [Fact]
    public void Parse_huge_alias_list_hits_default_token_limit()
    {
        var text = "{" + string.Concat(Enumerable.Range(0, 6000).Select(i => $" a{i}: b")) + " }";
        var error = ParseError(text);
        Assert.Equal("Syntax Error: Document contains more than 15000 tokens. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Parse_deep_selection_nesting_reports_depth_limit_instead_of_overflowing()
    {
        var depth = 100_000;
        var text = string.Concat(Enumerable.Repeat("{a", depth)) + new string('}', depth);
        var error = ParseError(text, new ParserOptions { MaxTokens = null });
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 200. Parsing aborted.", error.Message);
        Assert.Equal((1, 401), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("{ f(a: [[[[[[1]]]]]]) }")]
    [InlineData("{ f(a: {b: {c: {d: {e: {f: 1}}}}}) }")]
    [InlineData("query Q($a: [[[[[[Int]]]]]]) { f }")]
    public void Parse_nested_values_and_types_count_towards_depth(string text)
    {
        var error = ParseError(text, new ParserOptions { MaxDepth = 4 });
        Assert.Equal("Syntax Error: Document exceeds the maximum nesting depth of 4. Parsing aborted.", error.Message);
    }

    [Fact]
    public void Parse_error_converts_to_graphql_error_with_code()
    {
        var error = ParseError("{").ToGraphQLError();
        Assert.Equal("Syntax Error: Expected Name, found <EOF>.", error.Message);
        Assert.Equal("GRAPHQL_PARSE_FAILED", error.Code);
        Assert.Equal(new SourceLocation(1, 2), Assert.Single(error.Locations));
    }
}
