-- Neovim as a client of the server's media requests (issue 18): the document links of a stamped
-- transcript, transcript/timeAt, and docs/MEDIA.md's mapping (test/neovim/play-from-here.lua)
-- playing the recording from the cursor, with an `mpv` on PATH that writes down its arguments.
--
--   nvim --headless -u NONE -i NONE -n -c 'luafile test/neovim/media-check.lua' FILE
--
-- Exit status 0 when every check passed, 1 when one failed; "media: json {...}" holds what was
-- seen, for test/neovim/media.e2e-node.ts. Environment: MPV_ARGS_FILE, where the fake mpv writes.

local timeout = 15000
local report = {}
local function out(msg)
  io.stdout:write('media: ' .. msg .. '\n')
  io.stdout:flush()
end
local function check(ok, message)
  if not ok then error(message, 2) end
end
vim.defer_fn(function()
  out('FAIL: watchdog fired')
  vim.cmd('cquit 2')
end, timeout * 3)

local function main()
  local root = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:gsub('^@', ''), ':p:h:h:h')
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', 'transcript')
  local initialized = false
  local client_id = vim.lsp.start_client({
    name = 'transcript',
    cmd = { 'node', root .. '/dist/server.js', '--stdio' },
    root_dir = vim.fn.expand('%:p:h'),
    on_init = function() initialized = true end,
  })
  check(client_id and vim.lsp.buf_attach_client(bufnr, client_id), 'the client did not start')
  check(vim.wait(timeout, function() return initialized end, 20), 'the server did not initialize')

  local document = { textDocument = vim.lsp.util.make_text_document_params(bufnr) }
  local links = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentLink', document, timeout)[client_id].result
  report.links = vim.tbl_map(function(link) return { link.range.start.line, link.target } end, links)

  vim.api.nvim_win_set_cursor(0, { 2, 20 })
  local params = { textDocument = document.textDocument, position = vim.lsp.util.make_position_params().position }
  report.time_at = vim.lsp.buf_request_sync(bufnr, 'transcript/timeAt', params, timeout)[client_id].result

  dofile(root .. '/test/neovim/play-from-here.lua')
  vim.api.nvim_feedkeys('\\p', 'x', false)
  local args_file = os.getenv('MPV_ARGS_FILE')
  check(vim.wait(timeout, function() return vim.loop.fs_stat(args_file) ~= nil end, 20), 'the mapping did not start mpv')
  vim.wait(timeout, function() return #vim.fn.readfile(args_file) > 0 end, 20)
  report.mpv = vim.fn.readfile(args_file)
end

dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:gsub('^@', ''), ':p:h') .. '/harness.lua').finish('media', main, report)
