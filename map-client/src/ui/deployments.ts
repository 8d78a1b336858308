// "Where does the mobile give-box stand on this date?": its confirmed deployments that day, on the map.
import { request } from "../api/graphql-client";
import { type BookableResourcesResult, ResourceDeploymentsDocument } from "../graphql/generated";
import { locale, t } from "../i18n";
import { addBrusselsDays, brusselsDate, brusselsLocalToInstant, formatDateTime, formatLongDate } from "../lib/time";
import { fitPoints, setSourceData } from "../map/create-map";
import { h } from "./dom";

export function renderDeployments(resources: BookableResourcesResult | null): HTMLElement | null {
  const mobile = (resources?.places.nodes ?? []).flatMap((p) => p.resources).filter((r) => r.isMobile);
  if (mobile.length === 0) return null;
  const select = h(
    "select",
    { id: "deployment-resource", "aria-label": t("org.resource") },
    ...mobile.map((r) => h("option", { value: r.id, selected: r.kind === "MOBILE_GIVE_BOX" }, r.name)),
  );
  const date = h("input", { type: "date", id: "deployment-date", value: brusselsDate(new Date()) });
  const result = h("div", { id: "deployment-result", "aria-live": "polite" });
  const show = async () => {
    if (!date.value) return;
    const from = brusselsLocalToInstant(`${date.value}T00:00`);
    const to = addBrusselsDays(from, 1);
    try {
      const { resource } = await request(ResourceDeploymentsDocument, { id: select.value, from: from.toISOString(), to: to.toISOString() });
      if (!resource) return;
      const day = formatLongDate(from, locale());
      setSourceData("deployments", {
        type: "FeatureCollection",
        features: resource.deployments.map((d) => ({
          type: "Feature",
          properties: { address: d.address ?? "" },
          geometry: { type: "Point", coordinates: [d.coordinates.longitude, d.coordinates.latitude] },
        })),
      });
      if (resource.deployments.length === 0) {
        result.replaceChildren(h("p", {}, t("org.standsHome", { date: day, address: resource.homePlace.address?.formatted ?? "" })));
        fitPoints([resource.homePlace.coordinates], 14);
      } else {
        result.replaceChildren(
          h(
            "ul",
            {},
            ...resource.deployments.map((d) =>
              h(
                "li",
                {},
                t("org.standsAt", {
                  date: `${formatDateTime(new Date(d.start), locale())} – ${formatDateTime(new Date(d.end), locale())}`,
                  address: d.address ?? `${d.coordinates.latitude.toFixed(5)}, ${d.coordinates.longitude.toFixed(5)}`,
                }),
              ),
            ),
          ),
        );
        fitPoints(
          resource.deployments.map((d) => d.coordinates),
          15,
        );
      }
      result.scrollIntoView({ block: "nearest" });
    } catch {
      result.replaceChildren(h("p", { class: "error" }, t("org.deploymentsUnavailable")));
    }
  };
  const button = h("button", { type: "button", id: "deployment-show" }, t("common.search"));
  button.addEventListener("click", () => void show());
  return h(
    "section",
    { "aria-labelledby": "deployment-heading" },
    h("h2", { id: "deployment-heading" }, t("org.whereStands")),
    h("div", { class: "row" }, select, h("label", {}, `${t("org.onDate")} `, date), button),
    result,
  );
}
