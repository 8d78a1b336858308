namespace MakerMap.Api.Endpoints;

/// <summary>
/// Credit lines the licences of seed-data/README.md require wherever the map shows the data. The
/// boundaries and population come from Statbel and the Flemish provinces, the streets from
/// OpenStreetMap (ODbL; an external base map brings its own credits).
/// </summary>
internal static class Attribution
{
    /// <summary>For the area layers (municipalities, neighbourhoods, sectors, labels).</summary>
    public const string Areas =
        "Wijken voor omgevingsanalyse. © gemeentebesturen, verzameld door Data & Analyse van de Vlaamse provincies; "
        + "Statistische sectoren © Statbel; vereenvoudigd door sciensanogit/bemaps (CC BY 4.0); "
        + "Bron bevolking: Statbel (Algemene Directie Statistiek)";

    /// <summary>For the places layer.</summary>
    public const string Places = "Plaatsen: MakerMap team (CC BY 4.0)";

    /// <summary>For the streets layer (OpenStreetMap, ODbL 1.0): the credit line the licence asks for.</summary>
    public const string Streets = "© OpenStreetMap contributors";

    /// <summary>Everything the client shows at once. Plain text: it is also valid inside HTML.</summary>
    public const string All = Areas + "; " + Places + "; " + Streets;
}
