-- nearestPlaces(first: 10) around random points in Gent's box (3.65-3.80 E, 51.00-51.10 N), the box the
-- pgbench script of scripts/bench-api.sh draws from. Every response must be a result without errors.
package.path = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") .. "/?.lua;" .. package.path
local report = require("report")

local query = "query Nearest($lon: Float!, $lat: Float!) { nearestPlaces(near: {longitude: $lon, latitude: $lat}, first: 10) "
  .. "{ distanceMeters place { id name kind coordinates { longitude latitude } } } }"

wrk.method = "POST"
wrk.path = "/graphql"
wrk.headers["Content-Type"] = "application/json"

setup = report.setup
done = report.done
function init(args) math.randomseed(seed) end

function request()
  local lon = 3.65 + math.random() * 0.15
  local lat = 51.00 + math.random() * 0.10
  return wrk.format(nil, nil, nil,
    string.format('{"query":"%s","variables":{"lon":%.7f,"lat":%.7f}}', query, lon, lat))
end

response = report.counter(function(body) return string.find(body, '"distanceMeters"', 1, true) ~= nil end)
