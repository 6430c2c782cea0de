-- Headless Neovim smoke check for a stdio language server (written for and run
-- on Debian 12's Neovim 0.7.2; no plugins, no lspconfig, no user config).
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile scripts/neovim/lsp-check-example.lua' FILE
--
-- Settings come from environment variables (all optional except the command):
--   LSP_CHECK_CMD           server command, words separated by spaces
--                           (e.g. "node dist/server.js --stdio")
--   LSP_CHECK_FILETYPE      filetype / languageId for FILE (default: its extension)
--   LSP_CHECK_SYMBOL        a document symbol name that must be returned
--   LSP_CHECK_DIAGNOSTIC    a substring that one published diagnostic message must contain
--   LSP_CHECK_TIMEOUT_MS    per-step wait (default 10000)
-- Exit status: 0 when every check passed (`qall!`), 1 when one failed (`cquit 1`),
-- 2 on the overall watchdog. Progress lines go to stdout, prefixed "lsp-check:".
--
-- Neovim 0.7.2 quirks met while writing this:
--  * vim.lsp.start() does not exist yet (0.8+): use vim.lsp.start_client(config),
--    which only starts the process, then vim.lsp.buf_attach_client(bufnr, id),
--    which sends initialize's didOpen for the buffer once the client is ready.
--  * -u NONE means no filetype detection: the buffer's filetype is '' and that
--    empty string would be sent as didOpen's languageId. Set 'filetype' yourself
--    BEFORE attaching.
--  * Headless Neovim never exits on its own: a script whose quit is not reached
--    (an uncaught Lua error in `-c luafile` prints E5113 and stops that script)
--    leaves it running forever. Everything runs inside xpcall and a vim.defer_fn
--    watchdog cquits after a deadline; CI should still wrap nvim in `timeout`.
--  * print() in --headless goes to stderr, mixed with Neovim's own messages: write
--    results with io.stdout:write instead.
--  * on_init is called as on_init(client, initialize_result); 0.7's client object
--    has no server_info field, take initialize_result.serverInfo.
--  * Handler signature is function(err, result, ctx, config) (the 0.5.1+ form); a
--    handler given in start_client's `handlers` replaces the default one for that
--    client, so call vim.lsp.diagnostic.on_publish_diagnostics yourself if you
--    still want vim.diagnostic to see the diagnostics.
--  * buf_request_sync returns (results_by_client_id, err); each entry is
--    { result = ..., error = ... }. It returns nil, "timeout" when the wait expires.
--  * documentSymbol may answer DocumentSymbol[] (with children) or
--    SymbolInformation[]: both have .name, so walk children when present.
--  * client.server_capabilities (0.7) replaces the deprecated
--    client.resolved_capabilities; check it before asking for a feature.
--  * `:cquit N` sets the exit status (N defaults to 1); `:qall!` exits 0. On exit
--    (VimLeavePre) 0.7 stops every client and waits up to flags.exit_timeout
--    (500 ms default) for it to close; client.stop(true) first avoids that wait.

local uv = vim.loop

local function out(msg)
  io.stdout:write('lsp-check: ' .. msg .. '\n')
  io.stdout:flush()
end

local function finish(ok, msg)
  if msg then out(msg) end
  for _, c in pairs(vim.lsp.get_active_clients()) do
    c.stop(true)
  end
  if ok then
    vim.cmd('qall!')
  else
    vim.cmd('cquit 1')
  end
end

local timeout = tonumber(os.getenv('LSP_CHECK_TIMEOUT_MS') or '') or 10000

-- Watchdog: whatever happens, never hang a CI job.
vim.defer_fn(function()
  out('FAIL: watchdog fired after ' .. (timeout * 4) .. ' ms')
  vim.cmd('cquit 2')
end, timeout * 4)

local function main()
  local cmd_str = os.getenv('LSP_CHECK_CMD')
  assert(cmd_str and cmd_str ~= '', 'set LSP_CHECK_CMD, e.g. "node server.js --stdio"')
  local cmd = vim.split(cmd_str, ' ', { trimempty = true })

  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  assert(fname ~= '', 'open a file: nvim ... -c "luafile lsp-check-example.lua" FILE')
  local ft = os.getenv('LSP_CHECK_FILETYPE')
  if not ft or ft == '' then ft = vim.fn.fnamemodify(fname, ':e') end
  vim.api.nvim_buf_set_option(bufnr, 'filetype', ft)
  out('file ' .. fname .. ' (filetype ' .. ft .. ')')

  local diagnostics = {}
  local initialized = false
  local t0 = uv.hrtime()

  local client_id = vim.lsp.start_client({
    name = 'lsp-check',
    cmd = cmd,
    root_dir = vim.fn.getcwd(),
    on_init = function(client, initialize_result)
      initialized = true
      local info = (initialize_result and initialize_result.serverInfo) or {}
      out(string.format('initialized %s %s after %d ms', info.name or '?', info.version or '',
        (uv.hrtime() - t0) / 1e6))
    end,
    on_exit = function(code, signal)
      if not initialized then
        out('server exited before initialize: code ' .. tostring(code) .. ' signal ' .. tostring(signal))
      end
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == vim.uri_from_bufnr(bufnr) then
          diagnostics = result.diagnostics or {}
        end
        -- keep the default behaviour too (fills vim.diagnostic)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  assert(client_id, 'vim.lsp.start_client returned nil (bad cmd?)')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  assert(vim.wait(timeout, function() return initialized end, 50),
    'server did not finish initialize within ' .. timeout .. ' ms')
  local client = vim.lsp.get_client_by_id(client_id)

  -- document symbols
  local want_symbol = os.getenv('LSP_CHECK_SYMBOL')
  if want_symbol and want_symbol ~= '' then
    assert(client.server_capabilities.documentSymbolProvider, 'server has no documentSymbolProvider')
    local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
    local res, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, timeout)
    assert(res, 'documentSymbol request failed: ' .. tostring(err))
    local names = {}
    local function walk(list)
      for _, s in ipairs(list or {}) do
        table.insert(names, s.name)
        walk(s.children)
      end
    end
    for _, r in pairs(res) do
      assert(not r.error, 'documentSymbol error: ' .. vim.inspect(r.error))
      walk(r.result)
    end
    out('symbols: ' .. table.concat(names, ' | '))
    assert(vim.tbl_contains(names, want_symbol), 'symbol "' .. want_symbol .. '" not returned')
  end

  -- diagnostics (pushed by the server after didOpen)
  local want_diag = os.getenv('LSP_CHECK_DIAGNOSTIC')
  if want_diag and want_diag ~= '' then
    local found = vim.wait(timeout, function()
      for _, d in ipairs(diagnostics) do
        if d.message:find(want_diag, 1, true) then return true end
      end
      return false
    end, 50)
    for _, d in ipairs(diagnostics) do
      out(string.format('diagnostic %d:%d %s', d.range.start.line + 1, d.range.start.character + 1, d.message))
    end
    assert(found, 'no diagnostic containing "' .. want_diag .. '" within ' .. timeout .. ' ms')
    out('vim.diagnostic.get() sees ' .. #vim.diagnostic.get(bufnr) .. ' diagnostic(s)')
  end
end

local ok, err = xpcall(main, debug.traceback)
if ok then
  finish(true, 'PASS')
else
  finish(false, 'FAIL: ' .. tostring(err))
end
