-- The normal traffic of scripts/bench-abuse.sh: nearestPlaces(first: 10) as bench/wrk/nearest-10.lua,
-- each request from another resident's address (X-Forwarded-For 10.99.x.y, believed from loopback),
-- as many people using the map are many clients, not one.
package.path = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") .. "/?.lua;" .. package.path
local report = require("report")

local query = "query Nearest($lon: Float!, $lat: Float!) { nearestPlaces(near: {longitude: $lon, latitude: $lat}, first: 10) "
  .. "{ distanceMeters place { id name kind coordinates { longitude latitude } } } }"

setup = report.setup
done = report.done
function init(args) math.randomseed(seed) end

function request()
  local lon = 3.65 + math.random() * 0.15
  local lat = 51.00 + math.random() * 0.10
  local headers = {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = string.format("10.99.%d.%d", math.random(0, 255), math.random(1, 254)),
  }
  return wrk.format("POST", "/graphql", headers,
    string.format('{"query":"%s","variables":{"lon":%.7f,"lat":%.7f}}', query, lon, lat))
end

response = report.counter(function(body) return string.find(body, '"distanceMeters"', 1, true) ~= nil end)
