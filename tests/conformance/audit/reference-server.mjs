// The reference: graphql-js behind graphql-http (HTTP) and graphql-ws (WebSocket) serving the shared test
// schema, so the audit and the graphql-ws client script can be checked against a known-good server.
// Usage: node audit/reference-server.mjs [port]  (prints the URL, stops on SIGTERM/SIGINT)
import { createServer } from "node:http";

import { createHandler } from "graphql-http/lib/use/http";
import { useServer } from "graphql-ws/use/ws";
import { WebSocketServer } from "ws";

import { createContext, createSchema } from "../schema/resolvers.mjs";

const schema = createSchema();
const handler = createHandler({ schema, context: () => createContext() });
const server = createServer((req, res) => {
  if (req.url.startsWith("/graphql")) handler(req, res);
  else res.writeHead(404).end();
});
const wss = new WebSocketServer({ server, path: "/graphql" });
useServer({ schema, context: () => createContext() }, wss);

server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", () => {
  console.log(`http://127.0.0.1:${server.address().port}/graphql`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
