// The approval queue of resource managers: the requests waiting for a decision on the resources of
// the organisations they manage, oldest first, with who asks, what, when, where, the requirements
// they confirmed and the time left before the request expires; approve, or decline with a reason.
import { request, subscribe } from "../../api/graphql-client";
import {
  ApprovalQueueChangedDocument,
  ApprovalQueueDocument,
  type ApprovalQueueResult,
  BookingUpdatedDocument,
  DecideBookingDocument,
} from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { oldestFirst, timeLeft } from "../../lib/approval";
import { formatDateTime } from "../../lib/time";
import { bookingAttributes } from "../../test-hooks";
import { announce, h } from "../dom";
import { errorText } from "../format";
import { rerender, state } from "./state";

export type QueueItem = ApprovalQueueResult["requestsToDecide"][number];

/** Whether the viewer manages an organisation, and so has a queue. */
export function managesResources(roles: readonly string[]): boolean {
  return roles.some((role) => role === "RESOURCE_MANAGER" || role === "ADMIN");
}

export async function loadQueue(): Promise<void> {
  // the server answers first come first served; sorting again keeps the rule visible here
  state.queue = oldestFirst((await request(ApprovalQueueDocument, {})).requestsToDecide);
}

// live subscriptions to the requests in the queue: a cancellation or another manager's decision
// takes the request out without a reload
const watched = new Map<string, () => void>();

function watchQueue(queue: readonly QueueItem[]): void {
  const wanted = new Set(queue.map((q) => q.id));
  for (const [id, stop] of watched) {
    if (wanted.has(id)) continue;
    stop();
    watched.delete(id);
  }
  for (const id of wanted) {
    if (watched.has(id)) continue;
    watched.set(
      id,
      subscribe(BookingUpdatedDocument, { id }, (data) => {
        if (data.bookingUpdated.status === "REQUESTED") return;
        void loadQueue().then(rerender);
      }),
    );
  }
}

// one subscription to the whole queue while it is shown: a request made after the page loaded appears
// without a reload (the server sends only changes on resources the viewer manages at that moment)
let stopQueueFeed: (() => void) | null = null;

function followQueue(open: boolean): void {
  if (!open) {
    stopQueueFeed?.();
    stopQueueFeed = null;
    return;
  }
  if (stopQueueFeed) return;
  stopQueueFeed = subscribe(ApprovalQueueChangedDocument, {}, (data) => {
    const known = new Set((state.queue ?? []).map((q) => q.id));
    state.queue = oldestFirst(data.requestsToDecideChanged);
    const arrived = state.queue.some((q) => !known.has(q.id));
    if (arrived) state.queueNote = t("org.queueNewRequest");
    rerender();
    if (arrived) announce(state.queueNote);
  });
}

/** Stops the queue's live feeds (leaving the view, signing out). */
export function stopFollowingQueue(): void {
  followQueue(false);
  watchQueue([]);
}

export function approvalQueue(): HTMLElement | null {
  watchQueue(state.queue ?? []);
  followQueue(state.queue !== null);
  if (!state.queue) return null;
  return h(
    "section",
    { class: "queue", "aria-labelledby": "queue-heading" },
    h("h2", { id: "queue-heading" }, t("org.queueHeading")),
    h("p", { id: "queue-status", class: "note success", role: "status" }, state.queueNote),
    state.queue.length === 0
      ? h("p", { id: "queue-empty" }, t("org.queueEmpty"))
      : h("ol", { id: "approval-queue", class: "queue-list" }, ...state.queue.map(queueItem)),
  );
}

// what the booker confirmed, in the resource's own words (the code when a requirement was removed since)
function requirementNames(item: QueueItem): string[] {
  return item.confirmedRequirements.map((code) => item.resource.requirements.find((r) => r.code === code)?.description ?? code);
}

function queueItem(item: QueueItem): HTMLElement {
  const now = new Date();
  const note = h("textarea", { rows: 2, maxlength: 2000, class: "decision-note", id: `note-${item.id}` });
  const error = h("p", { class: "error", role: "alert" });
  const decide = (decision: "APPROVE" | "DECLINE") => {
    const text = note.value.trim();
    if (decision === "DECLINE" && !text) {
      error.textContent = t("org.declineNeedsReason");
      note.focus();
      return;
    }
    void request(DecideBookingDocument, { id: item.id, decision, note: text || null }).then(async (result) => {
      const failure = result.decideBooking.errors[0];
      if (failure) {
        error.textContent = errorText(failure);
        if (failure.field?.includes("note")) note.focus();
        return;
      }
      await loadQueue();
      state.queueNote = t(decision === "APPROVE" ? "org.approved" : "org.declined");
      rerender();
      announce(state.queueNote);
    });
  };
  const where = item.deploymentAddress ?? item.resource.homePlace.address?.formatted ?? item.resource.homePlace.name;
  return h(
    "li",
    { class: "queue-item", ...bookingAttributes({ id: item.id, status: "REQUESTED" }) },
    h("strong", {}, item.resource.name),
    item.quantity > 1 ? ` × ${item.quantity}` : "",
    h("div", {}, `${formatDateTime(new Date(item.start), locale())} – ${formatDateTime(new Date(item.end), locale())}`),
    h("div", {}, t("org.queueWho", { name: item.bookedBy?.displayName ?? "?", organisation: item.organisation?.name ?? "?" })),
    h("div", { class: "muted small" }, t("org.queueWhere", { address: where })),
    item.purpose ? h("div", { class: "muted small" }, item.purpose) : null,
    item.confirmedRequirements.length ? h("div", { class: "muted small" }, t("org.queueRequirements", { list: requirementNames(item).join(", ") })) : null,
    h(
      "div",
      { class: "small" },
      t("org.queueRequested", { date: formatDateTime(new Date(item.createdAt), locale()) }),
      item.expiresAt ? h("span", { class: "expires" }, ` · ${t("org.queueExpires", { time: timeLeft(new Date(item.expiresAt), now, locale()) })}`) : null,
    ),
    h("label", { for: `note-${item.id}`, class: "small" }, t("org.decisionNote")),
    note,
    h(
      "div",
      { class: "row" },
      h("button", { type: "button", class: "primary approve", onclick: () => decide("APPROVE") }, t("org.approve")),
      h("button", { type: "button", class: "decline", onclick: () => decide("DECLINE") }, t("org.decline")),
    ),
    error,
  );
}
