-- Loaded after the docs/editors.md snippet (the user's init.lua): opens a config and records the
-- diagnostics Neovim stores for it once the language server the snippet starts has published them.
local out, config = assert(os.getenv('KA_OUT')), assert(os.getenv('KA_CONFIG'))
local result = {}
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(config))
  result.filetype = vim.bo.filetype
  assert(vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50), 'no diagnostics within 30 s')
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(0)) do table.insert(result.diagnostics, { lnum = d.lnum, message = d.message }) end
  result.clients = #vim.lsp.get_active_clients()
end)
if not ok then result.error = tostring(err) end
local f = assert(io.open(out, 'w')); f:write(vim.fn.json_encode(result)); f:close()
vim.cmd(ok and 'qall!' or 'cquit 1')
