-- Drives the keepalived language server from Neovim's own LSP client (0.7 API: start_client +
-- buf_attach_client). Records what the editor received; the TypeScript test judges it.
local env = function(name) return assert(os.getenv(name), name .. ' not set') end
local root, master, backup, out = env('KA_ROOT'), env('KA_MASTER'), env('KA_BACKUP'), env('KA_OUT')
local result = { steps = {} }
local published = {} -- uri -> { diagnostics, at_ms }

local function now_ms() return vim.loop.hrtime() / 1e6 end
local function finish(code)
  local f = assert(io.open(out, 'w')); f:write(vim.fn.json_encode(result)); f:close()
  vim.cmd((code == 0) and 'qall!' or ('cquit ' .. code))
end
local function codes(uri, code)
  local entry = published[uri]; local n = 0
  for _, d in ipairs(entry and entry.diagnostics or {}) do if d.code == code then n = n + 1 end end
  return n
end
local function messages(uri)
  local all = {}
  for _, d in ipairs((published[uri] or {}).diagnostics or {}) do table.insert(all, d.message) end
  return table.concat(all, '\n')
end
local function wait(what, cond)
  assert(vim.wait(15000, cond, 10), 'timed out: ' .. what)
end
local function write_vrid(path, vrid)
  local lines = vim.fn.readfile(path)
  for i, l in ipairs(lines) do lines[i] = l:gsub('virtual_router_id %d+', 'virtual_router_id ' .. vrid) end
  vim.fn.writefile(lines, path)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(master))
  local bufnr = vim.api.nvim_get_current_buf()
  local muri, buri = vim.uri_from_fname(master), vim.uri_from_fname(backup)
  local client_id = vim.lsp.start_client({
    name = 'keepalived',
    cmd = { 'node', '--import', 'tsx', root .. '/server/src/lsp/main.ts', '--stdio' },
    cmd_cwd = root,
    root_dir = vim.fn.fnamemodify(master, ':h'),
    init_options = { settings = { validation = { debounceMs = tonumber(os.getenv('KA_DEBOUNCE') or '100') } } },
    flags = { debounce_text_changes = 0 }, -- measure the server, not the editor's own batching
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, res, ctx, config)
        published[res.uri] = { diagnostics = res.diagnostics, at = now_ms() }
        return vim.lsp.diagnostic.on_publish_diagnostics(e, res, ctx, config)
      end,
    },
    on_exit = function(code, signal) result.server_exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, client_id)

  wait('first diagnostics of both files', function() return published[muri] ~= nil and published[buri] ~= nil end)
  result.steps.initial = { master = published[muri].diagnostics, backup = published[buri].diagnostics }

  -- change virtual_router_id in the open MASTER buffer
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local row, col
  for i, l in ipairs(lines) do
    local s = l:find('virtual_router_id 51', 1, true)
    if s then row, col = i - 1, s - 1 + #'virtual_router_id ' end
  end
  assert(row, 'virtual_router_id 51 not found')
  local t0 = now_ms()
  vim.api.nvim_buf_set_text(bufnr, row, col, row, col + 2, { '52' })
  wait('VRID mismatch on both', function() return codes(muri, 'cluster-vrid-mismatch') > 0 and codes(buri, 'cluster-vrid-mismatch') > 0 end)
  result.latency_ms = math.max(published[muri].at, published[buri].at) - t0
  result.steps.mismatch = { master = published[muri].diagnostics, backup = published[buri].diagnostics }
  -- what Neovim itself now holds, including for the backup it never opened
  result.steps.mismatch.vim_master = vim.diagnostic.get(bufnr)
  result.steps.mismatch.vim_backup = vim.diagnostic.get(vim.uri_to_bufnr(buri))

  -- the unopened BACKUP changes on disk
  write_vrid(backup, 53)
  wait('refresh after disk change', function() return messages(muri):find('53') ~= nil and messages(buri):find('53') ~= nil end)
  result.steps.disk_changed = { master = published[muri].diagnostics, backup = published[buri].diagnostics }

  -- and is fixed on disk
  write_vrid(backup, 52)
  wait('cleared after fix', function() return codes(muri, 'cluster-vrid-mismatch') == 0 and codes(buri, 'cluster-vrid-mismatch') == 0 end)
  result.steps.fixed = { master = published[muri].diagnostics, backup = published[buri].diagnostics }
  result.steps.fixed.vim_backup = vim.diagnostic.get(vim.uri_to_bufnr(buri))

  vim.lsp.get_client_by_id(client_id).stop()
  vim.wait(5000, function() return result.server_exit ~= nil end, 20)
end)
if not ok then result.error = tostring(err) end
finish(ok and 0 or 1)
