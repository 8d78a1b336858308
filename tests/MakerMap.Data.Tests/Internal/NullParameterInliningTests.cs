using MakerMap.Data.Internal;
using Npgsql;
using NpgsqlTypes;

namespace MakerMap.Data.Tests.Internal;

public sealed class NullParameterInliningTests
{
    private const string Sql = "SELECT 1 WHERE (@kinds::text[] IS NULL OR k = ANY(@kinds)) AND (@kinds_extra::text IS NULL) AND (@near::float8 IS NULL)";

    [Fact]
    public void Null_parameters_become_typed_null_literals_and_leave_the_command()
    {
        using var command = new NpgsqlCommand(Sql);
        command.Parameters.AddTextArray("kinds", null);
        command.Parameters.Add(new NpgsqlParameter<string>("kinds_extra", NpgsqlDbType.Text) { TypedValue = "x" });
        command.Parameters.AddNullable<double>("near", null, NpgsqlDbType.Double);

        command.InlineNullParameters();

        Assert.Equal(
            "SELECT 1 WHERE ((NULL::text[])::text[] IS NULL OR k = ANY((NULL::text[]))) AND (@kinds_extra::text IS NULL) AND ((NULL::float8)::float8 IS NULL)",
            command.CommandText);
        Assert.Equal(["kinds_extra"], command.Parameters.Select(p => p.ParameterName));
    }

    [Fact]
    public void A_command_without_null_parameters_keeps_its_text()
    {
        using var command = new NpgsqlCommand(Sql);
        command.Parameters.AddTextArray("kinds", ["repair_cafe"]);

        command.InlineNullParameters();

        Assert.Same(Sql, command.CommandText);
        Assert.Single(command.Parameters);
    }

    [Fact]
    public void The_same_null_pattern_reuses_one_text_so_the_statement_is_prepared_once()
    {
        string Inlined()
        {
            using var command = new NpgsqlCommand(Sql);
            command.Parameters.AddTextArray("kinds", null);
            command.InlineNullParameters();
            return command.CommandText;
        }

        Assert.Same(Inlined(), Inlined());
    }

    [Fact]
    public void A_null_of_a_type_it_cannot_name_is_refused()
    {
        using var command = new NpgsqlCommand("SELECT @shape");
        command.Parameters.Add(new NpgsqlParameter("shape", NpgsqlDbType.Bytea) { Value = DBNull.Value });

        var error = Assert.Throws<InvalidOperationException>(command.InlineNullParameters);
        Assert.Contains("shape", error.Message, StringComparison.Ordinal);
    }
}
