namespace MakerMap.Api.Tests.Endpoints.Tiles;

/// <summary>Web-Mercator tile arithmetic (the XYZ scheme), done independently of the server.</summary>
internal static class TileMath
{
    /// <summary>The tile holding a WGS 84 point at zoom <paramref name="z"/>, and the point's position in it (0..extent).</summary>
    public static (int X, int Y, int PixelX, int PixelY) Locate(double longitude, double latitude, int z, int extent = 4096)
    {
        var n = Math.Pow(2, z);
        var worldX = (longitude + 180) / 360 * n;
        var radians = latitude * Math.PI / 180;
        var worldY = (1 - Math.Log(Math.Tan(radians) + 1 / Math.Cos(radians)) / Math.PI) / 2 * n;
        var x = (int)Math.Floor(worldX);
        var y = (int)Math.Floor(worldY);
        return (x, y, (int)Math.Round((worldX - x) * extent), (int)Math.Round((worldY - y) * extent));
    }
}
