// Live updates of the open resource's week through the `slotAvailabilityChanged` subscription.
import { subscribe } from "../../api/graphql-client";
import { SlotAvailabilityChangedDocument } from "../../graphql/generated";
import { t } from "../../i18n";
import { announce } from "../dom";
import { loadBookings, rerender, state } from "./state";

/** Live updates: replace the changed slots and redraw, without a reload. */
export function ensureSubscription(resourceId: string | null): void {
  if (state.subscribedTo === (resourceId ?? "")) return;
  state.unsubscribe?.();
  state.unsubscribe = null;
  state.subscribedTo = resourceId ?? "";
  state.liveUpdatedAt = null;
  if (!resourceId) return;
  state.unsubscribe = subscribe(SlotAvailabilityChangedDocument, { resourceId }, (data) => {
    const resource = state.resource;
    if (!resource) return;
    const changed = new Map(data.slotAvailabilityChanged.slots.map((s) => [s.id, s]));
    resource.availability = resource.availability.map((s) => changed.get(s.id) ?? s);
    void loadBookings().then(() => {
      state.liveUpdatedAt = new Date();
      rerender();
      announce(t("org.liveUpdated"));
    });
  });
}
