using MakerMap.GraphQL.Types;
using GraphQLSchema = MakerMap.GraphQL.Types.Schema;

namespace MakerMap.Api.Schema;

/// <summary>
/// The executable MakerMap schema: the contract <c>schema/makermap.graphql</c> (embedded in this
/// assembly, so the file in the repository is the only source) bound to resolvers per type.
/// Fields whose row column carries the SDL name need no resolver (<see cref="Row"/>).
/// </summary>
public static class MakerMapSchema
{
    private const string ResourceName = "MakerMap.Api.Schema.makermap.graphql";

    private static readonly Lazy<string> SdlText = new(() =>
    {
        using var stream = typeof(MakerMapSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; check MakerMap.Api.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The contract's SDL text.</summary>
    public static string Sdl => SdlText.Value;

    /// <summary>Builds the schema; throws <see cref="SchemaValidationException"/> listing every binding problem.</summary>
    /// <param name="databaseConcurrencyPerRequest">Root query fields of one request that may use the database at once (<see cref="DatabaseGate"/>).</param>
    public static GraphQLSchema Build(int databaseConcurrencyPerRequest = 4) =>
        new SchemaBuilder(Sdl)
            .UseDefaultFieldResolver()
            .BindScalars()
            .BindQueries()
            .BindNodes()
            .BindPlaces()
            .BindOpeningHours()
            .BindResources()
            .BindAccounts()
            .BindBookingMutations()
            .BindBookingSeriesMutations()
            .BindBookingSeries()
            .BindAccountMutations()
            .BindNotifications()
            .BindOrganisationMutations()
            .BindPlaceMutations()
            .BindResourceMutations()
            .BindScheduleMutations()
            .BindSchedules()
            .BindCoverage()
            .BindSubscriptions()
            .BindApprovalQueueSubscription()
            .GateDatabaseUse(databaseConcurrencyPerRequest)
            .GuardTextInputs()
            .Build();
}
