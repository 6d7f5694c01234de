-- GETs the client's own assignment list (an audited read of their record), taking the signed-in
-- clients in turn (CLIENTS: lines of cookie|csrf|assignment).
local clients = {}
for line in string.gmatch(os.getenv("CLIENTS") or "", "[^\n]+") do
  local cookie = string.match(line, "^(.-)|")
  clients[#clients + 1] = cookie
end
local next_client = 0
local thread_no = 0
function setup(thread) thread:set("thread_no", thread_no); thread_no = thread_no + 1 end
function init(args) next_client = thread_no or 0 end
request = function()
  next_client = next_client + 1
  return wrk.format("GET", "/api/v1/me/assignments",
    {["Cookie"] = clients[(next_client % #clients) + 1], ["Accept"] = "application/json"})
end
done = function(summary, latency, requests)
  io.write(string.format("result %d %d %.1f %.1f %.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
