// The signed-in account, shared by the organisation and planner views.
import { request } from "../api/graphql-client";
import { SignInDocument, SignOutDocument, ViewerDocument, type ViewerResult } from "../graphql/generated";

export type Viewer = NonNullable<ViewerResult["viewer"]>;

let viewer: Viewer | null | undefined;
const listeners = new Set<() => void>();

export async function loadViewer(force = false): Promise<Viewer | null> {
  if (viewer === undefined || force) {
    viewer = (await request(ViewerDocument, {})).viewer;
    for (const l of listeners) l();
  }
  return viewer;
}

export function currentViewer(): Viewer | null {
  return viewer ?? null;
}

/** Signs in with the session cookie; returns the error code or null on success. */
export async function signIn(email: string, password: string): Promise<{ code: string; message: string } | null> {
  const result = await request(SignInDocument, { email, password });
  const error = result.signIn.errors[0];
  if (error) return error;
  await loadViewer(true);
  return null;
}

export async function signOut(): Promise<void> {
  await request(SignOutDocument, {});
  await loadViewer(true);
}

export function onViewerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
