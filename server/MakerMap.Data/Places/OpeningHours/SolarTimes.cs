using MakerMap.Data.Schedules;

namespace MakerMap.Data.Places.OpeningHours;

/// <summary>The sun events <c>opening_hours</c> can name.</summary>
public enum SolarEvent
{
    /// <summary>Civil dawn: the sun 6° below the horizon, morning.</summary>
    Dawn,

    /// <summary>Sunrise: the sun's upper limb on the horizon (−0.833° with refraction).</summary>
    Sunrise,

    /// <summary>Sunset.</summary>
    Sunset,

    /// <summary>Civil dusk: the sun 6° below the horizon, evening.</summary>
    Dusk,
}

/// <summary>
/// Sunrise, sunset, dawn and dusk in Brussels (50.8466 N, 4.3528 E), on the Europe/Brussels wall clock in whole
/// minutes, as opening_hours.js computes them through SunCalc: Meeus' rising and setting (Astronomical Algorithms,
/// ch. 15) on the sun's apparent coordinates (ch. 25), for the solar day nearest the asked instant.
/// </summary>
public static class SolarTimes
{
    private const double Latitude = 50.8466;
    private const double Longitude = 4.3528;
    private const double Rad = Math.PI / 180;
    private const double J0 = 0.0009;

    /// <summary>The fixed times used where the sun cannot be computed: dawn 05:30, sunrise 06:00, sunset 18:00, dusk 18:30.</summary>
    public static int Fallback(SolarEvent e) => e switch
    {
        SolarEvent.Dawn => 330,
        SolarEvent.Sunrise => 360,
        SolarEvent.Sunset => 1080,
        _ => 1110,
    };

    /// <summary>Minutes after local midnight of <paramref name="e"/> on the solar day of <paramref name="instant"/>.</summary>
    public static int Minutes(DateTimeOffset instant, SolarEvent e)
    {
        if (At(instant, e) is not { } at)
        {
            return Fallback(e);
        }
        var local = ZonedTime.ToLocal(at, OpeningHoursSchedule.Brussels);
        return (local.Hour * 60) + local.Minute;
    }

    /// <summary>The instant of <paramref name="e"/> on the solar day nearest <paramref name="instant"/>, or null when the sun never gets there.</summary>
    public static DateTimeOffset? At(DateTimeOffset instant, SolarEvent e)
    {
        var lw = Rad * -Longitude;
        var phi = Rad * Latitude;
        var days = (instant.ToUnixTimeMilliseconds() / 86_400_000.0) - 0.5 + 2440588 - 2451545;
        var d = Math.Floor(days - J0 - (lw / (2 * Math.PI)) + 0.5);
        var transit = SolarTransit(d + J0 + (lw / (2 * Math.PI)), lw);
        var dec = SunCoords(ToDaysTT(transit)).Dec;
        var angle = e is SolarEvent.Dawn or SolarEvent.Dusk ? -6.0 : -0.833;
        var sign = e is SolarEvent.Dawn or SolarEvent.Sunrise ? -1 : 1;
        var j = RiseOrSet(angle * Rad, transit, sign, lw, phi, dec);
        if (double.IsNaN(j))
        {
            return null;
        }
        var ms = (j + 2451545 + 0.5 - 2440588) * 86_400_000.0;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(ms));
    }

    // ΔT = TT − UT in seconds (Espenak & Meeus polynomials); d in days since J2000.
    private static double DeltaT(double d)
    {
        var y = 2000 + (d / 365.2425);
        double t;
        if (y < 2005)
        {
            t = y - 2000;
            return 63.86 + (t * (0.3345 + (t * (-0.060374 + (t * (0.0017275 + (t * (0.000651814 + (t * 0.00002373599)))))))));
        }
        if (y < 2050)
        {
            t = y - 2000;
            return 62.92 + (t * (0.32217 + (t * 0.005589)));
        }
        t = (y - 1820) / 100;
        return -20 + (32 * t * t) - (0.5628 * (2150 - y));
    }

    private static double ToDaysTT(double d) => d + (DeltaT(d) / 86400);

    private static double SiderealTime(double d, double lw) => (Rad * (280.46061837 + (360.98564736629 * d))) - lw;

    private static double Altitude(double h, double phi, double dec) => Math.Asin((Math.Sin(phi) * Math.Sin(dec)) + (Math.Cos(phi) * Math.Cos(dec) * Math.Cos(h)));

    private static double WrapPi(double a) => a - (2 * Math.PI * Math.Floor((a / (2 * Math.PI)) + 0.5));

    // The sun's apparent right ascension and declination (Meeus 25.2-25.8); d in TT days since J2000.
    private static (double Ra, double Dec) SunCoords(double d)
    {
        var t = d / 36525;
        var l0 = Rad * (280.46646 + (t * (36000.76983 + (t * 0.0003032))));
        var m = Rad * (357.52911 + (t * (35999.05029 - (t * 0.0001537))));
        var sinM = Math.Sin(m);
        var cosM = Math.Cos(m);
        var c = Rad * (((1.914602 - (t * (0.004817 + (t * 0.000014)))) * sinM)
            + ((0.019993 - (0.000101 * t)) * 2 * sinM * cosM) + (0.000289 * sinM * (3 - (4 * sinM * sinM))));
        var om = Rad * (125.04 - (1934.136 * t));
        var l = l0 + c - (Rad * (0.00569 + (0.00478 * Math.Sin(om))));
        var e = (Rad * (23.439291 - (t * (0.0130042 + (t * (0.00000016 - (t * 0.000000504))))))) + (Rad * 0.00256 * Math.Cos(om));
        return (Math.Atan2(Math.Cos(e) * Math.Sin(l), Math.Cos(l)), Math.Asin(Math.Sin(e) * Math.Sin(l)));
    }

    // Refines the transit so the local hour angle is zero (Meeus 15.2).
    private static double SolarTransit(double dt, double lw)
    {
        for (var i = 0; i < 3; i++)
        {
            var h = WrapPi(SiderealTime(dt, lw) - SunCoords(ToDaysTT(dt)).Ra);
            dt -= h / (2 * Math.PI);
        }
        return dt;
    }

    private static double RiseOrSet(double h0, double transit, int sign, double lw, double phi, double dec)
    {
        var cosH0 = (Math.Sin(h0) - (Math.Sin(phi) * Math.Sin(dec))) / (Math.Cos(phi) * Math.Cos(dec));
        if (cosH0 is < -1 or > 1)
        {
            return double.NaN;
        }
        var d = transit + (sign * Math.Acos(cosH0) / (2 * Math.PI));
        for (var i = 0; i < 2; i++)
        {
            var (ra, cdec) = SunCoords(ToDaysTT(d));
            var h = WrapPi(SiderealTime(d, lw) - ra);
            var alt = Altitude(h, phi, cdec);
            var sinH = Math.Cos(phi) * Math.Cos(cdec) * Math.Sin(h);
            if (Math.Abs(sinH) < 1e-6)
            {
                break;
            }
            d += (alt - h0) / (2 * Math.PI * sinH);
        }
        return d;
    }
}
