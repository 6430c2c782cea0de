-- Neovim as a client of the Transcript Markup language server: opens the seed transcript and
-- checks its outline, diagnostics and hover through Neovim's built-in LSP client. Written for
-- and run on Debian 12's Neovim 0.7.2; no plugins, no lspconfig, no user configuration.
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/check.lua' samples/seed.transcript
--
-- Exit status: 0 when every check passed (`qall!`), 1 when one failed (`cquit 1`), 2 when the
-- watchdog fired. Progress goes to stdout as "check: ..." lines; the last-but-one line,
-- "check: json {...}", holds what the server answered, for test/neovim/neovim.e2e-node.ts.
--
-- Environment (optional):
--   TRANSCRIPT_LSP_CMD   the server command, words separated by spaces
--                        (default: node <project>/dist/server.js --stdio)
--   CHECK_TIMEOUT_MS     the wait for each step (default 15000)
--
-- Neovim 0.7 notes (see also scripts/neovim/lsp-check-example.lua): vim.lsp.start() is 0.8+, so
-- vim.lsp.start_client + vim.lsp.buf_attach_client; -u NONE means no filetype detection, so the
-- buffer's 'filetype' (sent as didOpen's languageId) is set before attaching; a handler given to
-- start_client replaces the default one, so it calls vim.lsp.diagnostic.on_publish_diagnostics
-- itself; print() goes to stderr in --headless, hence io.stdout:write.

local uv = vim.loop
local timeout = tonumber(os.getenv('CHECK_TIMEOUT_MS') or '') or 15000

local function out(msg)
  io.stdout:write('check: ' .. msg .. '\n')
  io.stdout:flush()
end

-- Whatever happens, never hang a CI job.
vim.defer_fn(function()
  out('FAIL: watchdog fired after ' .. (timeout * 4) .. ' ms')
  vim.cmd('cquit 2')
end, timeout * 4)

-- What the seed transcript must give (0-based lines, as LSP counts them).
local QUESTIONS = {
  { 'Q1 · What areas will you focus on this year, and will…', 17 },
  { 'Q2 · The Soros Foundations in Central Asia decided to change…', 20 },
  { 'Q3 · How are the countries developing their transit and…', 26 },
  { 'Q4 · Russia has recently published its new Foreign Policy…', 33 },
}
local INCOMPLETE_LINES = { 2, 3, 8, 9, 10, 11, 13, 14, 15, 16 }
local HOVER_LINE, HOVER_WORD, HOVER_TITLE = 11, 'CSTO', 'Collective Security Treaty Organization'

local function project_root()
  local source = debug.getinfo(1, 'S').source:gsub('^@', '')
  return vim.fn.fnamemodify(source, ':p:h:h:h')
end

local function check(ok, message)
  if not ok then error(message, 2) end
end

local function same_list(a, b)
  return vim.inspect(a) == vim.inspect(b)
end

local report = { nvim = tostring(vim.version().major .. '.' .. vim.version().minor .. '.' .. vim.version().patch) }

local function main()
  local cmd
  local cmd_env = os.getenv('TRANSCRIPT_LSP_CMD')
  if cmd_env and cmd_env ~= '' then
    cmd = vim.split(cmd_env, ' ', { trimempty = true })
  else
    cmd = { 'node', project_root() .. '/dist/server.js', '--stdio' }
  end

  local bufnr = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(bufnr)
  check(fname ~= '', 'open a file: nvim ... -c "luafile check.lua" FILE')
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'transcript')
  out('Neovim ' .. report.nvim .. ', file ' .. fname .. ', server ' .. table.concat(cmd, ' '))

  local published = nil
  local initialized = false
  local t0 = uv.hrtime()
  local client_id = vim.lsp.start_client({
    name = 'transcript',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(fname, ':p:h'),
    on_init = function(_, result)
      initialized = true
      report.server = result and result.serverInfo or {}
      out(string.format('initialized %s %s after %d ms', report.server.name or '?', report.server.version or '',
        (uv.hrtime() - t0) / 1e6))
    end,
    on_exit = function(code, signal)
      if not initialized then
        out('the server exited before initialize: code ' .. tostring(code) .. ', signal ' .. tostring(signal))
      end
    end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        if result and result.uri == vim.uri_from_bufnr(bufnr) then published = result.diagnostics or {} end
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  check(client_id, 'vim.lsp.start_client returned nil')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'vim.lsp.buf_attach_client failed')
  check(vim.wait(timeout, function() return initialized end, 20), 'the server did not initialize within ' .. timeout .. ' ms')
  local client = vim.lsp.get_client_by_id(client_id)
  check(client.server_capabilities.documentSymbolProvider, 'the server offers no documentSymbolProvider')
  check(client.server_capabilities.hoverProvider, 'the server offers no hoverProvider')

  -- Outline: textDocument/documentSymbol.
  local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentSymbol', params, timeout)
  check(responses and responses[client_id], 'documentSymbol: no answer (' .. tostring(err) .. ')')
  check(not responses[client_id].error, 'documentSymbol error: ' .. vim.inspect(responses[client_id].error))
  local questions = {}
  report.symbols = {}
  for _, symbol in ipairs(responses[client_id].result or {}) do
    table.insert(report.symbols, symbol.name)
    if symbol.name:match('^Q%d+ ') then
      table.insert(questions, { symbol.name, symbol.selectionRange.start.line })
      local answer = symbol.children and symbol.children[1]
      check(answer and vim.startswith(answer.name, 'Sergey Lavrov · '), symbol.name .. ' has no nested answer by Sergey Lavrov')
    end
  end
  report.questions = questions
  check(same_list(questions, QUESTIONS), 'questions: expected ' .. vim.inspect(QUESTIONS) .. ', got ' .. vim.inspect(questions))
  out('ok outline: ' .. #questions .. ' numbered questions, each with its answer')

  -- Diagnostics: textDocument/publishDiagnostics, pushed after didOpen.
  check(vim.wait(timeout, function() return published ~= nil end, 20), 'no publishDiagnostics within ' .. timeout .. ' ms')
  local lines = {}
  for _, d in ipairs(published) do
    if d.code == 'incomplete-sentence' then table.insert(lines, d.range.start.line) end
  end
  table.sort(lines)
  report.incomplete = vim.tbl_map(function(l) return l + 1 end, lines)
  check(same_list(lines, INCOMPLETE_LINES), 'incomplete-sentence lines (0-based): expected ' .. vim.inspect(INCOMPLETE_LINES) .. ', got ' .. vim.inspect(lines))
  local in_neovim = 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.code == 'incomplete-sentence' or (d.user_data and d.user_data.lsp and d.user_data.lsp.code == 'incomplete-sentence') then
      in_neovim = in_neovim + 1
    end
  end
  report.vim_diagnostic = in_neovim
  check(in_neovim == #INCOMPLETE_LINES, 'vim.diagnostic.get() holds ' .. in_neovim .. ' incomplete-sentence diagnostics')
  out('ok diagnostics: incomplete-sentence at lines ' .. table.concat(report.incomplete, ', ') .. ' (1-based), also in vim.diagnostic')

  -- Hover: textDocument/hover on CSTO, with the cursor put there as a user would.
  local text = vim.api.nvim_buf_get_lines(bufnr, HOVER_LINE, HOVER_LINE + 1, true)[1]
  local col = text:find(HOVER_WORD, 1, true)
  check(col, HOVER_WORD .. ' is not on line ' .. (HOVER_LINE + 1))
  vim.api.nvim_win_set_cursor(0, { HOVER_LINE + 1, col })
  local position_params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', position_params, timeout)
  check(responses and responses[client_id], 'hover: no answer (' .. tostring(err) .. ')')
  check(not responses[client_id].error, 'hover error: ' .. vim.inspect(responses[client_id].error))
  local hover = responses[client_id].result
  check(hover and hover.contents, 'hover on ' .. HOVER_WORD .. ': empty result')
  report.hover_kind = hover.contents.kind
  -- What Neovim's own hover window would show.
  local rendered = vim.lsp.util.convert_input_to_markdown_lines(hover.contents)
  report.hover = table.concat(rendered, '\n')
  check(hover.contents.kind == 'markdown', 'hover is not Markdown: ' .. vim.inspect(hover.contents.kind))
  check(report.hover:find(HOVER_TITLE, 1, true), 'hover does not name the ' .. HOVER_TITLE .. ': ' .. report.hover)
  out('ok hover: ' .. rendered[1])
end

dofile(project_root() .. '/test/neovim/harness.lua').finish('check', main, report)
