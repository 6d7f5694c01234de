-- POSTs one quick-log entry per request, each with a fresh client-made id (so every request
-- inserts), taking the signed-in clients in turn (CLIENTS: lines of cookie|csrf|assignment).
local clients = {}
for line in string.gmatch(os.getenv("CLIENTS") or "", "[^\n]+") do
  local cookie, csrf, assignment = string.match(line, "^(.-)|(.-)|(.-)$")
  clients[#clients + 1] = {cookie = cookie, csrf = csrf, assignment = assignment}
end
local next_client = 0
local function uuid()
  local t = {}
  for i = 1, 16 do t[i] = math.random(0, 255) end
  t[7] = (t[7] % 16) + 64; t[9] = (t[9] % 64) + 128
  return string.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", (table.unpack or unpack)(t))
end
local thread_no = 0
function setup(thread) thread:set("thread_no", thread_no); thread_no = thread_no + 1 end
function init(args) math.randomseed(os.time() * 1000 + (thread_no or 0)); next_client = thread_no or 0 end
request = function()
  next_client = next_client + 1
  local c = clients[(next_client % #clients) + 1]
  local body = string.format('{"clientEntryId":"%s","occurredAt":"%s","rating":5,"note":"load test"}', uuid(),
    os.getenv("OCCURRED_AT"))
  return wrk.format("POST", "/api/v1/me/assignments/" .. c.assignment .. "/entries",
    {["Content-Type"] = "application/json", ["Cookie"] = c.cookie, ["X-CSRF-TOKEN"] = c.csrf,
     ["Accept"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("result %d %d %.1f %.1f %.1f\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
