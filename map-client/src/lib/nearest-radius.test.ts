import { describe, expect, it } from "vitest";

import { type Hit, selectNearest, sortHits } from "./nearest-radius";

const hit = (km: number, countryCode = "BE", session: string | null = null): Hit & { km: number } => ({
  km,
  distanceMeters: km * 1000,
  place: { address: { countryCode }, upcomingSessions: session ? [{ start: session }] : [] },
});

describe("selectNearest", () => {
  it("keeps what is within 5 km when something is", () => {
    const selection = selectNearest([hit(0.4), hit(3), hit(4.9), hit(7), hit(30)]);
    expect(selection.hits.map((h) => h.km)).toEqual([0.4, 3, 4.9]);
    expect(selection).toMatchObject({ radiusMeters: 5000, widened: false, nearestMeters: 400 });
  });

  it("widens to the first radius holding the nearest place and says how far it is", () => {
    const selection = selectNearest([hit(32), hit(40), hit(60)]);
    expect(selection.hits.map((h) => h.km)).toEqual([32, 40]);
    expect(selection).toMatchObject({ radiusMeters: 50_000, widened: true, nearestMeters: 32_000 });
  });

  it("leaves out places in another country than the nearest one", () => {
    expect(selectNearest([hit(20), hit(22, "NL"), hit(24)]).hits.map((h) => h.km)).toEqual([20, 24]);
    expect(selectNearest([hit(1, "NL"), hit(2, "BE")]).hits.map((h) => h.km)).toEqual([1]);
  });

  it("shows at most ten", () => {
    expect(selectNearest(Array.from({ length: 14 }, (_, i) => hit(i * 0.1))).hits).toHaveLength(10);
  });

  it("has nothing to say about an empty answer", () => {
    expect(selectNearest([])).toEqual({ hits: [], radiusMeters: 5000, widened: false, nearestMeters: null });
  });
});

describe("sortHits", () => {
  const hits = [hit(1), hit(2, "BE", "2026-12-20T13:00:00Z"), hit(3, "BE", "2026-12-12T13:00:00Z"), hit(0.5)];

  it("keeps distance order for distance", () => {
    expect(sortHits(hits, "distance").map((h) => (h as { km: number }).km)).toEqual([1, 2, 3, 0.5]);
  });

  it("puts the soonest session first and places without sessions last, nearest first", () => {
    expect(sortHits(hits, "session").map((h) => (h as { km: number }).km)).toEqual([3, 2, 0.5, 1]);
  });
});
