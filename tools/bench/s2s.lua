-- POST /api/tracking/s2s with requests signed beforehand (wrk has no HMAC): each line of BENCH_S2S_FILE is
-- "<X-Rekomi-Signature>\t<body>", each used once, split between threads so no signature is sent twice.
local threads = {}
local file = os.getenv("BENCH_S2S_FILE")
local key = os.getenv("BENCH_KEY")

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

-- This thread's share of the signed sales (mix.lua shares them).
function signed_requests()
  local count = tonumber(os.getenv("BENCH_THREADS") or "2")
  local sales = {}
  local index = 0
  for line in io.lines(file) do
    if index % count == id then
      local signature, body = line:match("([^\t]+)\t(.*)")
      sales[#sales + 1] = wrk.format("POST", "/api/tracking/s2s", {
        ["Content-Type"] = "application/json", ["X-Rekomi-Api-Key"] = key, ["X-Rekomi-Signature"] = signature }, body)
    end
    index = index + 1
  end
  return sales
end

function init(args)
  requests, next_request = signed_requests(), 1
end

request = function()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end
