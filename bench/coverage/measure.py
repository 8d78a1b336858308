#!/usr/bin/env python3
"""Times the geometry-returning requests of a running MakerMap server (issues 13 and 14).

    bench/coverage/measure.py URL [--runs 10] [--flanders]

Signs in as the demo planner (seed --demo-accounts), then sends each request --runs times after one
warm-up and prints min / median / max in ms and the response size. Cases: Gent's coverage with its
sector rows and suggested sites (GeoJSON points), the Gent coverage export as GeoJSON (sector
polygons), areas with their GeoJSON boundaries; with --flanders also the Flemish Region's coverage
and suggestedSites(count: 10).
"""
import json, statistics, sys, time, urllib.request

url = sys.argv[1].rstrip("/")
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 10


def post(query, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    req = urllib.request.Request(url + "/graphql", json.dumps({"query": query}).encode(), headers)
    with urllib.request.urlopen(req, timeout=120) as r:
        body = r.read()
    data = json.loads(body)
    if data.get("errors"):
        raise SystemExit(f"errors: {data['errors']}")
    return data["data"], len(body)


def get(path, token):
    req = urllib.request.Request(url + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(req, timeout=120) as r:
        return len(r.read())


token = post('mutation { signIn(input: {email: "planner@makermap.test", password: "makermap-demo", issueToken: true}) { token } }')[0]["signIn"]["token"]
cases = {
    "coverage Gent rows+sites": lambda: post(
        '{ coverage(input: {area: {municipalityCode: "44021"}, maxDistanceMeters: 800}) { population coveredPopulation '
        'rows { population covered nearestDistanceMeters area { code } } suggestedSites(count: 5) { rank location addedPopulation } } }', token)[1],
    "export coverage.geojson Gent": lambda: get("/export/coverage.geojson?municipalityCode=44021&maxDistanceMeters=800", token),
    "areas(first 50) geometry": lambda: post('{ areas(search: "Gent", first: 50) { code geometry } }')[1],
}
if "--flanders" in sys.argv:
    flanders = post('{ areas(search: "02000", level: REGION) { id } }')[0]["areas"][0]["id"]
    cases["coverage Flanders rows"] = lambda: post(
        '{ coverage(input: {area: {areaId: "%s"}, maxDistanceMeters: 1500}) { population coveredPopulation coveredShare '
        'rows { population covered nearestDistanceMeters area { code } nearestPlace { name } } } }' % flanders, token)[1]
    cases["coverage Flanders suggestedSites(10)"] = lambda: post(
        '{ coverage(input: {area: {areaId: "%s"}, maxDistanceMeters: 1500}) { population coveredShare '
        'suggestedSites(count: 10) { rank location addedPopulation coveredShareAfter area { code } } } }' % flanders, token)[1]

for name, run in cases.items():
    size = run()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    print(f"{name:40s} min {min(times):8.1f}  median {statistics.median(times):8.1f}  max {max(times):8.1f} ms  {size:>9,d} B")
