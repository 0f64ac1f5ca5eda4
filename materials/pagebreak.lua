-- A paragraph holding only "\newpage" becomes a page break in DOCX and in HTML (for print).
-- Links to other .md sheets become plain text: in a printed booklet they point nowhere.
function Para(el)
  if #el.content == 1 and el.content[1].t == "Str" and el.content[1].text == "\\newpage" then
    if FORMAT:match("docx") then
      return pandoc.RawBlock("openxml", '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    elseif FORMAT:match("html") then
      return pandoc.RawBlock("html", '<div class="page-break"></div>')
    end
  end
end

function Link(el)
  if el.target:match("%.md$") or el.target:match("%.md#") then
    return el.content
  end
end
