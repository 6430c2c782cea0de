-- Transcript Markup in Neovim 0.7 (no lspconfig): put this in init.lua.
local transcript_client
vim.api.nvim_create_autocmd({ 'BufRead', 'BufNewFile' }, {
  pattern = '*.transcript',
  callback = function(args)
    vim.bo[args.buf].filetype = 'transcript'
    if not (transcript_client and vim.lsp.get_client_by_id(transcript_client)) then
      transcript_client = vim.lsp.start_client({
        name = 'transcript',
        cmd = { 'transcript-language-server', '--stdio' },
        root_dir = vim.fn.getcwd(),
      })
      if not transcript_client then
        vim.notify('Transcript Markup: transcript-language-server did not start; is it on your PATH?', vim.log.levels.WARN)
        return
      end
    end
    vim.lsp.buf_attach_client(args.buf, transcript_client)
  end,
})
