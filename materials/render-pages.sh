#!/usr/bin/env bash
# Every page of the built materials as PNG, to look at before printing: target/materials/pages/
#   <doc>-pdf-N.png from the PDFs, <doc>-docx-N.png / slides-pptx-N.png via LibreOffice (what Word users see
#   is close to it; its PDFs stay in pages/office/). Prints the page count of each document; fails when one has no pages or the cheat sheet
#   is not one page. Run materials/build.sh first. RES=dpi (default 60).
# Needs Debian packages: poppler-utils, libreoffice (soffice).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=${OUT:-target/materials}; PAGES=${PAGES:-$OUT/pages}; RES=${RES:-60}
for tool in pdftoppm pdfinfo soffice; do command -v "$tool" >/dev/null || { echo "нужен $tool (apt-get install -y poppler-utils libreoffice)" >&2; exit 2; }; done
rm -rf "$PAGES"; mkdir -p "$PAGES/office"
# one LibreOffice profile of our own: a running soffice of the user would swallow the conversion
profile=$(mktemp -d); trap 'rm -rf "$profile"' EXIT
docs=()
for f in "$OUT"/*.docx "$OUT"/*.pptx; do [ -e "$f" ] && docs+=("$f"); done
[ ${#docs[@]} -gt 0 ] && soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
  --outdir "$PAGES/office" "${docs[@]}" >/dev/null 2>&1

status=0
count() { # pdf, name, must-be-one-page
  local n=0
  [ -s "$1" ] && n=$(pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}')
  n=${n:-0}
  [ "$n" -gt 0 ] && pdftoppm -r "$RES" -png "$1" "$PAGES/$2"
  local verdict=""
  if [ "$n" -eq 0 ]; then verdict="  ОШИБКА: нет страниц"; status=1
  elif [ "$3" = one ] && [ "$n" -ne 1 ]; then verdict="  ОШИБКА: должна быть одна страница"; status=1; fi
  printf '%-16s %3d стр.%s\n' "$2" "$n" "$verdict"
}
for f in "$OUT"/*.pdf "$OUT"/*.docx "$OUT"/*.pptx; do
  [ -e "$f" ] || continue
  base=$(basename "$f"); doc=${base%.*}; ext=${base##*.}
  pdf=$f; [ "$ext" = pdf ] || pdf=$PAGES/office/$doc.pdf
  one=; [ "$doc" = cheatsheet ] && one=one
  count "$pdf" "$doc-$ext" "$one"
done
echo "страницы: $PAGES/ (PDF из LibreOffice: $PAGES/office/)"
exit $status
