-- wrk: carry the session cookie from each response to the next request of the same thread, so every
-- request verifies, decodes, changes and re-issues a real session (the count grows per thread).
-- `request` is defined so that wrk formats each request anew with the current Cookie (otherwise it
-- sends the request it built once at start, without one).
request = function()
  return wrk.format()
end

response = function(status, headers, body)
  local set = headers["Set-Cookie"] or headers["set-cookie"]
  if set then wrk.headers["Cookie"] = set:match("^[^;]+") end
  if os.getenv("WRK_SHOW") then io.write(body, " ") end
end
