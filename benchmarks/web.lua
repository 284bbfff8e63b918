-- wrk script of benchmarks/web.py: sends METHOD to each path of PATHS_FILE in turn (cycling
-- when there are fewer paths than requests), at most LIMIT requests, then stops; prints lines
-- of figures for web.py to read.
--
--   wrk -t1 -c C -d SECONDS --timeout 60s -s web.lua URL -- METHOD PATHS_FILE LIMIT
--
-- When the last request has been handed out the thread stops and prints "VANTHU_FIN" with the
-- responses it received and the time from its first request to its last response (wrk itself
-- would wait out -d; web.py interrupts it then). The requests still in flight at that moment
-- are abandoned, not counted: the figures can only understate the server.

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } vanthu_timespec;
int clock_gettime(int clk_id, vanthu_timespec *tp);
]]
local clock = ffi.new("vanthu_timespec")

local function now_us()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000000 + tonumber(clock.tv_nsec) / 1000
end

local method, paths, limit = "GET", {}, 0
local sent, answered, first, last = 0, 0, nil, nil

function init(args)
  method = args[1]
  for line in io.lines(args[2]) do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  limit = tonumber(args[3])
  -- a POST carries an empty form body, as the recipient page's button sends it
  local body = nil
  if method == "POST" then
    body = ""
  end
  for i, path in ipairs(paths) do
    paths[i] = wrk.format(method, path, nil, body)
  end
end

function request()
  sent = sent + 1
  if sent == 1 then
    first = now_us()
  end
  if sent > limit then
    if sent == limit + 1 then
      io.stdout:write(string.format("VANTHU_FIN answered=%d elapsed_us=%d\n",
        answered, (last or first) - first))
      io.stdout:flush()
    end
    wrk.thread:stop()
    sent = limit + 2
  end
  return paths[(math.min(sent, limit) - 1) % #paths + 1]
end

function response(status, headers, body)
  answered = answered + 1
  last = now_us()
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "VANTHU_WRK requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d " ..
    "socket_errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    latency.max, e.status, e.connect + e.read + e.write + e.timeout))
end
