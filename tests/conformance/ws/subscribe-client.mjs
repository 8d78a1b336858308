// Subscribes with the graphql-ws client (graphql-transport-ws) and prints the events it got as JSON.
// Usage: node ws/subscribe-client.mjs ws://127.0.0.1:PORT/graphql '<query>' ['<variables json>']
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const [url, query, variablesText] = process.argv.slice(2);
if (!url || !query) {
  console.error("usage: node ws/subscribe-client.mjs <ws-url> <query> [variables-json]");
  process.exit(2);
}

const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
const events = [];
const timer = setTimeout(() => {
  console.error("timed out after 10 s");
  process.exit(3);
}, 10_000);

try {
  const subscription = client.iterate({ query, variables: variablesText ? JSON.parse(variablesText) : undefined });
  for await (const event of subscription) events.push(event);
  console.log(JSON.stringify({ events, completed: true }));
} catch (error) {
  // graphql-ws rejects with the `error` message's payload (an array of GraphQL errors) or a CloseEvent.
  const detail = Array.isArray(error) ? { errors: error } : { close: { code: error?.code, reason: error?.reason } };
  console.log(JSON.stringify({ events, completed: false, ...detail }));
} finally {
  clearTimeout(timer);
  await client.dispose();
}
