#!/usr/bin/env bash
# Printable materials from the Markdown in tasks/ (one source): into target/materials/
#   metodichka.docx / .pdf — методические указания: МПГУ title page, goals (ФГОС), plan for two pairs,
#                            tasks 00–07 (07: the optional extension task), report form, control questions,
#                            criteria (from rubric.yaml), conclusion
#   cheatsheet.docx / .pdf — one-page teacher's cheat sheet (figures from docker-compose.yml and bench/results)
#   slides.pptx / .pdf     — demo slides from the `bin/lab demo` charts (DEMO_DIR, default target/demo)
#                            and the dashboard panels under load (bench/results/dashboard-panels.png)
#   Task sheets: every tasks/0*.md, in name order. DOCX styles: materials/refdoc.py. Without the demo charts the
#   booklet and the cheat sheet are still built, then the script stops (exit 3) before the slides.
# Look at every page before printing: bash materials/render-pages.sh (PNG into target/materials/pages/).
# Needs Debian packages: pandoc, chromium, python3-yaml, python3-pil (apt-get install -y pandoc chromium python3-yaml python3-pil).
set -Eeuo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=${OUT:-target/materials}; DEMO_DIR=${DEMO_DIR:-target/demo}
PY=${PY:-/usr/bin/python3}
for tool in pandoc chromium "$PY"; do command -v "$tool" >/dev/null || { echo "нужен $tool (apt-get install -y pandoc chromium python3-yaml python3-pil)" >&2; exit 2; }; done
mkdir -p "$OUT"; M=materials; TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
log() { printf '[materials] %s\n' "$*"; }

"$PY" $M/figures.py > "$TMP/figures.json"
fill() { # file → stdout with {{PLACEHOLDERS}} replaced
  "$PY" - "$1" "$TMP/figures.json" <<'PY'
import json, re, sys, datetime
text = open(sys.argv[1], encoding="utf-8").read()
f = json.load(open(sys.argv[2], encoding="utf-8")); f["YEAR"] = str(datetime.date.today().year)
missing = sorted(set(re.findall(r"\{\{([A-Z0-9_]+)\}\}", text)) - set(f))
if missing: sys.exit(f"{sys.argv[1]}: нет значений для {missing}")
print(re.sub(r"\{\{([A-Z0-9_]+)\}\}", lambda m: f[m.group(1)], text), end="")
PY
}

# DOCX styles: pandoc's default reference document made printable (A4, borders, black headings, title page).
pandoc -o "$TMP/default.docx" --print-default-data-file reference.docx
"$PY" $M/refdoc.py "$TMP/default.docx" "$TMP/ref.docx"
"$PY" $M/refdoc.py "$TMP/default.docx" "$TMP/ref-cheatsheet.docx" --cheatsheet

pdf() { # html → pdf with headless chromium
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$(realpath "$1")" >/dev/null 2>&1
  [ -s "$2" ] || { echo "chromium не создал $2" >&2; exit 1; }
}

# 1. Методические указания
{
  fill $M/metodichka-front.md; echo
  for f in tasks/0*.md; do cat "$f"; printf '\n\n\\newpage\n\n'; done
  echo "# Форма отчёта"; echo
  echo "Отчёт — файл \`report/REPORT.md\` в репозитории студента. Заголовки и подписи до двоеточия"
  echo "не меняются: по ним работает автоматическая проверка. Шаблон:"; echo
  # the template has ``` blocks of its own: the outer fence must be longer
  ! grep -q '````' report/REPORT.md || { echo 'report/REPORT.md: внутри шаблона ````, внешняя рамка не удержит' >&2; exit 1; }
  echo '::: long'; echo '````markdown'; cat report/REPORT.md; echo '````'; echo ':::'; printf '\n\\newpage\n\n'
  fill $M/metodichka-back.md
} > "$TMP/metodichka.md"
common=(--from markdown --lua-filter $M/pagebreak.lua --metadata lang=ru)
# No document title in DOCX: the МПГУ title page is the first page (HTML needs one, and hides it in print.css).
pandoc "${common[@]}" --reference-doc "$TMP/ref.docx" -o "$OUT/metodichka.docx" "$TMP/metodichka.md"
"$PY" $M/refdoc.py --keep-rows "$OUT/metodichka.docx"
pandoc "${common[@]}" --metadata title="Методические указания" --standalone --self-contained --css $M/print.css -o "$TMP/metodichka.html" "$TMP/metodichka.md"
pdf "$TMP/metodichka.html" "$OUT/metodichka.pdf"; log "$OUT/metodichka.docx, $OUT/metodichka.pdf"

# 2. Шпаргалка преподавателя (одна страница)
fill $M/cheatsheet.md > "$TMP/cheatsheet.md"
pandoc "${common[@]}" --reference-doc "$TMP/ref-cheatsheet.docx" -o "$OUT/cheatsheet.docx" "$TMP/cheatsheet.md"
"$PY" $M/refdoc.py --keep-rows "$OUT/cheatsheet.docx"
pandoc "${common[@]}" --metadata title="Шпаргалка" --standalone --self-contained --css $M/cheatsheet.css -o "$TMP/cheatsheet.html" "$TMP/cheatsheet.md"
pdf "$TMP/cheatsheet.html" "$OUT/cheatsheet.pdf"; log "$OUT/cheatsheet.docx, $OUT/cheatsheet.pdf"

# 3. Слайды демонстрации
lat=$DEMO_DIR/demo-latency.png; thr=$DEMO_DIR/demo-throughput.png; panels=bench/results/dashboard-panels.png
for img in "$lat" "$thr" "$panels"; do
  [ -s "$img" ] || { echo "нет $img: сначала bin/lab demo (графики в $DEMO_DIR) и bash bench/dashboard-under-load.sh" >&2; exit 3; }
done
# The panels chart is tall (one row of two panels, web=1 and web=3, per dashboard panel): on slides, the four
# panels of the lesson, two rows a slide, so that a projector shows them large enough to read.
"$PY" - "$panels" "${panels%.png}.json" "$TMP/panels-a.png" "$TMP/panels-b.png" <<'PY'
import json, sys
from PIL import Image
im = Image.open(sys.argv[1]); ids = [p["id"] for p in json.load(open(sys.argv[2], encoding="utf-8"))["panels"]]
h = im.height // len(ids)  # bench/dashboard_panels.py draws one row per panel, in the JSON's order
# Dashboard panel ids (grafana/dashboards/django-lab.json): 1 requests/sec, 6 database vs Python; 7 CPU against the
# limit, 8 requests in progress
for keep, path in (([1, 6], sys.argv[3]), ([7, 8], sys.argv[4])):
    missing = [k for k in keep if k not in ids]
    if missing:
        sys.exit(f"{sys.argv[2]}: нет панелей {missing}: перерисуйте bash bench/dashboard-under-load.sh")
    out = Image.new("RGB", (im.width, h * len(keep)), "white")
    for i, r in enumerate(ids.index(k) for k in keep):
        out.paste(im.crop((0, r * h, im.width, (r + 1) * h)), (0, i * h))
    out.save(path)
PY
fill $M/slides.md | sed -e "s#DEMO_LATENCY#$(realpath "$lat")#" -e "s#DEMO_THROUGHPUT#$(realpath "$thr")#" -e "s#PANELS_A#$TMP/panels-a.png#" -e "s#PANELS_B#$TMP/panels-b.png#" > "$TMP/slides.md"
pandoc --from markdown --metadata lang=ru -o "$OUT/slides.pptx" "$TMP/slides.md"
pandoc --from markdown --metadata lang=ru --standalone --self-contained --section-divs --css $M/slides.css -o "$TMP/slides.html" "$TMP/slides.md"
sed -i 's#<section id="\([^"]*\)" class="level1">#<section id="\1" class="level1 slide">#g' "$TMP/slides.html"
pdf "$TMP/slides.html" "$OUT/slides.pdf"; log "$OUT/slides.pptx, $OUT/slides.pdf"
