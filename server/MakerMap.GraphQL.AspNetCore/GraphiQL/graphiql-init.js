// Starts GraphiQL on the page served by the GraphQL endpoint: queries and mutations over HTTP POST,
// subscriptions over WebSocket (graphql-transport-ws) at the same path.
(function () {
  var root = document.getElementById("graphiql");
  var endpoint = root.getAttribute("data-endpoint");
  var wsUrl = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + endpoint;
  var fetcher = GraphiQL.createFetcher({
    url: endpoint,
    wsClient: graphqlWs.createClient({ url: wsUrl, lazy: true }),
  });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true }),
  );
})();
