// Colour and pictogram per PlaceKind. Pictograms are 24×24 SVG path data drawn on a canvas at
// run time (map/icons.ts), so no sprite sheet has to be fetched.
import type { PlaceKind } from "../graphql/generated";

export type KindStyle = { colour: string; path: string };

export const kindStyles: Record<PlaceKind, KindStyle> = {
  // a wrench
  REPAIR_CAFE: { colour: "#d7301f", path: "M14.7 6.3a4 4 0 0 0-5.4 5.3L4 17l3 3 5.4-5.3a4 4 0 0 0 5.3-5.4l-2.5 2.5-2.4-.6-.6-2.4z" },
  // a shop front
  REPAIR_SHOP: { colour: "#7a0177", path: "M4 9l1.5-5h13L20 9v1a2.5 2.5 0 0 1-4 2 2.5 2.5 0 0 1-4 0 2.5 2.5 0 0 1-4 0 2.5 2.5 0 0 1-4-2zM5 13h14v7H5z" },
  // a cog
  MAKER_SPACE: {
    colour: "#2b8cbe",
    path: "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm-1-5h2l.5 2.5 2 .8 2.1-1.4 1.4 1.4-1.4 2.1.8 2L21 11v2l-2.5.5-.8 2 1.4 2.1-1.4 1.4-2.1-1.4-2 .8L13 21h-2l-.5-2.5-2-.8-2.1 1.4-1.4-1.4 1.4-2.1-.8-2L3 13v-2l2.5-.5.8-2-1.4-2.1 1.4-1.4 2.1 1.4 2-.8z",
  },
  // a gift box
  GIVE_BOX: { colour: "#238b45", path: "M4 10h16v3H4zM5 13h14v8H5zM11 10h2v11h-2zM12 10c-2-4-6-4-5-1 1 2 5 1 5 1zm0 0c2-4 6-4 5-1-1 2-5 1-5 1z" },
  // scissors
  SEWING_ATELIER: {
    colour: "#dd3497",
    path: "M6 4a3 3 0 1 0 2.6 4.5L11 11l-2.4 2.5A3 3 0 1 0 10 15l2-2 6 6h2v-1L9.6 8.6A3 3 0 0 0 6 4zm0 2a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm0 10a1 1 0 1 1 0 2 1 1 0 0 1 0-2zm8-5l6-6h-2l-5 5z",
  },
  // circular arrows
  REUSE_CENTRE: {
    colour: "#ec7014",
    path: "M12 4a8 8 0 0 1 7.4 5H22l-3.5 4L15 9h2.2A5.5 5.5 0 0 0 7 9.5L4.8 8.3A8 8 0 0 1 12 4zM4.6 11H2l3.5 4L9 11H6.8a5.5 5.5 0 0 0 10.2 3.5l2.2 1.2A8 8 0 0 1 4.6 11z",
  },
  // a hammer
  TOOL_LIBRARY: { colour: "#8c6d31", path: "M13 3l6 6-2 2-1.5-1.5L8 17l-3 3-2-2 3-3 7.5-7.5L12 6z" },
  // a bicycle
  BICYCLE_WORKSHOP: {
    colour: "#0868ac",
    path: "M5.5 11a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zm13-2a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zm0 2a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5zM11 7h3l1 2h-3.6l-1.9 4.6 1.9 2.4H9.5L8 14l2.6-6zM15 9l3.3 6.5-1.7.9L13.8 11z",
  },
  // a dot
  OTHER: { colour: "#525252", path: "M12 7a5 5 0 1 0 0 10 5 5 0 0 0 0-10z" },
};

export function kindColour(kind: PlaceKind): string {
  return kindStyles[kind].colour;
}

/** The MapLibre match expression colouring a feature by its `kind` property. */
export function kindColourExpression(): unknown[] {
  return ["match", ["get", "kind"], ...Object.entries(kindStyles).flatMap(([kind, s]) => [kind, s.colour]), kindStyles.OTHER.colour];
}
