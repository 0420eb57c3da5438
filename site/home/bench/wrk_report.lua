-- Loaded into wrk by the site benchmark (home/bench/load.py). wrk itself counts only 4xx and 5xx answers
-- as failures; this script counts every answer that is not a 2xx (a redirect to the login page included)
-- and prints the latency percentiles the benchmark reports, one "BENCH" line each.

-- With cookies after "--" on wrk's command line (one per signed-in learner), each request carries the next
-- learner's cookies, each thread starting at its own place in the list.

local threads = {}

function setup(thread)
   thread:set("id", #threads)
   table.insert(threads, thread)
end

function init(args)
   bad = 0
   statuses = ""
   cookies = {}
   for _, cookie in ipairs(args) do
      table.insert(cookies, cookie)
   end
   turn = id or 0
end

function request()
   if #cookies == 0 then
      return wrk.format()
   end
   turn = turn + 1
   local headers = {}
   for name, value in pairs(wrk.headers) do
      headers[name] = value
   end
   headers["Cookie"] = cookies[(turn % #cookies) + 1]
   return wrk.format(nil, nil, headers)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      bad = bad + 1
      if not string.find(statuses .. ",", tostring(status) .. ",", 1, true) then
         statuses = statuses .. tostring(status) .. ","
      end
   end
end

function done(summary, latency, requests)
   local total_bad, seen = 0, ""
   for _, thread in ipairs(threads) do
      total_bad = total_bad + thread:get("bad")
      seen = seen .. thread:get("statuses")
   end
   io.write(string.format("BENCH requests=%d\n", summary.requests))
   io.write(string.format("BENCH duration_us=%d\n", summary.duration))
   io.write(string.format("BENCH not_2xx=%d\n", total_bad))
   io.write(string.format("BENCH statuses=%s\n", seen))
   for _, p in ipairs({50, 95, 99}) do
      io.write(string.format("BENCH p%d_us=%d\n", p, latency:percentile(p)))
   end
end
