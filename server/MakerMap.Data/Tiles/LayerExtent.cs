namespace MakerMap.Data.Tiles;

/// <summary>A bounding box in WGS 84 degrees.</summary>
public sealed record LayerExtent(double West, double South, double East, double North);
