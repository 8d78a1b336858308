-- Issue 12's abusive client: one document of 200 aliases of nearestPlaces(first: N) (N = 100 unless
-- the environment sets ABUSE_FIRST), about 53 kB, sent again as soon as the answer comes. Each wrk
-- thread is another client address (X-Forwarded-For 10.12.0.<thread>, believed from loopback as from
-- a proxy on the same host), so the per-client limits see four clients, as in the issue. Prints how
-- the server answered: results, QUERY_TOO_COSTLY refusals, 429s and anything else.
local first = tonumber(os.getenv("ABUSE_FIRST") or "100")
local parts = {}
for i = 0, 199 do
  parts[#parts + 1] = string.format(
    "a%d: nearestPlaces(near: {longitude: %.4f, latitude: %.4f}, first: %d) { distanceMeters place { id slug name kind categories coordinates { longitude latitude } address { formatted locality } } }",
    i, 3.65 + (i % 20) * 0.0075, 51.00 + math.floor(i / 20) * 0.01, first)
end
local body = '{"query":"{ ' .. table.concat(parts, " ") .. ' }"}'

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.path = "/graphql"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Forwarded-For"] = "10.12.0." .. id
  wrk.body = body
  results, costly, limited, other = 0, 0, 0, 0
end

function response(status, headers, responseBody)
  if status == 429 then
    limited = limited + 1
  elseif string.find(responseBody, "QUERY_TOO_COSTLY", 1, true) then
    costly = costly + 1
  elseif status == 200 and string.find(responseBody, '"a199"', 1, true) and not string.find(responseBody, '"errors"', 1, true) then
    results = results + 1
  else
    other = other + 1
    if not first_other then first_other = status .. " " .. string.sub(responseBody, 1, 200) end
  end
end

function done(summary, latency, requests)
  local r, c, l, o, f = 0, 0, 0, 0, nil
  for _, thread in ipairs(threads) do
    r = r + thread:get("results")
    c = c + thread:get("costly")
    l = l + thread:get("limited")
    o = o + thread:get("other")
    f = f or thread:get("first_other")
  end
  io.write(string.format("abuse_body_bytes=%d\nabuse_requests=%d\nabuse_results=%d\nabuse_too_costly=%d\nabuse_429=%d\nabuse_other=%d\n",
    #body, summary.requests, r, c, l, o + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  if f then io.write("abuse_first_other=" .. f .. "\n") end
end
