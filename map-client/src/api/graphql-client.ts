// The only way the client talks to /graphql: POST JSON with the session cookie, typed by the
// generated documents; subscriptions over graphql-transport-ws on the same path.
import { type Client, createClient } from "graphql-ws";

import type { TypedDocument } from "../graphql/generated";

export type GraphQLErrorBody = { message: string; extensions?: { code?: string; reason?: string } };

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly errors: readonly GraphQLErrorBody[],
  ) {
    super(message);
    this.name = "GraphQLRequestError";
  }
}

/** Runs a query or mutation; throws GraphQLRequestError when the response carries errors. */
export async function request<R, V>(document: TypedDocument<R, V>, variables: V, signal?: AbortSignal): Promise<R> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/graphql-response+json, application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ query: document.text, operationName: document.name, variables }),
    signal,
  });
  let body: { data?: R | null; errors?: GraphQLErrorBody[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new GraphQLRequestError(`HTTP ${response.status}`, null, []);
  }
  if (body.errors && body.errors.length > 0) {
    const first = body.errors[0]!;
    throw new GraphQLRequestError(first.message, first.extensions?.code ?? null, body.errors);
  }
  if (!body.data) throw new GraphQLRequestError(`HTTP ${response.status}`, null, []);
  return body.data;
}

let wsClient: Client | null = null;

function socket(): Client {
  if (!wsClient) {
    const url = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
    wsClient = createClient({ url, lazy: true, retryAttempts: 5 });
  }
  return wsClient;
}

/** Subscribes; returns the function that ends the subscription. */
export function subscribe<R, V>(document: TypedDocument<R, V>, variables: V, onData: (data: R) => void, onError?: (error: unknown) => void): () => void {
  return socket().subscribe<R>(
    { query: document.text, operationName: document.name, variables: variables as Record<string, unknown> },
    {
      next: (value) => {
        if (value.data) onData(value.data);
        else if (value.errors && onError) onError(value.errors);
      },
      error: (error) => onError?.(error),
      complete: () => undefined,
    },
  );
}
