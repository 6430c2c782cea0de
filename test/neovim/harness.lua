-- What the Neovim checks (check.lua, media-check.lua) share: run `main`, print the report as
-- "<prefix>: json {...}", stop the clients, and leave with 0 (PASS) or 1 (FAIL).
return {
  finish = function(prefix, main, report)
    local ok, err = xpcall(main, debug.traceback)
    local function out(msg)
      io.stdout:write(prefix .. ': ' .. msg .. '\n')
      io.stdout:flush()
    end
    out('json ' .. vim.fn.json_encode(report))
    for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
    if ok then
      out('PASS')
      vim.cmd('qall!')
    else
      out('FAIL: ' .. tostring(err))
      vim.cmd('cquit 1')
    end
  end,
}
