-- The insights benchmark's year on the wire: for every 100 clicks (click.lua's) three signed S2S sales (s2s.lua's),
-- standing in for its 10 million clicks, 200,000 leads and 100,000 sales. Each sale is sent once; sign enough of them.
dofile("tools/bench/click.lua")
dofile("tools/bench/s2s.lua")

function init(args)
  clicks, sales = click_requests(), signed_requests()
  sent, next_click, next_sale = 0, 1, 1
end

request = function()
  sent = sent + 1
  if sent % 103 < 3 then
    next_sale = next_sale + 1
    return sales[next_sale - 1]
  end
  local r = clicks[next_click]
  next_click = next_click % #clicks + 1
  return r
end
