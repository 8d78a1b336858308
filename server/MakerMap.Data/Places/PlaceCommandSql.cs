using MakerMap.Data.Internal;

namespace MakerMap.Data.Places;

/// <summary>The SQL of <see cref="PlaceCommands"/>, loaded once.</summary>
internal static class PlaceCommandSql
{
    public static readonly string InsertPlace = EmbeddedSql.Load("Places/insert_place.sql");
    public static readonly string UpdatePlace = EmbeddedSql.Load("Places/update_place.sql");
    public static readonly string DeletePlace = EmbeddedSql.Load("Places/delete_place.sql");
}
