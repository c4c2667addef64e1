-- wrk script: GET /search with a query drawn in turn from the four length classes of
-- bench/search_bench.cc (1, 2, 3 and 4+ characters, common and rare).
--   wrk -t2 -c64 -d10s -s bench/http/search.lua http://127.0.0.1:8080/search
local queries = {
  "局", "公", "通", "渔", "通知", "工作", "安全", "鹤鸣", "政务公", "应急预", "猕猴桃", "磷化工",
  "政务公开工作要点", "防汛抗旱", "老旧小区改造", "青年路小区", "商发 2020",
}
local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
local n = 0
request = function()
  n = n + 1
  local q = queries[(n % #queries) + 1]
  return wrk.format("GET", wrk.path .. "?q=" .. encode(q))
end
