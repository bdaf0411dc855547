#!/usr/bin/env bash
# kosovo-atlas --export-lesson with no display at all. TAP output.
set -u
unset DISPLAY WAYLAND_DISPLAY

bin=${KOSOVO_ATLAS:?}
lesson=${BUNDLED_LESSON:?}
pdfinfo=${PDFINFO:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
failed=0

ok () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi
}

check () {
  local name=$1 expected_status=$2 pattern=$3; shift 3
  local out status
  out=$("$@" 2>&1); status=$?
  if [ "$status" -eq "$expected_status" ] && printf '%s\n' "$out" | grep -qE -- "$pattern"; then
    ok 0 "$name"
  else
    ok 1 "$name (exit $status, output: $out)"
  fi
}

# The bundled lesson: one page per scene.
scenes=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["scenes"]))' "$lesson")
out=$("$bin" --export-lesson "$lesson" "$tmp/handout.pdf" 2>&1); status=$?
ok "$status" "the bundled lesson's handout is written headless (exit $status: $out)"
[ -z "$out" ]; ok $? "and without a warning ($out)"
head -c 5 "$tmp/handout.pdf" | grep -q '%PDF-'; ok $? "it is a PDF"
if [ -n "$pdfinfo" ]; then
  pages=$("$pdfinfo" "$tmp/handout.pdf" | sed -n 's/^Pages: *//p')
  [ "$pages" = "$scenes" ]; ok $? "pages ($pages) = scenes ($scenes)"
  "$pdfinfo" "$tmp/handout.pdf" | grep -q '^Page size: *841.89 x 595.28'; ok $? "A4 landscape pages"
else
  echo "ok $((n + 1)) # SKIP pdfinfo not found"; n=$((n + 1))
fi

# Errors: clear, with the file and the place, and nothing overwritten.
printf '{\n  "type": "KosovoAtlasLesson",\n  "version": 1,\n  "title": "x",\n  "scenes": [ { "title": "A", "date": "1999-13" } ]\n}\n' > "$tmp/bad.lesson.json"
echo old > "$tmp/kept.pdf"
check "a malformed lesson names the file and the place" 1 \
  "bad\.lesson\.json: scenes\[0\] \(“A”\): date: “1999-13” is not a date" \
  "$bin" --export-lesson "$tmp/bad.lesson.json" "$tmp/kept.pdf"
[ "$(cat "$tmp/kept.pdf")" = old ]; ok $? "the existing PDF is untouched"
printf '{ "type": "KosovoAtlasLesson",\n  "version": 1 x' > "$tmp/syntax.lesson.json"
check "a syntax error gives line and column" 1 'syntax\.lesson\.json:2:16: ' \
  "$bin" --export-lesson "$tmp/syntax.lesson.json" "$tmp/kept.pdf"
check "a missing lesson is an error" 1 'missing\.lesson\.json: cannot be read' \
  "$bin" --export-lesson "$tmp/missing.lesson.json" "$tmp/out.pdf"
check "the output must be a PDF" 2 'should end in \.pdf' "$bin" --export-lesson "$lesson" "$tmp/out.png"
check "the output is needed" 2 'needs the PDF file' "$bin" --export-lesson "$lesson"
check "an unwritable output is an error naming it" 1 "$tmp/no/such/dir/out\.pdf" \
  "$bin" --export-lesson "$lesson" "$tmp/no/such/dir/out.pdf"

# References to features the data lacks are warnings; the handout is made.
sed 's/"dep-mnbg-west"/"dep-nowhere"/' "$lesson" > "$tmp/unknown.lesson.json"
check "an unknown feature id is a warning" 0 'warning: .*no feature has the id “dep-nowhere”' \
  "$bin" --export-lesson "$tmp/unknown.lesson.json" "$tmp/unknown.pdf"
[ -s "$tmp/unknown.pdf" ]; ok $? "and the handout is still written"

echo "1..$n"
exit $failed
