// UI glue between the pure lib functions and the current language.
import { locale, type MessageKey, t } from "../i18n";
import { nl } from "../i18n/nl";
import { describeOpening, openingState, type Session, type WeeklyInterval } from "../lib/opening";
import { formatDateTime, formatTime } from "../lib/time";

export function openingText(
  place: { isOpenAt: boolean | null; openingHours: { weekly: WeeklyInterval[] } | null; upcomingSessions: Session[] },
  now: Date,
): string {
  const state = openingState({ isOpenAt: place.isOpenAt, weekly: place.openingHours?.weekly ?? [], sessions: place.upcomingSessions, now });
  return describeOpening(
    state,
    (key, params) => t(key, params),
    (d) => formatDateTime(d, locale()),
    (d) => formatTime(d, locale()),
  );
}

export function errorText(error: { code: string; message: string }): string {
  const key = `error.${error.code}`;
  return key in nl ? t(key as MessageKey) : t("error.other", { message: error.message });
}
