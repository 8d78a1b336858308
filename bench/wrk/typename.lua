-- { __typename } posted to /graphql: the same HTTP path and GraphQL engine with no database, the
-- ceiling any query has on this machine.
package.path = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") .. "/?.lua;" .. package.path
local report = require("report")

wrk.method = "POST"
wrk.path = "/graphql"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"{ __typename }"}'

setup = report.setup
done = report.done
response = report.counter(function(body) return string.find(body, '"Query"', 1, true) ~= nil end)
