-- Play the transcript's recording from the time at the cursor: <leader>p.
vim.keymap.set('n', '<leader>p', function()
  local params = { textDocument = vim.lsp.util.make_text_document_params(), position = vim.lsp.util.make_position_params().position }
  local time = vim.lsp.buf_request_sync(0, 'transcript/timeAt', params, 1000)
  local media = vim.lsp.buf_request_sync(0, 'transcript/media', { textDocument = params.textDocument }, 1000)
  for id, answer in pairs(time or {}) do
    local found = answer.result and media[id] and media[id].result
    for _, uri in ipairs(found and found.candidates or {}) do
      local path = uri:match('^https?:') and uri or vim.uri_to_fname(uri)
      if path:match('^https?:') or vim.loop.fs_stat(path) then
        vim.fn.jobstart({ 'mpv', '--start=' .. answer.result.seconds, path }, { detach = true })
        return
      end
    end
  end
  vim.notify('No timestamp or no recording found for this transcript', vim.log.levels.WARN)
end, { desc = 'Play the recording from here' })
