-- POST /api/tracking/click as a brand's page sends it: an allowed Origin, a browser User-Agent, a landing URL with
-- UTM tags, and a referral code spread over BENCH_AFFILIATES affiliates. Each thread builds ten requests an affiliate
-- before the run and sends them in turn: building each one as it was sent cost wrk 1.7 µs more CPU a click (12.4
-- against 10.7), taken from the server it shares the machine with. No click carries a click token, so each is recorded.
local program = os.getenv("BENCH_PROGRAM")
local affiliates = tonumber(os.getenv("BENCH_AFFILIATES") or "1000")

-- The clicks a thread sends, built once (mix.lua shares them).
function click_requests()
  local clicks = {}
  local headers = {
    ["Content-Type"] = "application/json", ["Origin"] = "https://www.shop.example",
    ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36" }
  for n = 1, 10 * affiliates do
    local code = "aff" .. (math.random(affiliates) - 1)
    local body = '{"programId":"' .. program .. '","pageUrl":"https://www.shop.example/pricing?via=' .. code
      .. '&utm_source=newsletter&utm_medium=email&utm_campaign=spring","referrer":"https://blog.example.com/review/'
      .. n .. '","consentGranted":true}'
    clicks[n] = wrk.format("POST", "/api/tracking/click", headers, body)
  end
  return clicks
end

function init(args)
  requests, next_request = click_requests(), 1
end

request = function()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end
