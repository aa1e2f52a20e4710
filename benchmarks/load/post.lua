-- wrk script for the load benchmark: POSTs the five-field JSON body with a Bearer token, taking the callers'
-- tokens in turn (one file line per token, made by TokenMint). Requests are built once per thread, in init.
-- Usage: wrk ... -s post.lua http://127.0.0.1:PORT -- TOKENS_FILE
local body = '{"name":"Ann Example","email":"ann@example.com","age":34,"tags":["java","security","http"],"country":"FR"}'
local requests = {}
local n = 0

function init(args)
  local file = args[1]
  for token in io.lines(file) do
    n = n + 1
    requests[n] = wrk.format("POST", "/bench/orders",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
  end
  if n == 0 then
    error("no tokens in " .. file)
  end
  -- Threads start at different callers.
  n_at = math.random(n)
end

function request()
  n_at = n_at % n + 1
  return requests[n_at]
end
