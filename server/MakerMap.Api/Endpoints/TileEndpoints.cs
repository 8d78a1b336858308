using System.Globalization;
using MakerMap.Data.Places;
using MakerMap.Data.Tiles;

namespace MakerMap.Api.Endpoints;

/// <summary>
/// Vector tiles cut from PostGIS: <c>/tiles/{layer}/{z}/{x}/{y}.mvt</c> (one MVT layer per tile, named
/// like the URL's layer) and <c>/tiles/{layer}.json</c> (TileJSON 3.0). Layers and their properties:
/// <see cref="TileLayer.All"/>, documented in docs/api.md.
/// </summary>
internal static class TileEndpoints
{
    /// <summary>The deepest zoom the server accepts at all; a layer's own range may end earlier (204).</summary>
    public const int MaxZoom = 24;

    private const string TileContentType = "application/vnd.mapbox-vector-tile";

    /// <summary>The filters a places tile takes, as <see cref="ExportParameters"/> spells parameters.</summary>
    private static readonly string[] PlaceFilterParameters = ["kinds", "categories", "wheelchair", "openNow"];

    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var cache = TileCache.FromConfiguration(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        endpoints.MapGet("/tiles/{layer}/{z}/{x}/{y}.mvt",
            (string layer, string z, string x, string y, VectorTileQueries queries, TimeProvider time, HttpContext context, CancellationToken cancellationToken) =>
                GetTileAsync(layer, z, x, y, queries, cache, time, context, cancellationToken)).WithName("VectorTile");
        var bounds = TileJsonBounds.FromConfiguration(endpoints.ServiceProvider.GetRequiredService<IConfiguration>());
        endpoints.MapGet("/tiles/{layer}.json",
            (string layer, VectorTileQueries queries, HttpContext context, CancellationToken cancellationToken) =>
                GetTileJsonAsync(layer, queries, bounds, context, cancellationToken)).WithName("TileJson");
        return endpoints;
    }

    private static async Task<IResult> GetTileAsync(string layer, string z, string x, string y, VectorTileQueries queries,
        TileCache cache, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        if (!TileLayer.All.TryGetValue(layer, out var tileLayer))
        {
            return UnknownLayer(layer);
        }
        if (!TryParseAddress(z, x, y, out var zoom, out var column, out var row, out var problem))
        {
            return TileError(StatusCodes.Status400BadRequest, "INVALID_TILE", problem);
        }
        context.Response.Headers.CacheControl = tileLayer.ChangesOften ? "public, max-age=60" : "public, max-age=86400";
        if (!tileLayer.HasZoom(zoom))
        {
            return Results.NoContent();
        }
        EncodedTile tile;
        if (tileLayer.Kind == TileLayerKind.Places)
        {
            PlaceTileFilter filter;
            var now = time.GetUtcNow();
            try
            {
                filter = PlaceFilterFrom(context.Request.Query, now);
            }
            catch (ExportParameterException e)
            {
                return ExportParameters.BadRequest(e);
            }
            var revision = await queries.GetPlacesRevisionAsync(cancellationToken);
            tile = await cache.GetOrCutPlacesAsync(revision, filter, now, zoom, column, row,
                () => queries.GetTileAsync(tileLayer, zoom, column, row, filter, cancellationToken));
        }
        else
        {
            tile = await cache.GetOrCutAreaAsync(tileLayer, zoom, column, row,
                () => queries.GetTileAsync(tileLayer, zoom, column, row, cancellationToken));
        }
        return tile.Raw.Length == 0 ? Results.NoContent() : VectorTileResponse.Write(context, tile, TileContentType);
    }

    /// <summary>
    /// <c>?kinds=REPAIR_CAFE,GIVE_BOX&amp;categories=ELECTRO&amp;wheelchair=YES,LIMITED&amp;openNow=true</c>:
    /// GraphQL enum names in any letter case; openNow keeps the places open at <paramref name="now"/>.
    /// </summary>
    private static PlaceTileFilter PlaceFilterFrom(IQueryCollection query, DateTimeOffset now)
    {
        ExportParameters.Check(query, PlaceFilterParameters);
        var openNow = ExportParameters.Value(query, "openNow");
        if (openNow is not null && !bool.TryParse(openNow, out _))
        {
            throw new ExportParameterException("openNow", $"\"openNow\" is \"{openNow}\"; give true or false.");
        }
        return new PlaceTileFilter(
            ExportParameters.EnumList(ExportParameters.Value(query, "kinds"), "kinds", PlaceVocabulary.Kinds),
            ExportParameters.EnumList(ExportParameters.Value(query, "categories"), "categories", PlaceVocabulary.Categories),
            ExportParameters.EnumList(ExportParameters.Value(query, "wheelchair"), "wheelchair", PlaceVocabulary.WheelchairAccess),
            openNow is not null && bool.Parse(openNow) ? now : null);
    }

    /// <summary>z in 0..<see cref="MaxZoom"/>, x and y in 0..2^z−1, all plain decimal integers.</summary>
    private static bool TryParseAddress(string z, string x, string y, out int zoom, out int column, out int row, out string problem)
    {
        column = row = 0;
        problem = "";
        if (!TryParse(z, out zoom) || zoom > MaxZoom)
        {
            problem = $"Zoom \"{z}\" is not an integer from 0 to {MaxZoom}.";
            return false;
        }
        var size = 1L << zoom;
        if (!TryParse(x, out column) || column >= size)
        {
            problem = $"Column x \"{x}\" is not an integer from 0 to {size - 1} at zoom {zoom}.";
            return false;
        }
        if (!TryParse(y, out row) || row >= size)
        {
            problem = $"Row y \"{y}\" is not an integer from 0 to {size - 1} at zoom {zoom}.";
            return false;
        }
        return true;
    }

    private static bool TryParse(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static async Task<IResult> GetTileJsonAsync(string layer, VectorTileQueries queries, TileJsonBounds bounds,
        HttpContext context, CancellationToken cancellationToken)
    {
        if (!TileLayer.All.TryGetValue(layer, out var tileLayer))
        {
            return UnknownLayer(layer);
        }
        var (box, center) = await bounds.GetAsync(tileLayer, queries, cancellationToken);
        var request = context.Request;
        // MapLibre needs the placeholders as they are: build the template by hand, not through a URI encoder
        var template = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/{tileLayer.Name}/{{z}}/{{x}}/{{y}}.mvt";
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Json(new Dictionary<string, object>
        {
            ["tilejson"] = "3.0.0",
            ["name"] = "MakerMap " + tileLayer.Name,
            ["description"] = tileLayer.Description,
            ["scheme"] = "xyz",
            ["tiles"] = new[] { template },
            ["minzoom"] = tileLayer.MinZoom,
            ["maxzoom"] = tileLayer.MaxZoom,
            ["bounds"] = box,
            ["center"] = center,
            ["attribution"] = tileLayer.Kind switch
            {
                TileLayerKind.Places => Attribution.Places,
                TileLayerKind.Streets => Attribution.Streets,
                _ => Attribution.Areas,
            },
            ["vector_layers"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["id"] = tileLayer.Name,
                    ["description"] = tileLayer.Description,
                    ["minzoom"] = tileLayer.MinZoom,
                    ["maxzoom"] = tileLayer.MaxZoom,
                    ["fields"] = tileLayer.Fields.ToDictionary(f => f.Key, f => f.Value),
                },
            },
        });
    }

    private static IResult UnknownLayer(string layer) =>
        TileError(StatusCodes.Status404NotFound, "UNKNOWN_LAYER",
            $"There is no tile layer \"{layer}\"; the layers are {string.Join(", ", TileLayer.All.Keys)}.");

    private static IResult TileError(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
