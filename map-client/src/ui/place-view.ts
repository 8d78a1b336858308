// The details panel of one place: address, hours, requirements, upcoming sessions, add to calendar.
import { request } from "../api/graphql-client";
import { PlaceBySlugDocument, PlaceDetailsDocument, type PlaceDetailsResult } from "../graphql/generated";
import { locale, t } from "../i18n";
import { kindColour } from "../lib/place-style";
import { formatPointParam } from "../lib/route";
import { formatDateTime, formatTime } from "../lib/time";
import { getMap, onMapClick, setSourceData } from "../map/create-map";
import { h } from "./dom";
import { openingText } from "./format";

type Place = NonNullable<PlaceDetailsResult["place"]>;

/** The place id in the iCalendar URL is the uuid inside the global id (base64 of `Place:uuid`). */
export function placeUuid(globalId: string): string {
  const decoded = atob(globalId);
  return decoded.slice(decoded.indexOf(":") + 1);
}

function isPlaceGlobalId(text: string): boolean {
  try {
    return atob(text).startsWith("Place:");
  } catch {
    return false;
  }
}

function highlight(place: { kind: string; coordinates: { longitude: number; latitude: number } } | null): void {
  setSourceData("selected-place", {
    type: "FeatureCollection",
    features: place
      ? [
          {
            type: "Feature",
            properties: { kind: place.kind },
            geometry: { type: "Point", coordinates: [place.coordinates.longitude, place.coordinates.latitude] },
          },
        ]
      : [],
  });
}

function section(title: string, ...content: (Node | string | null)[]): HTMLElement {
  return h("section", {}, h("h2", {}, title), ...content.filter((c): c is Node | string => c !== null));
}

function render(panel: HTMLElement, place: Place): void {
  const now = new Date();
  const hours = place.openingHours;
  panel.replaceChildren(
    h("a", { href: "#/", class: "back" }, `← ${t("common.back")}`),
    h(
      "article",
      { class: "details", "aria-labelledby": "place-name" },
      h("h1", { id: "place-name" }, place.name),
      h(
        "p",
        {},
        h("span", { class: "kind-badge", style: `--kind:${kindColour(place.kind)}` }, t(`kind.${place.kind}`)),
        " ",
        h("span", { class: `opening ${place.isOpenAt ? "is-open" : ""}` }, openingText(place, now)),
      ),
      place.description ? h("p", {}, place.description) : null,
      section(
        t("details.address"),
        h("p", {}, place.address?.formatted ?? "—"),
        place.locationPrecision === "APPROXIMATE"
          ? h("p", { class: "muted" }, `${t("details.approximate")}${place.locationNote ? `: ${place.locationNote}` : ""}`)
          : null,
      ),
      place.categories.length
        ? section(t("details.repairs"), h("ul", { class: "inline-list" }, ...place.categories.map((c) => h("li", {}, t(`category.${c}`)))))
        : null,
      section(
        t("details.hours"),
        hours
          ? h(
              "div",
              {},
              h("ul", { class: "hours" }, ...hours.weekly.map((w) => h("li", {}, `${t(`day.${w.day}`)}: ${w.opens}–${w.closes}`))),
              h("p", { class: "muted" }, hours.raw),
              hours.isComplete ? null : h("p", { class: "muted" }, t("details.hoursIncomplete")),
            )
          : h("p", {}, t("open.unknown")),
      ),
      section(
        t("details.sessions"),
        place.upcomingSessions.length
          ? h(
              "ul",
              { class: "sessions" },
              ...place.upcomingSessions.map((s) =>
                h("li", {}, `${formatDateTime(new Date(s.start), locale())}–${formatTime(new Date(s.end), locale())} · ${s.title}`),
              ),
            )
          : h("p", {}, t("details.noSessions")),
        h(
          "a",
          { class: "button", id: "add-to-calendar", href: `/calendar/places/${placeUuid(place.id)}.ics`, download: `${place.slug}.ics` },
          t("details.addToCalendar"),
        ),
      ),
      place.resources.length
        ? section(
            t("details.resources"),
            h(
              "ul",
              {},
              ...place.resources.map((r) =>
                h(
                  "li",
                  {},
                  h("a", { href: `#/organisation/${encodeURIComponent(r.id)}` }, r.name),
                  r.requirements.length
                    ? h("ul", { class: "muted" }, ...r.requirements.map((q) => h("li", {}, `${t("details.requirements")}: ${q.description}`)))
                    : null,
                ),
              ),
            ),
          )
        : null,
      section(
        t("details.contact"),
        h(
          "ul",
          { class: "contact" },
          place.website ? h("li", {}, h("a", { href: place.website, rel: "noopener", target: "_blank" }, t("details.website"))) : null,
          place.email ? h("li", {}, h("a", { href: `mailto:${place.email}` }, place.email)) : null,
          place.phone ? h("li", {}, h("a", { href: `tel:${place.phone}` }, place.phone)) : null,
          place.organisation ? h("li", {}, `${t("details.organisation")}: ${place.organisation.name}`) : null,
          h("li", {}, `${t("details.wheelchair")}: ${t(`wheelchair.${place.wheelchair}`)}`),
          h("li", {}, `${t("details.languages")}: ${place.languages.join(", ").toUpperCase()}`),
        ),
      ),
      h("p", {}, h("a", { class: "button", href: `#/?near=${formatPointParam(place.coordinates)}` }, t("details.routeFromHere"))),
      h("p", { class: "muted small" }, t("details.source", { source: `${place.source.title} (${place.source.licence}) — ${place.source.attribution}` })),
    ),
  );
}

export async function renderPlace(panel: HTMLElement, slugOrId: string): Promise<void> {
  onMapClick(null);
  panel.replaceChildren(h("p", {}, t("common.loading")));
  let id = slugOrId;
  if (!isPlaceGlobalId(slugOrId)) {
    id = (await request(PlaceBySlugDocument, { slug: slugOrId })).placeBySlug?.id ?? "";
  }
  const place = id ? (await request(PlaceDetailsDocument, { id, now: new Date().toISOString() })).place : null;
  if (!place) {
    panel.replaceChildren(h("a", { href: "#/", class: "back" }, `← ${t("common.back")}`), h("p", {}, t("resident.searchNoResults", { query: slugOrId })));
    return;
  }
  render(panel, place);
  highlight(place);
  const map = getMap();
  map.easeTo({ center: [place.coordinates.longitude, place.coordinates.latitude], zoom: Math.max(map.getZoom(), 15), duration: 0 });
  panel.querySelector<HTMLElement>("#place-name")?.focus();
}

export function clearPlaceHighlight(): void {
  highlight(null);
}
