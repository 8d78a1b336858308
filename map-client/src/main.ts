// Bootstrap only: language, page frame, map, then the view named by the URL hash.
import "./styles.css";

import { initLanguage, onLanguageChange, t } from "./i18n";
import { parseRoute } from "./lib/route";
import { createMap, getMap, installClickRouting, setLayerVisible, setSpotChooserLabel } from "./map/create-map";
import { LegendControl } from "./map/legend";
import { markViewBusy, markViewReady } from "./test-hooks";
import { h } from "./ui/dom";
import { leaveOrganisation, renderOrganisation } from "./ui/organisation-view";
import { clearPlaceHighlight, renderPlace } from "./ui/place-view";
import { leavePlanner, renderPlanner } from "./ui/planner-view";
import { loadPlaces, renderResidents } from "./ui/resident-view";
import { buildShell } from "./ui/shell";

initLanguage();
const shell = buildShell(document.getElementById("app")!);
let serial = 0;

async function route(): Promise<void> {
  const mine = ++serial;
  const current = parseRoute(location.hash);
  shell.setActive(current.view);
  markViewBusy(current.view);
  if (current.view !== "place") clearPlaceHighlight();
  if (current.view !== "organisation") leaveOrganisation();
  if (current.view !== "planner") leavePlanner();
  setLayerVisible("deployments", current.view === "organisation");
  try {
    switch (current.view) {
      case "place":
        await renderPlace(shell.panel, current.id ?? "");
        break;
      case "organisation":
        await renderOrganisation(shell.panel, current);
        break;
      case "planner":
        await renderPlanner(shell.panel, current);
        break;
      default:
        await renderResidents(shell.panel, current);
    }
  } catch (error) {
    shell.panel.replaceChildren(h("p", { class: "error", role: "alert" }, t("common.error", { message: (error as Error).message })));
  }
  if (mine === serial) markViewReady();
}

async function start(): Promise<void> {
  await createMap(shell.mapContainer, t("map.attribution"));
  setSpotChooserLabel((count) => t("map.spotChooser", { count }));
  const legend = new LegendControl(() => ({ title: t("map.legend"), kind: (kind) => t(`kind.${kind}`) }));
  getMap().addControl(legend, "top-left");
  installClickRouting((_id, slug) => {
    location.hash = `#/place/${encodeURIComponent(slug)}`;
  });
  window.addEventListener("hashchange", () => void route());
  onLanguageChange(() => {
    shell.rerenderChrome();
    legend.render();
    void route();
  });
  void loadPlaces();
  await route();
}

void start();
