-- GETs pages as their signed-in readers, taking them in turn (TARGETS: lines of cookie|path, one
-- screen's). A response other than 200 (e.g. a redirect to sign-in) counts as an error.
local targets = {}
for line in string.gmatch(os.getenv("TARGETS") or "", "[^\n]+") do
  local cookie, path = string.match(line, "^(.-)|(.*)$")
  targets[#targets + 1] = { cookie = cookie, path = path }
end
local threads = {}
local thread_no = 0
function setup(thread)
  thread:set("thread_no", thread_no); thread_no = thread_no + 1
  table.insert(threads, thread)
end
local next_target = 0
bad = 0
function init(args) next_target = thread_no or 0 end
request = function()
  next_target = next_target + 1
  local t = targets[(next_target % #targets) + 1]
  return wrk.format("GET", t.path, { ["Cookie"] = t.cookie, ["Accept"] = "text/html" })
end
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  local wrong = 0
  for _, thread in ipairs(threads) do wrong = wrong + (thread:get("bad") or 0) end
  io.write(string.format("result %d %d %.1f %.1f %.1f %.1f\n", summary.requests,
    wrong + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
