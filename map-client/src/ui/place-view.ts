// The details panel of one place: address, hours, requirements, upcoming sessions, add to calendar.
import { request } from "../api/graphql-client";
import { PlaceBySlugDocument, PlaceDetailsDocument, type PlaceDetailsResult, PlacesAtSpotDocument } from "../graphql/generated";
import { language, locale, type MessageKey, t } from "../i18n";
import { routeLinks } from "../lib/directions";
import { describeApproximation } from "../lib/location-note";
import { kindColour } from "../lib/place-style";
import { formatPointParam } from "../lib/route";
import { formatDateTime, formatTime } from "../lib/time";
import { getMap, onMapClick, setSourceData } from "../map/create-map";
import { h } from "./dom";
import { openingText } from "./format";

type Place = NonNullable<PlaceDetailsResult["place"]>;

/** The id in an iCalendar URL is the uuid inside the global id (base64 of `Place:uuid` or `Session:uuid`). */
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

function approximationText(note: string | null): string {
  const approximation = describeApproximation(note);
  if (approximation.kind === "area") return t("details.approxArea", { area: approximation.area });
  if (approximation.kind === "town") return t("details.approxTown", { town: approximation.town });
  return t("details.approxNear");
}

function addressSection(place: Place): HTMLElement {
  const address = place.address;
  const country = address && address.countryCode !== "BE" ? new Intl.DisplayNames([locale()], { type: "region" }).of(address.countryCode) : null;
  const line = [address?.street ?? t("details.noStreet"), [address?.postalCode, address?.locality].filter(Boolean).join(" "), country]
    .filter(Boolean)
    .join(", ");
  return section(
    t("details.address"),
    h("p", { class: "address-line" }, line),
    place.locationPrecision === "APPROXIMATE" ? h("p", { class: "muted" }, approximationText(place.locationNote)) : null,
  );
}

function routeSection(place: Place): HTMLElement {
  const links = routeLinks(place.coordinates, place.name);
  return section(
    t("details.route"),
    h(
      "ul",
      { class: "route-links" },
      h("li", {}, h("a", { class: "button primary", id: "route-geo", href: links.geo }, t("details.routeGeo"))),
      h("li", {}, h("a", { class: "button", id: "route-osm", href: links.openStreetMap, rel: "noopener", target: "_blank" }, t("details.routeOsm"))),
      h("li", {}, h("a", { class: "button", id: "route-google", href: links.googleMaps, rel: "noopener", target: "_blank" }, t("details.routeGoogle"))),
    ),
    place.locationPrecision === "APPROXIMATE" ? h("p", { class: "muted small" }, t("details.routeNote")) : null,
  );
}

function hoursSection(place: Place, now: Date): HTMLElement {
  const hours = place.openingHours;
  const state = h("p", { class: `opening ${place.isOpenAt ? "is-open" : ""}` }, openingText(place, now));
  if (hours) {
    return section(
      t("details.hours"),
      state,
      h(
        "table",
        { class: "hours" },
        h("tbody", {}, ...hours.weekly.map((w) => h("tr", {}, h("th", { scope: "row" }, t(`day.${w.day}`)), h("td", {}, `${w.opens}–${w.closes}`)))),
      ),
      h("p", { class: "muted small" }, hours.raw),
      hours.isComplete ? null : h("p", { class: "muted" }, t("details.hoursIncomplete")),
    );
  }
  if (place.upcomingSessions.length) return section(t("details.hours"), state, h("p", { class: "muted" }, t("details.hoursFromSessions")));
  return section(t("details.hours"), h("p", {}, t("open.unknown")));
}

function sessionsSection(place: Place): HTMLElement {
  if (place.upcomingSessions.length === 0) return section(t("details.sessions"), h("p", {}, t("details.noSessions")));
  return section(
    t("details.sessions"),
    h(
      "ul",
      { class: "sessions" },
      ...place.upcomingSessions.map((s) => {
        const when = `${formatDateTime(new Date(s.start), locale())}–${formatTime(new Date(s.end), locale())}`;
        return h(
          "li",
          {},
          h("span", {}, `${when} · ${s.title}`, s.isVerified ? "" : ` (${t("details.unconfirmed")})`),
          " ",
          h(
            "a",
            {
              class: "button small add-session",
              href: `/calendar/sessions/${placeUuid(s.id)}.ics`,
              download: `${place.slug}-${s.start.slice(0, 10)}.ics`,
              "aria-label": t("details.addSessionLabel", { title: s.title, when }),
            },
            t("details.addSession"),
          ),
        );
      }),
    ),
    h(
      "p",
      {},
      h("a", { id: "add-to-calendar", href: `/calendar/places/${placeUuid(place.id)}.ics`, download: `${place.slug}.ics` }, t("details.subscribeAll")),
    ),
  );
}

function contactSection(place: Place): HTMLElement {
  return section(
    t("details.contact"),
    h(
      "ul",
      { class: "contact" },
      place.phone ? h("li", {}, `${t("details.phone")}: `, h("a", { href: `tel:${place.phone.replace(/[^+\d]/g, "")}` }, place.phone)) : null,
      place.email ? h("li", {}, `${t("details.email")}: `, h("a", { href: `mailto:${place.email}` }, place.email)) : null,
      place.website ? h("li", {}, h("a", { href: place.website, rel: "noopener", target: "_blank" }, t("details.website"))) : null,
      place.organisation ? h("li", {}, `${t("details.organisation")}: ${place.organisation.name}`) : null,
      h("li", { class: `wheelchair wheelchair-${place.wheelchair.toLowerCase()}` }, `${t("details.wheelchair")}: ${t(`wheelchair.${place.wheelchair}`)}`),
      h("li", {}, `${t("details.languages")}: ${place.languages.join(", ").toUpperCase()}`),
    ),
  );
}

function description(place: Place): HTMLElement | null {
  if (!place.description) return null;
  const other = place.descriptionLanguage && place.descriptionLanguage !== language() ? place.descriptionLanguage : null;
  const known = other === "nl" || other === "fr" || other === "en";
  return h(
    "div",
    { class: "description" },
    h("p", other ? { lang: other } : {}, place.description),
    known ? h("p", { class: "muted small fallback-language" }, t("details.descriptionFallback", { language: t(`lang.${other}`) })) : null,
  );
}

type SpotNeighbour = { id: string; slug: string; name: string; kind: string };

/** The other places at this point: the keyboard and list path to places whose markers overlap. */
function sameSpotSection(others: readonly SpotNeighbour[]): HTMLElement | null {
  if (others.length === 0) return null;
  return section(
    t("details.sameSpot"),
    h(
      "ul",
      { class: "same-spot" },
      ...others.map((o) =>
        h("li", {}, h("a", { href: `#/place/${encodeURIComponent(o.slug)}` }, o.name), " ", h("small", { class: "muted" }, t(`kind.${o.kind}` as MessageKey))),
      ),
    ),
  );
}

function render(panel: HTMLElement, place: Place, others: readonly SpotNeighbour[]): void {
  const now = new Date();
  panel.replaceChildren(
    h("a", { href: "#/", class: "back" }, `← ${t("common.back")}`),
    h(
      "article",
      { class: "details", "aria-labelledby": "place-name" },
      h("h1", { id: "place-name", tabindex: "-1" }, place.name),
      h(
        "p",
        {},
        h("span", { class: "kind-badge", style: `--kind:${kindColour(place.kind)}` }, t(`kind.${place.kind}`)),
        " ",
        h("span", { class: `opening ${place.isOpenAt ? "is-open" : ""}` }, openingText(place, now)),
      ),
      description(place),
      sameSpotSection(others),
      addressSection(place),
      routeSection(place),
      place.categories.length
        ? section(t("details.repairs"), h("ul", { class: "inline-list" }, ...place.categories.map((c) => h("li", {}, t(`category.${c}`)))))
        : null,
      hoursSection(place, now),
      sessionsSection(place),
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
      contactSection(place),
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
  const place = id ? (await request(PlaceDetailsDocument, { id, now: new Date().toISOString(), language: language() })).place : null;
  if (!place) {
    panel.replaceChildren(h("a", { href: "#/", class: "back" }, `← ${t("common.back")}`), h("p", {}, t("resident.searchNoResults", { query: slugOrId })));
    return;
  }
  const spot = await request(PlacesAtSpotDocument, { near: place.coordinates });
  render(
    panel,
    place,
    spot.nearestPlaces.map((hit) => hit.place).filter((p) => p.id !== place.id),
  );
  highlight(place);
  const map = getMap();
  map.easeTo({ center: [place.coordinates.longitude, place.coordinates.latitude], zoom: Math.max(map.getZoom(), 15), duration: 0 });
  panel.querySelector<HTMLElement>("#place-name")?.focus();
}

export function clearPlaceHighlight(): void {
  highlight(null);
}
