namespace MakerMap.Data.Internal;

/// <summary>Reads the <c>Sql/{Area}/verb_noun.sql</c> files embedded in this assembly.</summary>
internal static class EmbeddedSql
{
    /// <summary>Loads <c>Sql/{relativePath}</c>, e.g. <c>Places/find_nearest_places.sql</c>.</summary>
    public static string Load(string relativePath)
    {
        var name = "MakerMap.Data.Sql." + relativePath.Replace('/', '.');
        return Migrations.Migration.ReadResource(typeof(EmbeddedSql).Assembly, name);
    }
}
