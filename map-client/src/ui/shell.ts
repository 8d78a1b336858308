// The page frame: header with navigation and language switcher, the side panel and the map.
import { type Language, language, languages, setLanguage, t } from "../i18n";
import { h } from "./dom";

export type Shell = { panel: HTMLElement; mapContainer: HTMLElement; setActive: (view: string) => void; rerenderChrome: () => void };

export function buildShell(root: HTMLElement): Shell {
  const nav = h("nav", { "aria-label": "MakerMap" });
  const languageSelect = h("select", { id: "language", "aria-label": t("nav.language") });
  const header = h(
    "header",
    { class: "topbar" },
    h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, "⚒"), h("span", { class: "brand-text" }, "MakerMap")),
    nav,
    languageSelect,
  );
  const panel = h("aside", { id: "panel", class: "panel", tabindex: "-1" });
  const mapContainer = h("div", { id: "map", class: "map", role: "region" });
  const live = h("div", { id: "live-region", class: "visually-hidden", "aria-live": "polite", role: "status" });
  root.append(header, h("main", { class: "layout" }, panel, mapContainer), live);
  let active = "residents";

  const rerenderChrome = () => {
    const links: [view: string, href: string, label: string][] = [
      ["residents", "#/", t("nav.residents")],
      ["organisation", "#/organisation", t("nav.organisations")],
      ["planner", "#/planner", t("nav.planners")],
    ];
    nav.replaceChildren(...links.map(([view, href, label]) => h("a", { href, "aria-current": view === active ? "page" : null, "data-view": view }, label)));
    languageSelect.replaceChildren(...languages.map((l) => h("option", { value: l, selected: l === language() }, l.toUpperCase())));
    languageSelect.setAttribute("aria-label", t("nav.language"));
    mapContainer.setAttribute("aria-label", t("map.label"));
    const skip = document.querySelector(".skip-link");
    if (skip) skip.textContent = t("app.skip");
    document.title = `MakerMap — ${t("app.tagline")}`;
  };
  languageSelect.addEventListener("change", () => setLanguage(languageSelect.value as Language));
  rerenderChrome();
  return {
    panel,
    mapContainer,
    setActive: (view) => {
      active = view === "place" || view === "list" ? "residents" : view;
      rerenderChrome();
    },
    rerenderChrome,
  };
}
