#!/usr/bin/env python3
"""Issue 14's scale measurements against a running server (scripts/bench-scale.sh runs it).

Single client, sequential requests over one keep-alive connection, so each figure is the server's
latency for one request, not its throughput. Prints one section per measurement.
  measure.py URL SERVER_PID [--samples 200]
"""
import http.client
import json
import random
import sys
import time
import urllib.parse

FLANDERS = (2.55, 50.70, 5.90, 51.50)  # the synthetic places' box (bench/sql/synthetic-places.sql)


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))
    return ordered[k]


class Client:
    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port or 80
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
        self.token = None

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - started) * 1000

    def graphql(self, query, variables=None):
        status, data, ms = self.request("POST", "/graphql", json.dumps({"query": query, "variables": variables or {}}),
                                        {"Content-Type": "application/json"})
        body = json.loads(data)
        if status != 200 or body.get("errors"):
            raise RuntimeError(f"GraphQL {status}: {json.dumps(body.get('errors'))[:400]}")
        return body["data"], ms


def tiles_at(z, limit, rng):
    import math
    def tile(lon, lat):
        n = 2 ** z
        x = int((lon + 180) / 360 * n)
        r = math.radians(lat)
        y = int((1 - math.log(math.tan(r) + 1 / math.cos(r)) / math.pi) / 2 * n)
        return x, y
    x0, y1 = tile(FLANDERS[0], FLANDERS[1])
    x1, y0 = tile(FLANDERS[2], FLANDERS[3])
    every = [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]
    return every if len(every) <= limit else rng.sample(every, limit)


def measure_tiles(client, rng):
    print("places tiles (uncompressed bytes; ms per request, fresh = first request of the tile, cached = again)")
    print(f"  {'z':>2} {'tiles':>5} {'max KB':>8} {'p50 KB':>8} {'fresh p50':>10} {'fresh p99':>10} {'cached p50':>10} {'cached p99':>10}")
    worst_size = 0
    for z in [0, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]:
        sample = tiles_at(z, 40, rng)
        sizes, fresh, cached = [], [], []
        for x, y in sample:
            status, data, ms = client.request("GET", f"/tiles/places/{z}/{x}/{y}.mvt", headers={"Accept-Encoding": "identity"})
            if status not in (200, 204):
                raise RuntimeError(f"tile {z}/{x}/{y}: {status}")
            sizes.append(len(data))
            fresh.append(ms)
        for x, y in sample:
            _, _, ms = client.request("GET", f"/tiles/places/{z}/{x}/{y}.mvt", headers={"Accept-Encoding": "identity"})
            cached.append(ms)
        worst_size = max(worst_size, max(sizes))
        print(f"  {z:>2} {len(sample):>5} {max(sizes) / 1024:>8.1f} {percentile(sizes, 50) / 1024:>8.1f} "
              f"{percentile(fresh, 50):>10.1f} {percentile(fresh, 99):>10.1f} {percentile(cached, 50):>10.1f} {percentile(cached, 99):>10.1f}")
    # the same with a rare filter: fewer places per tile, its own cache key
    fresh = []
    for x, y in tiles_at(8, 40, rng):
        _, _, ms = client.request("GET", f"/tiles/places/8/{x}/{y}.mvt?categories=JEWELLERY", headers={"Accept-Encoding": "identity"})
        fresh.append(ms)
    print(f"  z8 with ?categories=JEWELLERY: fresh p50 {percentile(fresh, 50):.1f} ms, p99 {percentile(fresh, 99):.1f} ms")
    print(f"largest places tile: {worst_size / 1024:.1f} KB")


NEAREST = """query($near: GeoPointInput!, $categories: [RepairCategory!]) {
  nearestPlaces(near: $near, first: 10, categories: $categories) { distanceMeters place { id name } } }"""


def measure_nearest(client, rng, samples):
    for label, categories in (("no filter", None), ("categories: [JEWELLERY] (2 % of places)", ["JEWELLERY"])):
        # The first requests of a query the server has not seen yet parse and validate it and run code
        # the JIT has not compiled yet (the first one took 0.5 s): with 200 samples, two of them would be
        # the p99. Reported apart; the percentiles are the steady state a running server gives.
        warm = []
        for _ in range(20):
            near = {"longitude": rng.uniform(2.7, 5.7), "latitude": rng.uniform(50.75, 51.45)}
            warm.append(client.graphql(NEAREST, {"near": near, "categories": categories})[1])
        times = []
        for _ in range(samples):
            near = {"longitude": rng.uniform(2.7, 5.7), "latitude": rng.uniform(50.75, 51.45)}
            _, ms = client.graphql(NEAREST, {"near": near, "categories": categories})
            times.append(ms)
        print(f"nearestPlaces(first: 10), {label}: p50 {percentile(times, 50):.1f} ms, p99 {percentile(times, 99):.1f} ms ({samples} requests; "
              f"before them 20 unmeasured, the first {warm[0]:.1f} ms, the slowest of the others {max(warm[1:]):.1f} ms)")


SEARCH = "query($text: String!) { places(filter: {text: $text}, first: 8) { totalCount nodes { name } } }"


def measure_search(client, samples):
    texts = ["repair", "café", "reparatie", "réparation", "fietsen", "weggeefkast", "naaiatelier", "gent"]
    times, per_text = [], {}
    for i in range(samples):
        text = texts[i % len(texts)]
        data, ms = client.graphql(SEARCH, {"text": text})
        times.append(ms)
        per_text.setdefault(text, (data["places"]["totalCount"], []))[1].append(ms)
    print(f"places(filter: {{text}}, first: 8): p50 {percentile(times, 50):.1f} ms, p99 {percentile(times, 99):.1f} ms ({samples} requests over {len(texts)} texts)")
    for text, (total, values) in per_text.items():
        print(f"  {text!r}: {total} matches, p50 {percentile(values, 50):.1f} ms")


def memory_kb(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def measure_export(client, pid):
    rss_before = memory_kb(pid, "VmRSS")
    try:
        # reset the peak (VmHWM) to the current RSS, so the figure below is the export's own peak
        with open(f"/proc/{pid}/clear_refs", "w") as clear:
            clear.write("5")
        reset = True
    except OSError:
        reset = False
    started = time.perf_counter()
    connection = http.client.HTTPConnection(client.host, client.port, timeout=600)
    connection.request("GET", "/export/places.geojson", headers={"Accept-Encoding": "identity"})
    response = connection.getresponse()
    first = response.read(1)
    first_ms = (time.perf_counter() - started) * 1000
    total = len(first)
    while True:
        chunk = response.read(1 << 20)
        if not chunk:
            break
        total += len(chunk)
    elapsed = time.perf_counter() - started
    connection.close()
    peak = memory_kb(pid, "VmHWM")
    print(f"/export/places.geojson: {total / 1e6:.1f} MB in {elapsed:.2f} s, first byte after {first_ms:.0f} ms")
    print(f"server memory: RSS {rss_before / 1024:.0f} MB before the export, peak {'during it' if reset else 'since start'} {peak / 1024:.0f} MB"
          f" (VmHWM{', reset with clear_refs' if reset else ''})")


COVERAGE = """query($input: CoverageInput!) { coverage(input: $input) {
  areaName population coveredPopulation coveredShare suggestedSites(count: 10) { addedPopulation } } }"""
# the report alone: issue 14 sets a goal for it (Flanders < 3 s) apart from suggestedSites(10) (< 10 s)
COVERAGE_REPORT = """query($input: CoverageInput!) { coverage(input: $input) {
  areaName population coveredPopulation coveredShare } }"""


def measure_coverage(client):
    try:
        status, data, _ = client.request("POST", "/auth/sign-in?token=true",
                                          json.dumps({"email": "planner@makermap.test", "password": "makermap-demo"}),
                                          {"Content-Type": "application/json"})
        client.token = json.loads(data).get("token") if status == 200 else None
    except (ValueError, OSError):
        client.token = None
    if not client.token:
        print("coverage: skipped (no planner account; seed with --demo-accounts)")
        return
    areas = [("Gent", {"municipalityCode": "44021"})]
    try:
        found, _ = client.graphql("query { areas(search: \"Vlaams Gewest\", first: 5) { id name level } }")
        region = next((a for a in found["areas"] if a["level"] not in ("MUNICIPALITY", "NEIGHBOURHOOD", "SECTOR")), None)
        if region:
            areas.append((region["name"], {"areaId": region["id"]}))
        else:
            print("coverage of Flanders: skipped (no region area named \"Vlaams Gewest\" in this database)")
    except RuntimeError as error:
        print(f"coverage of Flanders: skipped ({error})")
    for name, area in areas:
        try:
            started = time.perf_counter()
            client.graphql(COVERAGE_REPORT, {"input": {"area": area}})
            print(f"coverage of {name}, the report alone: {(time.perf_counter() - started) * 1000:.0f} ms")
            started = time.perf_counter()
            data, _ = client.graphql(COVERAGE, {"input": {"area": area}})
            ms = (time.perf_counter() - started) * 1000
            report = data["coverage"]
            print(f"coverage of {name} with suggestedSites(10): {ms:.0f} ms, population {report['population']}, "
                  f"covered {report['coveredShare'] * 100:.1f} %")
        except RuntimeError as error:
            print(f"coverage of {name}: refused or failed ({str(error)[:300]})")


def main():
    url, pid = sys.argv[1], int(sys.argv[2])
    samples = int(sys.argv[sys.argv.index("--samples") + 1]) if "--samples" in sys.argv else 200
    rng = random.Random(14)
    client = Client(url)
    measure_tiles(client, rng)
    measure_nearest(client, rng, samples)
    measure_search(client, samples)
    measure_export(client, pid)
    measure_coverage(client)


if __name__ == "__main__":
    main()
