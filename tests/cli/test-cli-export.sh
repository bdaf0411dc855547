#!/usr/bin/env bash
# kosovo-atlas --export without a display: the files it writes open in
# standard tools, bad arguments exit 2, failures exit 1 and leave existing
# files alone. TAP output. Optional tools (pdfinfo, pdftotext, xmllint,
# unshare) come from meson in the environment; checks that need a missing
# one are skipped.
set -u
unset DISPLAY WAYLAND_DISPLAY

bin=${KOSOVO_ATLAS:?}
fixtures=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fixtures
work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-cli-export-XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# run NAME EXPECTED_STATUS PATTERN COMMAND…: the status and a line of output
# (stdout and stderr) matching PATTERN.
run () {
  local name=$1 expected=$2 pattern=$3; shift 3
  local out status
  out=$("$@" 2>&1); status=$?
  if [ "$status" -eq "$expected" ] && printf '%s\n' "$out" | grep -qE -- "$pattern"; then
    ok "$name"
  else
    not_ok "$name (exit $status, output: $out)"
  fi
}

# The width and height in a PNG's IHDR chunk.
png_size () {
  od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}

is_png () { [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = "89504e470d0a1a0a" ]; }

# Files -------------------------------------------------------------------

run "a 3840x2160 PNG" 0 '.*' "$bin" --export "$work/uhd.png" --size 3840x2160
if is_png "$work/uhd.png" && [ "$(png_size "$work/uhd.png")" = 3840x2160 ]; then
  ok "the PNG is a 3840x2160 PNG"
else
  not_ok "the PNG is a 3840x2160 PNG (got $(png_size "$work/uhd.png" 2>&1))"
fi

run "the default size is 1920x1080" 0 '.*' "$bin" --export "$work/default.png"
if [ "$(png_size "$work/default.png")" = 1920x1080 ]; then ok "default PNG size"; else not_ok "default PNG size"; fi

run "an SVG" 0 '.*' "$bin" --export "$work/map.svg" --date 2005-03-01
if grep -q 'width="1920px"' "$work/map.svg" && grep -q 'height="1080px"' "$work/map.svg"; then
  ok "the SVG is 1920x1080 pixels"
else
  not_ok "the SVG is 1920x1080 pixels"
fi
if [ -n "${XMLLINT:-}" ]; then
  if "$XMLLINT" --noout "$work/map.svg"; then ok "the SVG parses as XML"; else not_ok "the SVG parses as XML"; fi
else
  skip "the SVG parses as XML" "xmllint not found"
fi

run "a PDF on A4" 0 '.*' "$bin" --export "$work/map.pdf" --size a4 --date 2005-03-01 --title "Export test"
if [ -n "${PDFINFO:-}" ]; then
  info=$("$PDFINFO" "$work/map.pdf" 2>&1)
  if printf '%s\n' "$info" | grep -qE '^Pages: +1$' &&
     printf '%s\n' "$info" | grep -qE '^Page size: +595(\.[0-9]+)? x 841(\.[0-9]+)? pts' &&
     printf '%s\n' "$info" | grep -qE '^Title: +Export test$'; then
    ok "pdfinfo reads one A4 page with the title"
  else
    not_ok "pdfinfo reads one A4 page with the title ($info)"
  fi
else
  skip "pdfinfo reads one A4 page with the title" "pdfinfo not found"
fi

if [ -n "${PDFTOTEXT:-}" ]; then
  text=$("$PDFTOTEXT" "$work/map.pdf" - 2>&1)
  for want in "Export test" "As of 1 March 2005" "OpenStreetMap contributors" "GeoNames" "Data: " "Zones" "Boundary of Kosovo" "Deployments"; do
    if printf '%s\n' "$text" | tr '\n' ' ' | grep -qF -- "$want"; then
      ok "the PDF says “$want”"
    else
      not_ok "the PDF says “$want” (text: $text)"
    fi
  done

  run "--data with a dataset of one event" 0 '.*' \
    "$bin" --export "$work/fixture.pdf" --data "$fixtures/export-one-event.geojson"
  text=$("$PDFTOTEXT" "$work/fixture.pdf" - 2>&1 | tr '\n' ' ')
  if printf '%s\n' "$text" | grep -qF "As of 3 February 2001"; then
    ok "without --date, the first date of the data"
  else
    not_ok "without --date, the first date of the data (text: $text)"
  fi
  if printf '%s\n' "$text" | grep -qF "Fixture Gazette"; then
    ok "the sources of the data are credited"
  else
    not_ok "the sources of the data are credited (text: $text)"
  fi

  # What a date shows: the zones computed for it, the deployments in
  # place, the events of the 30 days up to it (the window's default).
  pdf_text () { "$PDFTOTEXT" "$1" - 2>&1 | tr '\n' ' '; }
  run "a PDF on 1 January 2000" 0 '.*' "$bin" --export "$work/2000.pdf" --size a4 --date 2000-01-01
  text=$(pdf_text "$work/2000.pdf")
  for want in "Ground Safety Zone (GSZ)" "Air Safety Zone (ASZ)" "Troops present" "MNB North"; do
    if printf '%s\n' "$text" | grep -qF -- "$want"; then
      ok "on 1 January 2000, the PDF says “$want”"
    else
      not_ok "on 1 January 2000, the PDF says “$want” (text: $text)"
    fi
  done

  run "the fixture's event 29 days on" 0 '.*' \
    "$bin" --export "$work/event-29.pdf" --size a4 --data "$fixtures/export-one-event.geojson" --date 2001-03-04
  run "the fixture's event 30 days on" 0 '.*' \
    "$bin" --export "$work/event-30.pdf" --size a4 --data "$fixtures/export-one-event.geojson" --date 2001-03-05
  if printf '%s\n' "$(pdf_text "$work/event-29.pdf")" | grep -qF "Events" &&
     ! printf '%s\n' "$(pdf_text "$work/event-30.pdf")" | grep -qF "Events"; then
    ok "an event shows for 30 days, its own included"
  else
    not_ok "an event shows for 30 days, its own included ($(pdf_text "$work/event-29.pdf") / $(pdf_text "$work/event-30.pdf"))"
  fi

  run "data without dates" 0 '.*' "$bin" --export "$work/undated.pdf" --size a4 --data "$fixtures/export-undated.geojson"
  text=$(pdf_text "$work/undated.pdf")
  if printf '%s\n' "$text" | grep -qF "Undated Gazette" && ! printf '%s\n' "$text" | grep -qF "As of"; then
    ok "data without dates: the sources credited, no date stamp"
  else
    not_ok "data without dates: the sources credited, no date stamp (text: $text)"
  fi
else
  skip "the PDF text" "pdftotext not found"
fi

# A zone that cannot be computed is left out with a warning; the picture
# is still written.
run "a zone that cannot be computed" 0 'warning: zone “fixture-apart” left out: .*shares no boundary' \
  "$bin" --export "$work/bad-zone.png" --size 400x300 --data "$fixtures/export-bad-zone.geojson"
if is_png "$work/bad-zone.png"; then ok "the picture without the zone is written"; else not_ok "the picture without the zone is written"; fi

run "GeoJSON of the features in force" 0 '.*' "$bin" --export "$work/map.geojson" --date 2000-01-01
if grep -q '^{"type":"FeatureCollection","date":"2000-01-01","features":\[' "$work/map.geojson" &&
   grep -q '"kind":"zone"' "$work/map.geojson"; then
  ok "the GeoJSON is a FeatureCollection of the date, with zones"
else
  not_ok "the GeoJSON is a FeatureCollection of the date, with zones ($(head -c 200 "$work/map.geojson"))"
fi
run "GeoJSON of --data on its first date" 0 '.*' "$bin" --export "$work/fixture.geojson" --data "$fixtures/export-one-event.geojson"
if grep -q '"date":"2001-02-03"' "$work/fixture.geojson" && grep -q '"id":"fixture-event-1"' "$work/fixture.geojson"; then
  ok "the GeoJSON has the fixture's event on its first date"
else
  not_ok "the GeoJSON has the fixture's event on its first date ($(cat "$work/fixture.geojson"))"
fi

# Bad arguments: exit 2 ---------------------------------------------------

run "an unknown extension" 2 'must end in \.png, \.svg or \.pdf' "$bin" --export "$work/map.jpeg"
run "no extension" 2 'Cannot tell the format' "$bin" --export "$work/map"
run "a malformed size" 2 'Invalid size “big”' "$bin" --export "$work/x.png" --size big
run "a size too small" 2 'out of range' "$bin" --export "$work/x.png" --size 8x8
run "a size too large" 2 'out of range' "$bin" --export "$work/x.png" --size 20000x100
run "an impossible date" 2 'Invalid date “2007-02-29”' "$bin" --export "$work/x.png" --date 2007-02-29
run "a partial date" 2 'Invalid date “1999-06”' "$bin" --export "$work/x.png" --date 1999-06
run "a malformed centre" 2 'Invalid centre “42.6”' "$bin" --export "$work/x.png" --center 42.6
run "a centre off the map" 2 'Invalid centre “95,20”' "$bin" --export "$work/x.png" --center 95,20
run "a zoom out of range" 2 'Invalid zoom “25”' "$bin" --export "$work/x.png" --zoom 25
run "a zoom that is no number" 2 'Invalid zoom “near”' "$bin" --export "$work/x.png" --zoom near
run "a hexadecimal zoom" 2 'Invalid zoom “0x8”' "$bin" --export "$work/x.png" --zoom 0x8
run "unknown names" 2 'Invalid names “de”' "$bin" --export "$work/x.png" --names de
run "--size without --export" 2 'need --export' "$bin" --size 100x100
if [ ! -e "$work/x.png" ]; then ok "bad arguments write nothing"; else not_ok "bad arguments write nothing"; fi

run "a centre, zoom and names" 0 '.*' "$bin" --export "$work/prizren.png" --center 42.21,20.74 --zoom 10 --names sq --size 800x600
if [ "$(png_size "$work/prizren.png")" = 800x600 ]; then ok "800x600 PNG"; else not_ok "800x600 PNG"; fi

# Failures: exit 1, existing files untouched --------------------------------

run "unreadable data" 1 'no-such-file\.geojson' "$bin" --export "$work/x.png" --data "$work/no-such-file.geojson"
echo note > "$work/note"
run "the parent is a regular file" 1 "Could not write “$work/note/map.png”" "$bin" --export "$work/note/map.png"
run "GeoJSON below a regular file" 1 "$work/note/map.geojson" "$bin" --export "$work/note/map.geojson"

mkdir -p "$work/busy.png" && echo keep > "$work/busy.png/keep"
run "the target is a non-empty directory" 1 "Could not write “$work/busy.png”" "$bin" --export "$work/busy.png"
if [ "$(cat "$work/busy.png/keep")" = keep ] && [ "$(ls -A "$work" | grep -c '^\.')" -eq 0 ]; then
  ok "the directory is intact and no temporary file is left"
else
  not_ok "the directory is intact and no temporary file is left ($(ls -A "$work"))"
fi

# A read-only file system and a full one need a private mount namespace.
if [ -n "${UNSHARE:-}" ] && "$UNSHARE" -r -m true 2>/dev/null; then
  ro=$work/ro
  mkdir -p "$ro"
  cp "$work/default.png" "$work/reference.png"
  "$UNSHARE" -r -m sh -c '
    set -e
    mount -t tmpfs -o size=64m tmpfs "$1"
    cp "$2/reference.png" "$1/map.png"
    mount -o remount,ro "$1"
    "$3" --export "$1/map.png" --date 2005-03-01 > "$2/ro.out" 2>&1 && echo 0 > "$2/ro.status" || echo $? > "$2/ro.status"
    cmp -s "$1/map.png" "$2/reference.png" && echo same > "$2/ro.cmp" || echo changed > "$2/ro.cmp"
    ls -A "$1" > "$2/ro.ls"
  ' sh "$ro" "$work" "$bin"
  if [ "$(cat "$work/ro.status" 2>/dev/null)" = 1 ] && grep -qF "Could not write “$ro/map.png”: Read-only file system" "$work/ro.out" &&
     [ "$(cat "$work/ro.cmp")" = same ]; then
    ok "on a read-only file system: exit 1, the file named, the old file byte-identical"
  else
    not_ok "on a read-only file system (status $(cat "$work/ro.status" 2>&1), $(cat "$work/ro.out" 2>&1), $(cat "$work/ro.cmp" 2>&1))"
  fi

  printf 'an old map\n' > "$work/small.png"
  "$UNSHARE" -r -m sh -c '
    set -e
    mount -t tmpfs -o size=256k tmpfs "$1"
    cp "$2/small.png" "$1/map.png"
    dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
    "$3" --export "$1/map.png" --size 3840x2160 > "$2/full.out" 2>&1 && echo 0 > "$2/full.status" || echo $? > "$2/full.status"
    cmp -s "$1/map.png" "$2/small.png" && echo same > "$2/full.cmp" || echo changed > "$2/full.cmp"
    ls -A "$1" | tr "\n" " " > "$2/full.ls"
  ' sh "$ro" "$work" "$bin"
  if [ "$(cat "$work/full.status" 2>/dev/null)" = 1 ] && grep -qF "Could not write “$ro/map.png”: No space left on device" "$work/full.out" &&
     [ "$(cat "$work/full.cmp")" = same ] && [ "$(cat "$work/full.ls")" = "filler map.png " ]; then
    ok "on a full file system: exit 1, the old file byte-identical, no temporary left"
  else
    not_ok "on a full file system (status $(cat "$work/full.status" 2>&1), $(cat "$work/full.out" 2>&1), $(cat "$work/full.cmp" 2>&1), $(cat "$work/full.ls" 2>&1))"
  fi
else
  skip "read-only and full file systems" "no private mount namespace (unshare -r -m)"
fi

echo "1..$n"
exit $failed
