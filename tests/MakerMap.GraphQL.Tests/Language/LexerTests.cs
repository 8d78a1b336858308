using MakerMap.GraphQL.Errors;
using MakerMap.GraphQL.Language;

namespace MakerMap.GraphQL.Tests.Language;

public class LexerTests
{
    private static Token LexOne(string text)
    {
        var lexer = new Lexer(new Source(text));
        return lexer.Advance();
    }

    private static GraphQLSyntaxErrorException LexError(string text) =>
        Assert.Throws<GraphQLSyntaxErrorException>(() =>
        {
            var lexer = new Lexer(new Source(text));
            while (lexer.Advance().Kind != TokenKind.EndOfFile)
            {
            }
        });

    [Fact]
    public void Lex_skips_bom_whitespace_commas_and_comments()
    {
        var token = LexOne("\uFEFF ,\t# comment\r\n  foo");
        Assert.Equal(new Token(TokenKind.Name, 17, 20, 2, 3, "foo"), token);
    }

    [Fact]
    public void Lex_tracks_lines_for_cr_lf_and_crlf()
    {
        var token = LexOne("\n\r\n\r  foo\n");
        Assert.Equal(4, token.Line);
        Assert.Equal(3, token.Column);
    }

    [Theory]
    [InlineData("!", TokenKind.Bang)]
    [InlineData("$", TokenKind.Dollar)]
    [InlineData("&", TokenKind.Amp)]
    [InlineData("(", TokenKind.ParenLeft)]
    [InlineData(")", TokenKind.ParenRight)]
    [InlineData("...", TokenKind.Spread)]
    [InlineData(":", TokenKind.Colon)]
    [InlineData("=", TokenKind.EqualsSign)]
    [InlineData("@", TokenKind.At)]
    [InlineData("[", TokenKind.BracketLeft)]
    [InlineData("]", TokenKind.BracketRight)]
    [InlineData("{", TokenKind.BraceLeft)]
    [InlineData("|", TokenKind.Pipe)]
    [InlineData("}", TokenKind.BraceRight)]
    public void Lex_punctuator_returns_its_kind(string text, TokenKind kind)
    {
        var token = LexOne(text);
        Assert.Equal(kind, token.Kind);
        Assert.Null(token.Value);
        Assert.Equal(text.Length, token.End);
    }

    [Theory]
    [InlineData("4", TokenKind.Int, "4")]
    [InlineData("-4", TokenKind.Int, "-4")]
    [InlineData("0", TokenKind.Int, "0")]
    [InlineData("-0", TokenKind.Int, "-0")]
    [InlineData("9007199254740993", TokenKind.Int, "9007199254740993")]
    [InlineData("4.123", TokenKind.Float, "4.123")]
    [InlineData("-4.123", TokenKind.Float, "-4.123")]
    [InlineData("0.123", TokenKind.Float, "0.123")]
    [InlineData("123e4", TokenKind.Float, "123e4")]
    [InlineData("123E-4", TokenKind.Float, "123E-4")]
    [InlineData("-1.123e+4", TokenKind.Float, "-1.123e+4")]
    public void Lex_number_keeps_raw_text(string text, TokenKind kind, string value)
    {
        var token = LexOne(text);
        Assert.Equal(kind, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\\/\\\\\"", "escaped \n\r\b\t\f/\\")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"braced \\u{1F600}\"", "braced \U0001F600")]
    [InlineData("\"braced \\u{0000041}\"", "braced A")]
    [InlineData("\"pair \\uD83D\\uDE00\"", "pair \U0001F600")]
    [InlineData("\"literal \U0001F600\"", "literal \U0001F600")]
    [InlineData("\"\"", "")]
    public void Lex_string_resolves_escapes(string text, string value)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"\n\n    spans\n      multiple\n    lines\n\n  \"\"\"", "spans\n  multiple\nlines")]
    [InlineData("\"\"\"  first\n    second\"\"\"", "  first\nsecond")]
    public void Lex_block_string_applies_block_string_value(string text, string value)
    {
        var token = LexOne(text);
        Assert.Equal(TokenKind.BlockString, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void Lex_after_multiline_block_string_reports_following_line()
    {
        var lexer = new Lexer(new Source("\"\"\"a\nb\n\"\"\" next"));
        lexer.Advance();
        var next = lexer.Advance();
        Assert.Equal(3, next.Line);
        Assert.Equal(5, next.Column);
    }

    [Fact]
    public void Lookahead_does_not_consume()
    {
        var lexer = new Lexer(new Source("a\nb"));
        lexer.Advance();
        Assert.Equal("b", lexer.Lookahead().Value);
        Assert.Equal("a", lexer.Token.Value);
        Assert.Equal(2, lexer.Advance().Line);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 1, 2)]
    [InlineData("\"no end", "Unterminated string.", 1, 8)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 1, 7)]
    [InlineData("\"\"\"no end", "Unterminated string.", 1, 10)]
    [InlineData("'single'", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".", 1, 6)]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".", 1, 6)]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".", 1, 6)]
    [InlineData("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".", 1, 6)]
    [InlineData("\"lone \\uD83D esc\"", "Invalid Unicode escape sequence: \"\\uD83D\".", 1, 7)]
    [InlineData("\"lone \\uDE00\"", "Invalid Unicode escape sequence: \"\\uDE00\".", 1, 7)]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".", 1, 6)]
    [InlineData("\"bad \\u{110000}\"", "Invalid Unicode escape sequence: \"\\u{110000}\".", 1, 6)]
    [InlineData("\"bad \\u{D800}\"", "Invalid Unicode escape sequence: \"\\u{D800}\".", 1, 6)]
    [InlineData("\"bad \\u{FXXX}\"", "Invalid Unicode escape sequence: \"\\u{FX\".", 1, 6)]
    [InlineData("\"\\u{0000000000041}\"", "Invalid Unicode escape sequence: \"\\u{000000000\".", 1, 2)]
    [InlineData("..", "Unexpected character: \".\".", 1, 1)]
    [InlineData("~", "Unexpected character: \"~\".", 1, 1)]
    [InlineData("\u203B", "Unexpected character: U+203B.", 1, 1)]
    [InlineData("\u0007", "Unexpected character: U+0007.", 1, 1)]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 1, 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 1, 2)]
    [InlineData("+1", "Unexpected character: \"+\".", 1, 1)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 1, 3)]
    [InlineData("1.e1", "Invalid number, expected digit but got: \"e\".", 1, 3)]
    [InlineData(".123", "Unexpected character: \".\".", 1, 1)]
    [InlineData("1.A", "Invalid number, expected digit but got: \"A\".", 1, 3)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 1, 2)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 1, 5)]
    [InlineData("1.0eA", "Invalid number, expected digit but got: \"A\".", 1, 5)]
    [InlineData("1.2.3", "Invalid number, expected digit but got: \".\".", 1, 4)]
    [InlineData("1_234", "Invalid number, expected digit but got: \"_\".", 1, 2)]
    [InlineData("1\u00DF", "Unexpected character: U+00DF.", 1, 2)]
    [InlineData("\n\n    ?", "Unexpected character: \"?\".", 3, 5)]
    [InlineData("\"quote '\"' \"", "Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 10)]
    public void Lex_invalid_input_reports_message_line_and_column(string text, string message, int line, int column)
    {
        var error = LexError(text);
        Assert.Equal("Syntax Error: " + message, error.Message);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Lex_comment_ends_at_lone_surrogate()
    {
        var error = LexError("# ok \uD800");
        Assert.Equal("Syntax Error: Invalid character: U+D800.", error.Message);
        Assert.Equal(6, error.Column);
    }

    [Fact]
    public void Lex_lone_surrogates_are_invalid_characters()
    {
        // Kept out of [InlineData]: attribute strings cannot carry lone surrogates.
        Assert.Equal("Syntax Error: Invalid character: U+D83D.", LexError("\uD83D").Message);
        var inString = LexError("\"\uDE00\"");
        Assert.Equal("Syntax Error: Invalid character within String: U+DE00.", inString.Message);
        Assert.Equal(2, inString.Column);
        Assert.Equal("Syntax Error: Invalid character within String: U+D83D.", LexError("\"\"\"\uD83D x\"\"\"").Message);
    }

    [Fact]
    public void Lex_surrogate_pair_in_source_is_one_character()
    {
        var error = LexError("\uD83D\uDE00");
        Assert.Equal("Syntax Error: Unexpected character: U+1F600.", error.Message);
    }
}
