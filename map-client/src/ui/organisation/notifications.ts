// The account's in-app notifications (request received, approved, declined, expired, off the
// waitlist, reminders), written by the server in the account's language, with "mark all read".
import { request } from "../../api/graphql-client";
import { MarkNotificationsReadDocument, NotificationsDocument, type NotificationsResult } from "../../graphql/generated";
import { locale, t } from "../../i18n";
import { formatDateTime } from "../../lib/time";
import { h } from "../dom";
import { rerender } from "./state";

let notifications: NonNullable<NotificationsResult["viewer"]> | null = null;

export async function loadNotifications(): Promise<void> {
  notifications = (await request(NotificationsDocument, {})).viewer;
}

export function notificationsBlock(): HTMLElement | null {
  if (!notifications) return null;
  const items = notifications.notifications;
  return h(
    "details",
    { class: "notifications", id: "notifications", open: notifications.unreadNotificationCount > 0 },
    h("summary", {}, t("org.notifications", { count: notifications.unreadNotificationCount })),
    items.length === 0
      ? h("p", {}, t("org.noNotifications"))
      : h(
          "ul",
          { id: "notification-list" },
          ...items.map((n) =>
            h(
              "li",
              { class: n.readAt ? "read" : "unread", "data-kind": n.kind },
              h("strong", {}, n.subject),
              h("div", { class: "small" }, n.body),
              h("div", { class: "muted small" }, formatDateTime(new Date(n.createdAt), locale())),
            ),
          ),
        ),
    notifications.unreadNotificationCount > 0
      ? h(
          "button",
          {
            type: "button",
            class: "small-button",
            id: "mark-read",
            onclick: () => void request(MarkNotificationsReadDocument, {}).then(loadNotifications).then(rerender),
          },
          t("org.markRead"),
        )
      : null,
  );
}
