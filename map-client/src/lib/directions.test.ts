import { describe, expect, it } from "vitest";

import { routeLinks } from "./directions";

describe("routeLinks", () => {
  const rooigem = { longitude: 3.69725, latitude: 51.0603 };

  it("puts the place's latitude and longitude in each link, latitude first", () => {
    const links = routeLinks(rooigem, "Repair Café Rooigem");
    expect(links.geo).toBe("geo:51.0603,3.69725?q=51.0603,3.69725(Repair%20Caf%C3%A9%20Rooigem)");
    expect(links.openStreetMap).toBe("https://www.openstreetmap.org/directions?route=%3B51.0603%2C3.69725#map=17/51.0603/3.69725");
    expect(links.googleMaps).toBe("https://www.google.com/maps/dir/?api=1&destination=51.0603%2C3.69725");
  });

  it("rounds to six decimals without trailing zeros", () => {
    expect(routeLinks({ longitude: 3.123456789, latitude: 51.1 }, "x").googleMaps).toContain("destination=51.1%2C3.123457");
  });
});
