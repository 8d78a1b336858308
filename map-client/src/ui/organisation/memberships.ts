// The viewer's memberships, each with the organisation's secret calendar-feed link and a copy button.
import { t } from "../../i18n";
import type { Viewer } from "../../state/session";
import { announce, h } from "../dom";

export function membershipsBlock(viewer: Viewer): HTMLElement {
  if (viewer.memberships.length === 0) return h("p", {}, t("org.noMembership"));
  return h(
    "ul",
    { class: "memberships" },
    ...viewer.memberships.map((m) => {
      const feed = m.organisation.calendarFeedUrl ? new URL(m.organisation.calendarFeedUrl, location.origin).toString() : null;
      const copy = h("button", { type: "button", class: "small-button" }, t("common.copy"));
      copy.addEventListener("click", () => {
        if (!feed) return;
        void navigator.clipboard?.writeText(feed).then(
          () => announce(t("common.copied")),
          () => announce(feed),
        );
        copy.textContent = t("common.copied");
      });
      return h(
        "li",
        {},
        h("strong", {}, m.organisation.name),
        ` (${t(`org.role.${m.role}`)})`,
        feed
          ? h(
              "div",
              { class: "feed" },
              h(
                "label",
                {},
                t("org.feed", { name: m.organisation.name }),
                h("input", { type: "text", readonly: true, value: feed, class: "feed-url", "data-org": m.organisation.slug }),
              ),
              copy,
              h("p", { class: "muted small" }, t("org.feedHint")),
            )
          : null,
      );
    }),
  );
}
