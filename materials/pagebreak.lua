-- A paragraph holding only "\newpage" becomes a page break in DOCX and in HTML (for print).
-- Links to other .md sheets become plain text: in a printed booklet they point nowhere.
-- Table columns get widths by their text (pipe tables otherwise split the page equally,
-- squeezing the long "what is checked" column between two half-empty ones).

local function page_break()
  if FORMAT:match("docx") then
    return pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
  elseif FORMAT:match("html") then
    return pandoc.RawBlock("html", '<div class="page-break"></div>')
  end
end

-- pandoc's markdown reader (raw_tex) reads a lone \newpage as a raw LaTeX block; without raw_tex, a Str
local function is_newpage(b)
  return (b.t == "RawBlock" and (b.format == "tex" or b.format == "latex") and b.text:match("^%s*\\newpage%s*$"))
    or (b.t == "Para" and #b.content == 1 and b.content[1].t == "Str" and b.content[1].text == "\\newpage")
end

-- A level-1 heading starts a page by itself (print.css; Heading 1 in the DOCX styles): a break
-- right before it would leave an empty page whenever the previous page is full.
local function breaks(doc)
  local out = {}
  for i, b in ipairs(doc.blocks) do
    if is_newpage(b) then
      local nxt = doc.blocks[i + 1]
      if not (nxt and nxt.t == "Header" and nxt.level == 1) then table.insert(out, page_break()) end
    else
      table.insert(out, b)
    end
  end
  doc.blocks = out
  return doc
end

local function Link(el)
  if el.target:match("%.md$") or el.target:match("%.md#") then
    return el.content
  end
end

-- weight of a column: its longest cell in characters, between 9 (a "Баллы" header) and 40,
-- and at least 1.6 times the longest word of its header ("Requests/sec" must not break in two)
local function Table(el)
  local n = #el.colspecs
  local weight = {}
  for i = 1, n do weight[i] = 9 end
  local function measure(rows, header)
    for _, row in ipairs(rows) do
      for i, cell in ipairs(row.cells) do
        if i <= n then
          local text = pandoc.utils.stringify(cell.contents)
          weight[i] = math.max(weight[i], math.min(utf8.len(text) or 0, 40))
          if header then
            for word in text:gmatch("%S+") do weight[i] = math.max(weight[i], math.ceil(1.6 * (utf8.len(word) or 0))) end
          end
        end
      end
    end
  end
  measure(el.head.rows, true)
  for _, body in ipairs(el.bodies) do measure(body.body, false) end
  local total = 0
  for i = 1, n do total = total + weight[i] end
  for i = 1, n do el.colspecs[i][2] = weight[i] / total end
  return el
end

return { { Pandoc = breaks }, { Link = Link, Table = Table } }
