-- Shared by the wrk scripts of scripts/bench-api.sh: counts responses that are not a successful
-- GraphQL result (per wrk thread, summed at the end) and prints machine-readable totals.
local report = {}
local threads = {}

function report.setup(thread)
  thread:set("seed", 1000 + #threads)
  table.insert(threads, thread)
end

-- `ok` decides whether a response body is the expected result
function report.counter(ok)
  return function(status, headers, body)
    if status ~= 200 or string.find(body, '"errors"', 1, true) or not ok(body) then
      bad = (bad or 0) + 1
      if not first_bad then first_bad = status .. " " .. string.sub(body, 1, 300) end
    end
  end
end

function report.done(summary, latency, requests)
  local bad, first = 0, nil
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("bad") or 0)
    first = first or thread:get("first_bad")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("wrk_requests=%d\n", summary.requests))
  io.write(string.format("wrk_rps=%.1f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("wrk_p50_ms=%.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("wrk_p99_ms=%.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("wrk_bad=%d\n", bad + errors))
  if first then io.write("wrk_first_bad=" .. first .. "\n") end
end

return report
