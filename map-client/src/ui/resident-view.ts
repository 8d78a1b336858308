// Residents: what is broken, near where; the nearest list, search, and the accessible list view.
import { request } from "../api/graphql-client";
import {
  NearestPlacesDocument,
  type NearestPlacesResult,
  type PlaceFilter,
  type PlaceKind,
  PlaceKindValues,
  PlacesInViewDocument,
  type PlacesInViewResult,
  type RepairCategory,
  RepairCategoryValues,
  SearchAreasDocument,
  type SearchAreasResult,
  SearchPlacesDocument,
} from "../graphql/generated";
import { locale, t } from "../i18n";
import { formatDistance, formatPoint, walkingMinutes } from "../lib/distance";
import type { PlaceFilterState } from "../lib/place-filter";
import { kindColour } from "../lib/place-style";
import { formatPointParam, parsePoint, type Route } from "../lib/route";
import { fitGeometry, fitPoints, getMap, onMapClick, setPlacesFilter, setSearchPoint } from "../map/create-map";
import { benchMarks, categoryAttributes, markOnce, nearestAttributes } from "../test-hooks";
import { announce, h } from "./dom";
import { openingText } from "./format";

type Point = { longitude: number; latitude: number };
type Hit = NearestPlacesResult["nearestPlaces"][number];

type ListedPlace = PlacesInViewResult["places"]["nodes"][number];
/** A page-by-page list of the places in one view of the map, for one filter. */
type PlaceList = { key: string; filter: PlaceFilter; places: ListedPlace[]; totalCount: number; endCursor: string | null };

export type ResidentState = {
  filter: PlaceFilterState;
  near: Point | null;
  hits: Hit[] | null;
  hitsFor: string;
  list: PlaceList | null;
  loaded: Promise<void> | null;
};

export const residentState: ResidentState = { filter: { categories: [], kinds: [] }, near: null, hits: null, hitsFor: "", list: null, loaded: null };

/** Places in the list view per request: one page, more on demand. */
const listPageSize = 50;

type Extent = [[number, number], [number, number]];
let fetchingExtent: Promise<Extent | null> | null = null;

/**
 * Starts reading where the places are (the `bounds` of the places TileJSON, one small request);
 * called before the map exists so both load at once. The map itself fetches only the tiles in view.
 */
export function prefetchPlacesExtent(): Promise<Extent | null> {
  fetchingExtent ??= fetch("/tiles/places.json")
    .then(async (response) => (response.ok ? ((await response.json()) as { bounds?: number[] }).bounds : undefined))
    .then((b) =>
      b && b.length === 4
        ? ([
            [b[0], b[1]],
            [b[2], b[3]],
          ] as Extent)
        : null,
    )
    .catch(() => null);
  return fetchingExtent;
}

/** Frames the places (once) and shows them with the current filter. */
export function loadPlaces(): Promise<void> {
  residentState.loaded ??= (async () => {
    refreshMapPlaces();
    const bounds = await prefetchPlacesExtent();
    if (bounds && !residentState.near) getMap().fitBounds(bounds, { padding: 50, duration: 0, maxZoom: 13 });
  })();
  return residentState.loaded;
}

export function refreshMapPlaces(): void {
  setPlacesFilter(residentState.filter);
}

/** The first page of the places in the map's view that pass the filter (again only when view or filter changed). */
async function loadList(): Promise<void> {
  const b = getMap().getBounds();
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const { kinds, categories } = residentState.filter;
  const filter: PlaceFilter = {
    boundingBox: { west: round(b.getWest()), south: round(b.getSouth()), east: round(b.getEast()), north: round(b.getNorth()) },
    ...(kinds.length ? { kinds: [...kinds] } : {}),
    ...(categories.length ? { categories: [...categories] } : {}),
  };
  const key = JSON.stringify(filter);
  if (residentState.list?.key === key) return;
  const page = await request(PlacesInViewDocument, { filter, first: listPageSize });
  residentState.list = { key, filter, places: page.places.nodes, totalCount: page.places.totalCount, endCursor: nextCursor(page) };
}

function nextCursor(page: PlacesInViewResult): string | null {
  return page.places.pageInfo.hasNextPage ? page.places.pageInfo.endCursor : null;
}

async function loadMore(list: PlaceList): Promise<void> {
  if (!list.endCursor) return;
  const page = await request(PlacesInViewDocument, { filter: list.filter, first: listPageSize, after: list.endCursor });
  list.places.push(...page.places.nodes);
  list.endCursor = nextCursor(page);
}

function filterFromRoute(route: Route): PlaceFilterState {
  const list = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    value ? value.split(",").filter((v): v is T => (allowed as readonly string[]).includes(v)) : [];
  return { categories: list<RepairCategory>(route.params.cat, RepairCategoryValues), kinds: list<PlaceKind>(route.params.kinds, PlaceKindValues) };
}

function residentHash(filter: PlaceFilterState, near: Point | null, view: "" | "list" = ""): string {
  const params = new URLSearchParams();
  if (near) params.set("near", formatPointParam(near));
  if (filter.categories.length) params.set("cat", filter.categories.join(","));
  if (filter.kinds.length) params.set("kinds", filter.kinds.join(","));
  const q = params.toString();
  return `#/${view}${q ? `?${q}` : ""}`;
}

function go(hash: string): void {
  if (location.hash !== hash) location.hash = hash;
}

async function loadNearest(): Promise<void> {
  const { near, filter } = residentState;
  if (!near) return;
  const key = residentHash(filter, near);
  if (residentState.hitsFor === key && residentState.hits) return;
  const result = await request(NearestPlacesDocument, {
    near,
    first: 10,
    kinds: filter.kinds.length ? [...filter.kinds] : null,
    categories: filter.categories.length ? [...filter.categories] : null,
    now: new Date().toISOString(),
  });
  residentState.hits = result.nearestPlaces;
  residentState.hitsFor = key;
}

function categoryChips(filter: PlaceFilterState, near: Point | null, view: "" | "list"): HTMLElement {
  const chip = (category: RepairCategory | null) => {
    const pressed = category === null ? filter.categories.length === 0 : filter.categories.includes(category);
    return h(
      "button",
      {
        type: "button",
        class: "chip",
        "aria-pressed": pressed ? "true" : "false",
        ...categoryAttributes(category),
        onclick: () => {
          const categories = category === null ? [] : pressed ? filter.categories.filter((c) => c !== category) : [...filter.categories, category];
          go(residentHash({ ...filter, categories }, near, view));
        },
      },
      category === null ? t("resident.allCategories") : t(`category.${category}`),
    );
  };
  return h("div", { class: "chips", role: "group", "aria-label": t("resident.category") }, chip(null), ...RepairCategoryValues.map(chip));
}

function kindFilter(filter: PlaceFilterState, near: Point | null, view: "" | "list"): HTMLElement {
  return h(
    "details",
    { class: "kinds", open: filter.kinds.length > 0 },
    h("summary", {}, t("resident.kinds")),
    h(
      "ul",
      { class: "kind-list" },
      ...PlaceKindValues.map((kind) =>
        h(
          "li",
          {},
          h(
            "label",
            {},
            h("input", {
              type: "checkbox",
              value: kind,
              checked: filter.kinds.includes(kind),
              onchange: (event: Event) => {
                const checked = (event.target as HTMLInputElement).checked;
                const kinds = checked ? [...filter.kinds, kind] : filter.kinds.filter((k) => k !== kind);
                go(residentHash({ ...filter, kinds }, near, view));
              },
            }),
            h("span", { class: "swatch", style: `background:${kindColour(kind)}`, "aria-hidden": "true" }),
            t(`kind.${kind}`),
          ),
        ),
      ),
    ),
  );
}

function searchBox(filter: PlaceFilterState): HTMLElement {
  const results = h("div", { class: "search-results", id: "search-results" });
  const input = h("input", {
    type: "search",
    id: "search",
    placeholder: t("resident.searchPlaceholder"),
    autocomplete: "off",
    "aria-controls": "search-results",
  });
  let timer = 0;
  let serial = 0;
  const run = async () => {
    const query = input.value.trim();
    const mine = ++serial;
    if (query.length < 2) return results.replaceChildren();
    const [areas, places] = await Promise.all([
      request(SearchAreasDocument, { search: query, first: 6 }).catch((): SearchAreasResult => ({ areas: [] })),
      request(SearchPlacesDocument, { text: query }).catch(() => ({ places: { nodes: [] } })),
    ]);
    if (mine !== serial) return;
    const areaItems = areas.areas
      .filter((a) => a.level !== "SECTOR")
      .map((a) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              onclick: () => {
                fitGeometry(a.geometry);
                const c = getMap().getCenter();
                go(residentHash(filter, { longitude: c.lng, latitude: c.lat }));
                results.replaceChildren();
              },
            },
            `${a.name} `,
            h("small", {}, t(`planner.level.${a.level}`)),
          ),
        ),
      );
    const placeItems = places.places.nodes.map((p) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            onclick: () => {
              results.replaceChildren();
              go(`#/place/${encodeURIComponent(p.slug)}`);
            },
          },
          `${p.name} `,
          h("small", {}, `${t(`kind.${p.kind}`)} · ${p.address?.locality ?? ""}`),
        ),
      ),
    );
    results.replaceChildren(
      ...(areaItems.length + placeItems.length === 0 ? [h("p", {}, t("resident.searchNoResults", { query }))] : []),
      ...(areaItems.length ? [h("h3", {}, t("resident.searchAreas")), h("ul", {}, ...areaItems)] : []),
      ...(placeItems.length ? [h("h3", {}, t("resident.searchPlaces")), h("ul", {}, ...placeItems)] : []),
    );
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 250);
  });
  return h("div", { class: "search", role: "search" }, h("label", { for: "search" }, t("resident.searchLabel")), input, results);
}

function nearestList(now: Date): HTMLElement {
  const { hits, near } = residentState;
  if (!near) return h("p", { class: "hint" }, t("resident.clickHint"));
  if (!hits) return h("p", {}, t("common.loading"));
  if (hits.length === 0) return h("p", {}, t("resident.nearestEmpty"));
  return h(
    "section",
    { "aria-labelledby": "nearest-heading" },
    h("h2", { id: "nearest-heading" }, t("resident.nearestHeading")),
    h("p", { class: "muted" }, t("resident.nearestFrom", { point: formatPoint(near) }), " · ", t("resident.nearestCount", { count: hits.length })),
    h(
      "ol",
      { class: "nearest", id: "nearest-list" },
      ...hits.map((hit) => {
        const minutes = walkingMinutes(hit.distanceMeters);
        return h(
          "li",
          nearestAttributes(hit.place.id, hit.distanceMeters),
          h(
            "a",
            { href: `#/place/${encodeURIComponent(hit.place.slug)}`, class: "place-link", "aria-label": t("resident.showDetails", { name: hit.place.name }) },
            hit.place.name,
          ),
          h("span", { class: "kind-badge", style: `--kind:${kindColour(hit.place.kind)}` }, t(`kind.${hit.place.kind}`)),
          h("span", { class: "distance" }, formatDistance(hit.distanceMeters, locale()), minutes ? ` · ${t("resident.walk", { minutes })}` : ""),
          h("span", { class: `opening ${hit.place.isOpenAt ? "is-open" : ""}` }, openingText(hit.place, now)),
        );
      }),
    ),
  );
}

function placesInViewList(redraw: () => void): HTMLElement {
  const list = residentState.list;
  if (!list) return h("p", {}, t("common.loading"));
  const more = h("button", { type: "button", id: "more-places" }, t("resident.morePlaces", { count: list.totalCount - list.places.length }));
  more.addEventListener("click", () => {
    more.setAttribute("disabled", "");
    void loadMore(list).then(redraw, redraw);
  });
  return h(
    "section",
    { "aria-labelledby": "all-heading" },
    h("h2", { id: "all-heading" }, t("resident.allPlaces", { count: list.totalCount })),
    h(
      "table",
      { class: "place-table" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, t("resident.nameColumn")),
          h("th", { scope: "col" }, t("resident.kinds")),
          h("th", { scope: "col" }, t("details.address")),
        ),
      ),
      h(
        "tbody",
        {},
        ...list.places.map((p) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, h("a", { href: `#/place/${encodeURIComponent(p.slug)}` }, p.name)),
            h("td", {}, t(`kind.${p.kind}`)),
            h("td", {}, p.address?.locality ?? ""),
          ),
        ),
      ),
    ),
    ...(list.endCursor ? [more] : []),
  );
}

/** Renders the resident panel for `#/` and `#/list`. */
export async function renderResidents(panel: HTMLElement, route: Route): Promise<void> {
  const view = route.view === "list" ? "list" : "";
  const filter = filterFromRoute(route);
  const near = parsePoint(route.params.near);
  const filterChanged = JSON.stringify(filter) !== JSON.stringify(residentState.filter);
  residentState.filter = filter;
  const nearChanged = JSON.stringify(near) !== JSON.stringify(residentState.near);
  residentState.near = near;
  setSearchPoint(near);
  onMapClick((point) => go(residentHash(residentState.filter, point, view)));
  await loadPlaces();
  if (filterChanged) refreshMapPlaces();
  if (view === "list") await loadList();
  const draw = () => {
    const now = new Date();
    const locate = h("button", { type: "button", class: "primary", id: "near-me" }, t("resident.nearMe"));
    locate.addEventListener("click", () => {
      announce(t("resident.locating"));
      navigator.geolocation.getCurrentPosition(
        (position) => go(residentHash(residentState.filter, { longitude: position.coords.longitude, latitude: position.coords.latitude }, view)),
        () => announce(t("resident.geolocationFailed")),
        { timeout: 10000 },
      );
    });
    panel.replaceChildren(
      h("h1", {}, t("resident.heading")),
      categoryChips(filter, near, view),
      kindFilter(filter, near, view),
      h(
        "div",
        { class: "row" },
        locate,
        h(
          "a",
          { class: "button", href: view === "list" ? residentHash(filter, near) : residentHash(filter, near, "list") },
          view === "list" ? t("resident.mapView") : t("resident.listView"),
        ),
      ),
      searchBox(filter),
      view === "list" ? placesInViewList(draw) : nearestList(now),
    );
  };
  if (near && (nearChanged || filterChanged || !residentState.hits)) {
    residentState.hits = null;
    draw();
    await loadNearest();
    if (route.params.near && (nearChanged || filterChanged)) {
      const hits = (residentState.hits as Hit[] | null) ?? [];
      // keep the chosen point in the middle: fit the three nearest and their mirror images around it
      const around = hits
        .slice(0, 3)
        .flatMap(({ place: { coordinates: c } }) => [c, { longitude: 2 * near.longitude - c.longitude, latitude: 2 * near.latitude - c.latitude }]);
      fitPoints([near, ...around]);
    }
    announce(t("resident.nearestCount", { count: (residentState.hits as Hit[] | null)?.length ?? 0 }));
  }
  draw();
  if (residentState.hits) markOnce(benchMarks.nearestList);
}
