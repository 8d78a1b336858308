#!/usr/bin/env bash
# Builds the GraphiQL page's assets offline from pinned npm packages: installs
# server/MakerMap.GraphQL.AspNetCore/GraphiQL/package-lock.json and copies the packages' own prebuilt
# browser bundles (graphiql, react, react-dom, graphql-ws) into GraphiQL/dist/, which the transport
# embeds. No CDN and no bundler run. Idempotent; dist/ is git-ignored.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_node

dir="$MAKERMAP_ROOT/server/MakerMap.GraphQL.AspNetCore/GraphiQL"
cd "$dir"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [[ ! -f node_modules/.lock-sha256 || "$(cat node_modules/.lock-sha256)" != "$want" ]]; then
  log "installing GraphiQL packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > node_modules/.lock-sha256
fi

mkdir -p dist
cp node_modules/react/umd/react.production.min.js dist/react.production.min.js
cp node_modules/react-dom/umd/react-dom.production.min.js dist/react-dom.production.min.js
cp node_modules/graphiql/graphiql.min.js dist/graphiql.min.js
cp node_modules/graphiql/graphiql.min.css dist/graphiql.min.css
cp node_modules/graphql-ws/umd/graphql-ws.min.js dist/graphql-ws.min.js
log "GraphiQL assets in ${dir#"$MAKERMAP_ROOT"/}/dist"
