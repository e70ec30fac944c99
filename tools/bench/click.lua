-- POST /api/tracking/click as a brand's page sends it: an allowed Origin, a browser User-Agent, a landing URL with
-- UTM tags, and a referral code spread over 1,000 affiliates.
local program = os.getenv("BENCH_PROGRAM")
local affiliates = tonumber(os.getenv("BENCH_AFFILIATES") or "1000")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Origin"] = "https://www.shop.example"
wrk.headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"

request = function()
  counter = counter + 1
  local code = "aff" .. (math.random(affiliates) - 1)
  local body = '{"programId":"' .. program .. '","pageUrl":"https://www.shop.example/pricing?via=' .. code
    .. '&utm_source=newsletter&utm_medium=email&utm_campaign=spring","referrer":"https://blog.example.com/review/'
    .. counter .. '","consentGranted":true}'
  return wrk.format(nil, "/api/tracking/click", nil, body)
end
