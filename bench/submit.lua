-- wrk script: POSTs the application in $MADOGUCHI_BENCH_BODY to $MADOGUCHI_BENCH_PATH,
-- with the session cookie in $MADOGUCHI_BENCH_COOKIE when it is set.
local file = assert(io.open(os.getenv("MADOGUCHI_BENCH_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.path = os.getenv("MADOGUCHI_BENCH_PATH")
wrk.headers["Content-Type"] = "application/json"
local cookie = os.getenv("MADOGUCHI_BENCH_COOKIE")
if cookie and cookie ~= "" then wrk.headers["Cookie"] = cookie end

local failures = 0
function response(status, headers, body)
  if status ~= 201 then failures = failures + 1 end
end
