// The sign-in form shared by the organisation and planner views (cookie session via GraphQL).
import { t } from "../i18n";
import { signIn } from "../state/session";
import { h } from "./dom";
import { errorText } from "./format";

export function signInForm(hint: string, onSignedIn: () => void): HTMLElement {
  const email = h("input", { type: "email", id: "sign-in-email", autocomplete: "username", required: true });
  const password = h("input", { type: "password", id: "sign-in-password", autocomplete: "current-password", required: true });
  const message = h("p", { class: "error", role: "alert" });
  const form = h(
    "form",
    { class: "sign-in", "aria-labelledby": "sign-in-heading" },
    h("h2", { id: "sign-in-heading" }, t("org.signInHeading")),
    h("label", { for: "sign-in-email" }, t("org.email")),
    email,
    h("label", { for: "sign-in-password" }, t("org.password")),
    password,
    h("button", { type: "submit", class: "primary", id: "sign-in-submit" }, t("org.signIn")),
    message,
    h("p", { class: "muted small" }, hint),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void signIn(email.value, password.value).then((error) => {
      if (error) message.textContent = errorText(error);
      else onSignedIn();
    });
  });
  return form;
}
