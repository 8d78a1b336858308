// The legend of place kinds on the map: the same pictograms as the markers, folded into a
// <details> so it stays one click (or Enter) away and does not cover a phone's map.
import type { IControl } from "maplibre-gl";

import { type PlaceKind, PlaceKindValues } from "../graphql/generated";
import { kindStyles } from "../lib/place-style";

const svgNamespace = "http://www.w3.org/2000/svg";

function pictogram(kind: PlaceKind): SVGSVGElement {
  const svg = document.createElementNS(svgNamespace, "svg");
  svg.setAttribute("viewBox", "0 0 30 30");
  svg.setAttribute("width", "20");
  svg.setAttribute("height", "20");
  svg.setAttribute("aria-hidden", "true");
  const circle = document.createElementNS(svgNamespace, "circle");
  circle.setAttribute("cx", "15");
  circle.setAttribute("cy", "15");
  circle.setAttribute("r", "13");
  circle.setAttribute("fill", kindStyles[kind].colour);
  const path = document.createElementNS(svgNamespace, "path");
  path.setAttribute("d", kindStyles[kind].path);
  path.setAttribute("fill", "#fff");
  path.setAttribute("fill-rule", "evenodd");
  path.setAttribute("transform", "translate(5 5) scale(0.8333)");
  svg.append(circle, path);
  return svg;
}

export class LegendControl implements IControl {
  private readonly container = document.createElement("details");

  constructor(private readonly labels: () => { title: string; kind: (kind: PlaceKind) => string }) {
    this.container.className = "maplibregl-ctrl maplibregl-ctrl-group map-legend";
  }

  onAdd(): HTMLElement {
    this.render();
    return this.container;
  }

  onRemove(): void {
    this.container.remove();
  }

  /** Redraws the texts (after a language change); keeps it open or folded. */
  render(): void {
    const { title, kind } = this.labels();
    const summary = document.createElement("summary");
    summary.textContent = title;
    const list = document.createElement("ul");
    for (const k of PlaceKindValues) {
      const item = document.createElement("li");
      item.append(pictogram(k), document.createTextNode(kind(k)));
      list.append(item);
    }
    this.container.replaceChildren(summary, list);
  }
}
