using MakerMap.Data.Internal;

namespace MakerMap.Data.Seeding.Internal;

/// <summary>The seed loader's SQL (<c>Sql/Seeding/*.sql</c>), loaded once.</summary>
internal static class SeedSql
{
    public static readonly string UpsertDataSource = EmbeddedSql.Load("Seeding/upsert_data_source.sql");
    public static readonly string UpsertOrganisation = EmbeddedSql.Load("Seeding/upsert_organisation.sql");
    public static readonly string UpsertPlace = EmbeddedSql.Load("Seeding/upsert_place.sql");
    public static readonly string UpsertResource = EmbeddedSql.Load("Seeding/upsert_resource.sql");
    public static readonly string UpsertRequirement = EmbeddedSql.Load("Seeding/upsert_requirement.sql");
    public static readonly string DeleteStaleRequirements = EmbeddedSql.Load("Seeding/delete_stale_requirements.sql");
    public static readonly string UpsertSchedule = EmbeddedSql.Load("Seeding/upsert_schedule.sql");
    public static readonly string CreateAreaStaging = EmbeddedSql.Load("Seeding/create_area_staging.sql");
    public static readonly string UpsertAreas = EmbeddedSql.Load("Seeding/upsert_areas.sql");
    public static readonly string CreateStreetStaging = EmbeddedSql.Load("Seeding/create_street_staging.sql");
    public static readonly string UpsertStreets = EmbeddedSql.Load("Seeding/upsert_streets.sql");
    public static readonly string UpsertDivisions = EmbeddedSql.Load("Seeding/upsert_divisions.sql");
    public static readonly string CreatePopulationStaging = EmbeddedSql.Load("Seeding/create_population_staging.sql");
    public static readonly string UpdateSectorPopulation = EmbeddedSql.Load("Seeding/update_sector_population.sql");
    public static readonly string RecomputePopulationTotals = EmbeddedSql.Load("Seeding/recompute_population_totals.sql");

    // Two seed runs (two instances starting at once) take turns instead of racing on the same keys; the
    // lock ends with the transaction. The key is 'MMseed' in ASCII, apart from the migration runner's.
    public const long AdvisoryLockKey = 0x4D4D73656564;

    public const string Lock = "SELECT pg_advisory_xact_lock(@key)";

    public const string CopyAreas =
        "COPY seed_areas (ordinal, level, code, name, municipality_nis, parent_code, region, geometry, population, population_reference_date, source_code) "
        + "FROM STDIN (FORMAT BINARY)";

    public const string CopyStreets =
        "COPY seed_streets (edge_index, highway, name, length_m, vertex1, vertex2, oneway, foot_allowed, geometry) FROM STDIN (FORMAT BINARY)";

    public const string CopyPopulation = "COPY seed_sector_population (code, population) FROM STDIN (FORMAT BINARY)";

    public const string CountDivisions = "SELECT level, count(*) FROM areas WHERE level IN ('province', 'region') GROUP BY level";

    public const string CountAreas = "SELECT count(*) FROM seed_areas WHERE level = @level";
}
