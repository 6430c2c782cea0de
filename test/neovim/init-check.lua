-- Checks test/neovim/init-0.7.lua, the configuration the README gives for Neovim 0.7: run as
--   nvim --headless -u test/neovim/init-0.7.lua -i NONE -n -c 'luafile test/neovim/init-check.lua' A.transcript
-- with B.transcript named in INIT_CHECK_SECOND and `transcript-language-server` on PATH.
-- Prints "init-check: json {...}"; exits 0 when both files got the server's diagnostics through
-- one shared client, 1 otherwise.
local function diagnostics_arrive()
  return vim.wait(15000, function() return #vim.diagnostic.get(0) > 0 end, 20)
end
local report = {}
local ok = pcall(function()
  report.first = { filetype = vim.bo.filetype, arrived = diagnostics_arrive(), diagnostics = #vim.diagnostic.get(0), clients = #vim.lsp.buf_get_clients(0) }
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('INIT_CHECK_SECOND')))
  report.second = { filetype = vim.bo.filetype, arrived = diagnostics_arrive(), diagnostics = #vim.diagnostic.get(0), clients = #vim.lsp.buf_get_clients(0) }
  report.all_clients = #vim.lsp.get_active_clients()
end)
io.stdout:write('init-check: json ' .. vim.fn.json_encode(report) .. '\n')
for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
vim.cmd((ok and report.first.arrived and report.second.arrived and report.all_clients == 1) and 'qall!' or 'cquit 1')
