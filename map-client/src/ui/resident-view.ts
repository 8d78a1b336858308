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
import { language, locale, t } from "../i18n";
import { formatDistance, formatPoint, walkingMinutes } from "../lib/distance";
import { firstRadiusMeters, type NearestSort, selectNearest, sortHits } from "../lib/nearest-radius";
import { type PlaceFilterState, wheelchairValues } from "../lib/place-filter";
import { kindColour } from "../lib/place-style";
import { findRepairObjects, normalise } from "../lib/repair-objects";
import { repairObjects } from "../lib/repair-objects-data";
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

export const residentState: ResidentState = {
  filter: { categories: [], kinds: [], wheelchair: false },
  near: null,
  hits: null,
  hitsFor: "",
  list: null,
  loaded: null,
};

/** Places in the list view per request: one page, more on demand. */
const listPageSize = 50;

/**
 * Shows the places with the current filter (once). The map fetches only the tiles in view; there is
 * no fit to every place: the seed's Dutch places would pull the first view away from Flanders
 * (create-map frames Flanders and Brussels).
 */
export function loadPlaces(): Promise<void> {
  if (!residentState.loaded) {
    refreshMapPlaces();
    residentState.loaded = Promise.resolve();
  }
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
  const wheelchair = wheelchairValues(residentState.filter);
  const filter: PlaceFilter = {
    boundingBox: { west: round(b.getWest()), south: round(b.getSouth()), east: round(b.getEast()), north: round(b.getNorth()) },
    ...(kinds.length ? { kinds: [...kinds] } : {}),
    ...(categories.length ? { categories: [...categories] } : {}),
    ...(wheelchair ? { wheelchair } : {}),
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
  return {
    categories: list<RepairCategory>(route.params.cat, RepairCategoryValues),
    kinds: list<PlaceKind>(route.params.kinds, PlaceKindValues),
    wheelchair: route.params.access === "wheelchair",
  };
}

let currentSort: NearestSort = "distance";

function residentHash(filter: PlaceFilterState, near: Point | null, view: "" | "list" = "", sort: NearestSort = currentSort): string {
  const params = new URLSearchParams();
  if (near) params.set("near", formatPointParam(near));
  if (sort !== "distance") params.set("sort", sort);
  if (filter.categories.length) params.set("cat", filter.categories.join(","));
  if (filter.kinds.length) params.set("kinds", filter.kinds.join(","));
  if (filter.wheelchair) params.set("access", "wheelchair");
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
    // enough to widen the radius and to leave out another country's places (selectNearest)
    first: 50,
    kinds: filter.kinds.length ? [...filter.kinds] : null,
    categories: filter.categories.length ? [...filter.categories] : null,
    wheelchair: wheelchairValues(filter),
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

/** "Wheelchair accessible": a checkbox beside the kinds, its meaning (fully or partly) said under it and read with it. */
function wheelchairFilter(filter: PlaceFilterState, near: Point | null, view: "" | "list"): HTMLElement {
  return h(
    "div",
    { class: "wheelchair-filter" },
    h(
      "label",
      {},
      h("input", {
        type: "checkbox",
        id: "wheelchair-filter",
        checked: filter.wheelchair === true,
        "aria-describedby": "wheelchair-filter-hint",
        onchange: (event: Event) => go(residentHash({ ...filter, wheelchair: (event.target as HTMLInputElement).checked }, near, view)),
      }),
      t("resident.wheelchairFilter"),
    ),
    h("small", { id: "wheelchair-filter-hint", class: "muted" }, t("resident.wheelchairFilterHint")),
  );
}

function objectItems(query: string, filter: PlaceFilterState, near: Point | null, view: "" | "list", results: HTMLElement): HTMLElement[] {
  return findRepairObjects(repairObjects, query, language()).map(({ object, term }) => {
    const name = object[language()];
    const label = term === name ? name : `${term} (${name})`;
    return h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: "object-suggestion",
          "data-category": object.category,
          onclick: () => {
            results.replaceChildren();
            go(residentHash({ ...filter, categories: [object.category] }, near, view));
          },
        },
        t("resident.objectCategory", { object: label, category: t(`category.${object.category}`) }),
        " ",
        h("small", {}, t("resident.objectKinds", { kinds: object.kinds.map((k) => t(`kind.${k}`)).join(", ") })),
      ),
    );
  });
}

function searchBox(filter: PlaceFilterState, near: Point | null, view: "" | "list"): HTMLElement {
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
    const objects = objectItems(query, filter, near, view, results);
    // the area search is fuzzy ("toaster" ~ "Kaster"); once an object matched, keep only areas that hold the text
    const needle = normalise(query);
    const areaItems = areas.areas
      .filter((a) => a.level !== "SECTOR")
      .filter((a) => objects.length === 0 || normalise(a.name).includes(needle))
      .map((a) =>
        h(
          "li",
          {},
          h(
            "button",
            {
              type: "button",
              class: "area-suggestion",
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
      ...(objects.length + areaItems.length + placeItems.length === 0 ? [h("p", { role: "status" }, t("resident.searchNoResults", { query }))] : []),
      ...(objects.length ? [h("h3", {}, t("resident.searchObjects")), h("ul", {}, ...objects)] : []),
      ...(placeItems.length ? [h("h3", {}, t("resident.searchPlaces")), h("ul", {}, ...placeItems)] : []),
      ...(areaItems.length ? [h("h3", {}, t("resident.searchAreas")), h("ul", {}, ...areaItems)] : []),
    );
  };
  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 250);
  });
  return h("div", { class: "search", role: "search" }, h("label", { for: "search" }, t("resident.searchLabel")), input, results);
}

function sortChoice(): HTMLElement {
  const select = h(
    "select",
    { id: "nearest-sort" },
    h("option", { value: "distance", selected: currentSort === "distance" }, t("resident.sortDistance")),
    h("option", { value: "session", selected: currentSort === "session" }, t("resident.sortSession")),
  );
  select.addEventListener("change", () => go(residentHash(residentState.filter, residentState.near, "", select.value === "session" ? "session" : "distance")));
  return h("div", { class: "sort" }, h("label", { for: "nearest-sort" }, t("resident.sortLabel")), select);
}

function nearestList(now: Date): HTMLElement {
  const { hits: all, near } = residentState;
  if (!near) return h("p", { class: "hint" }, t("resident.clickHint"));
  if (!all) return h("p", {}, t("common.loading"));
  if (all.length === 0) return h("p", { role: "status" }, t("resident.nearestEmpty"));
  const selection = selectNearest(all);
  const hits = sortHits(selection.hits, currentSort);
  return h(
    "section",
    { "aria-labelledby": "nearest-heading", class: "nearest-section" },
    h("h2", { id: "nearest-heading", tabindex: "-1" }, t("resident.nearestHeading")),
    selection.widened && selection.nearestMeters !== null
      ? h(
          "p",
          { class: "widened" },
          t("resident.widened", {
            first: formatDistance(firstRadiusMeters, locale()),
            nearest: formatDistance(selection.nearestMeters, locale()),
            radius: formatDistance(selection.radiusMeters, locale()),
          }),
        )
      : null,
    h("p", { class: "muted" }, t("resident.nearestFrom", { point: formatPoint(near) }), " · ", nearestSummary(selection.hits.length)),
    sortChoice(),
    h(
      "ol",
      { class: "nearest", id: "nearest-list" },
      ...hits.map((hit) => {
        const minutes = walkingMinutes(hit.distanceMeters);
        const unconfirmed = hit.place.upcomingSessions[0]?.isVerified === false;
        return h(
          "li",
          nearestAttributes(hit.place.id, hit.distanceMeters),
          h(
            "a",
            { href: `#/place/${encodeURIComponent(hit.place.slug)}`, class: "place-link", "aria-label": t("resident.showDetails", { name: hit.place.name }) },
            hit.place.name,
          ),
          h(
            "span",
            { class: "badges" },
            h("span", { class: "kind-badge", style: `--kind:${kindColour(hit.place.kind)}` }, t(`kind.${hit.place.kind}`)),
            unconfirmed ? h("span", { class: "unconfirmed-badge", title: t("resident.unconfirmedTitle") }, t("details.unconfirmed")) : null,
            hit.place.wheelchair === "YES" || hit.place.wheelchair === "LIMITED"
              ? h("span", { class: `wheelchair-badge wheelchair-${hit.place.wheelchair.toLowerCase()}` }, t(`resident.wheelchairBadge.${hit.place.wheelchair}`))
              : null,
          ),
          h("span", { class: "distance" }, formatDistance(hit.distanceMeters, locale()), minutes ? ` · ${t("resident.walk", { minutes })}` : ""),
          h("span", { class: `opening ${hit.place.isOpenAt ? "is-open" : ""}` }, openingText(hit.place, now)),
        );
      }),
    ),
  );
}

/** "3 places found, nearest first" or "… soonest session first", as shown and as announced. */
function nearestSummary(count: number): string {
  return t(currentSort === "session" ? "resident.nearestCountSession" : "resident.nearestCount", { count });
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
    h("h2", { id: "all-heading", tabindex: "-1" }, t("resident.allPlaces", { count: list.totalCount })),
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

let statusMessage = "";

/** A visible status line that is also a live region: what is seen is heard, and the other way round. */
function showStatus(element: HTMLElement, message: string): void {
  statusMessage = message;
  element.className = message ? "hint" : "visually-hidden";
  element.textContent = message;
}

/** A selector that finds the focused control again after the panel is rebuilt, or null. */
function focusKey(active: Element | null, panel: HTMLElement): string | null {
  if (!(active instanceof HTMLElement) || !panel.contains(active)) return null;
  if (active.id) return `#${CSS.escape(active.id)}`;
  const category = active.getAttribute("data-category");
  if (category && active.classList.contains("chip")) return `.chip[data-category="${category}"]`;
  if (active instanceof HTMLInputElement && active.type === "checkbox") return `.kind-list input[value="${active.value}"]`;
  return null;
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
  currentSort = route.params.sort === "session" ? "session" : "distance";
  const draw = () => {
    const now = new Date();
    const restore = focusKey(document.activeElement, panel);
    const status = h("p", { id: "resident-status", role: "status", class: statusMessage ? "hint" : "visually-hidden" }, statusMessage);
    const locate = h("button", { type: "button", class: "primary", id: "near-me" }, t("resident.nearMe"));
    locate.addEventListener("click", () => {
      showStatus(status, t("resident.locating"));
      navigator.geolocation.getCurrentPosition(
        (position) => {
          showStatus(status, "");
          go(residentHash(residentState.filter, { longitude: position.coords.longitude, latitude: position.coords.latitude }, view));
        },
        () => showStatus(status, t("resident.geolocationFailed")),
        { timeout: 10000 },
      );
    });
    panel.replaceChildren(
      h("h1", {}, t("resident.heading")),
      categoryChips(filter, near, view),
      kindFilter(filter, near, view),
      wheelchairFilter(filter, near, view),
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
      status,
      searchBox(filter, near, view),
      view === "list" ? placesInViewList(draw) : nearestList(now),
    );
    // the panel was rebuilt: put focus back on the control the resident used (a chip, a checkbox, the sort)
    if (restore) panel.querySelector<HTMLElement>(restore)?.focus();
  };
  let focusResults = false;
  if (near && (nearChanged || filterChanged || !residentState.hits)) {
    residentState.hits = null;
    draw();
    await loadNearest();
    if (route.params.near && (nearChanged || filterChanged)) {
      const hits = selectNearest((residentState.hits as Hit[] | null) ?? []).hits;
      // keep the chosen point in the middle: fit the three nearest and their mirror images around it
      const around = hits
        .slice(0, 3)
        .flatMap(({ place: { coordinates: c } }) => [c, { longitude: 2 * near.longitude - c.longitude, latitude: 2 * near.latitude - c.latitude }]);
      fitPoints([near, ...around]);
    }
    const selection = selectNearest((residentState.hits as Hit[] | null) ?? []);
    const widened =
      selection.widened && selection.nearestMeters !== null
        ? `${t("resident.widened", {
            first: formatDistance(firstRadiusMeters, locale()),
            nearest: formatDistance(selection.nearestMeters, locale()),
            radius: formatDistance(selection.radiusMeters, locale()),
          })} `
        : "";
    announce(widened + (selection.hits.length ? nearestSummary(selection.hits.length) : t("resident.nearestEmpty")));
    // a new point (map click, "near me", a neighbourhood): the results are what changed
    focusResults = nearChanged;
  }
  draw();
  if (focusResults) {
    const heading = panel.querySelector<HTMLElement>(view === "list" ? "#all-heading" : "#nearest-heading");
    heading?.focus({ preventScroll: true });
    // to the top of the panel (on a phone the bottom sheet), so the results below the heading show
    heading?.scrollIntoView({ block: "start" });
  }
  draw();
  if (residentState.hits) markOnce(benchMarks.nearestList);
}
