using MakerMap.Data.Places;

namespace MakerMap.Data.Tiles;

/// <summary>
/// One vector-tile layer: its URL and MVT layer name, the zooms it has features at, and the
/// properties its features carry (name → TileJSON type <c>String</c> or <c>Number</c>).
/// </summary>
public sealed class TileLayer
{
    private TileLayer(string name, TileLayerKind kind, int minZoom, int maxZoom, string description,
        IReadOnlyList<KeyValuePair<string, string>> fields, string? areaLevel = null)
    {
        Name = name;
        Kind = kind;
        MinZoom = minZoom;
        MaxZoom = maxZoom;
        Description = description;
        Fields = fields;
        AreaLevel = areaLevel;
    }

    /// <summary>Zoom from which the label layer also has neighbourhood labels.</summary>
    public const int NeighbourhoodLabelMinZoom = 11;

    /// <summary>The layer's name in the URL and in the tile.</summary>
    public string Name { get; }

    /// <summary>Which query cuts the layer's tiles.</summary>
    public TileLayerKind Kind { get; }

    /// <summary>Lowest zoom with features.</summary>
    public int MinZoom { get; }

    /// <summary>Highest zoom with features (clients overzoom beyond it).</summary>
    public int MaxZoom { get; }

    /// <summary>One sentence for TileJSON's <c>vector_layers</c>.</summary>
    public string Description { get; }

    /// <summary>Property names and their TileJSON types, in the order documented in docs/api.md.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; }

    /// <summary>The <c>areas.level</c> of an area layer; null for the others.</summary>
    public string? AreaLevel { get; }

    /// <summary>Whether tiles of this layer change when places are edited (they are cached briefly).</summary>
    public bool ChangesOften => Kind == TileLayerKind.Places;

    /// <summary>Whether zoom <paramref name="z"/> has features in this layer.</summary>
    public bool HasZoom(int z) => z >= MinZoom && z <= MaxZoom;

    private static readonly KeyValuePair<string, string>[] AreaFields =
    [
        new("code", "String"), new("name", "String"), new("population", "Number"), new("level", "String"),
    ];

    /// <summary>Every layer, by name.</summary>
    public static IReadOnlyDictionary<string, TileLayer> All { get; } = new[]
    {
        new TileLayer("places", TileLayerKind.Places, 0, 22,
            "Repair and maker places: one point each, or up to zoom 13 clusters of nearby places with their counts.",
        [
            new("id", "String"), new("slug", "String"), new("name", "String"), new("kind", "String"),
            new("categories", "String"), new("city", "String"),
            new("point_count", "Number"), new("west", "Number"), new("south", "Number"), new("east", "Number"), new("north", "Number"),
            .. PlaceVocabulary.Kinds.Order(StringComparer.Ordinal).Select(kind => new KeyValuePair<string, string>(kind.ToUpperInvariant(), "Number")),
        ]),
        new TileLayer("municipalities", TileLayerKind.Areas, 0, 14, "Municipalities of Flanders and Brussels.", AreaFields, "municipality"),
        new TileLayer("neighbourhoods", TileLayerKind.Areas, 8, 14, "Neighbourhoods (ggw7 wijken).", AreaFields, "neighbourhood"),
        new TileLayer("sectors", TileLayerKind.Areas, 10, 14, "Statbel statistical sectors with their population.", AreaFields, "sector"),
        new TileLayer("streets", TileLayerKind.Streets, 10, 14,
            "Streets and paths (OpenStreetMap): major roads from zoom 10, all roads from 13, footways and paths from 14; names from 13.",
            [new("class", "String"), new("highway", "String"), new("name", "String")]),
        new TileLayer("area-labels", TileLayerKind.AreaLabels, 0, 14,
            $"A label point inside each municipality, and each neighbourhood from zoom {NeighbourhoodLabelMinZoom}.",
            [new("name", "String"), new("level", "String"), new("population", "Number")]),
    }.ToDictionary(layer => layer.Name, StringComparer.Ordinal);
}

/// <summary>The query family behind a <see cref="TileLayer"/>.</summary>
public enum TileLayerKind
{
    /// <summary>Points from <c>places</c>.</summary>
    Places,

    /// <summary>Polygons from <c>areas</c> of one level.</summary>
    Areas,

    /// <summary>Label points from <c>areas</c>.</summary>
    AreaLabels,

    /// <summary>Lines from <c>street_segments</c>.</summary>
    Streets,
}
