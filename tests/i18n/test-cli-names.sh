#!/usr/bin/env bash
# kosovo-atlas --export --names: the labels of the exported PDF follow the
# chosen language, and Serbian follows the alphabet of the user interface.
# TAP output; skipped without pdftotext.
set -u
unset DISPLAY WAYLAND_DISPLAY

bin=${KOSOVO_ATLAS:?}
work=$(mktemp -d "${TMPDIR:-/tmp}/atlas-cli-names-XXXXXX")
trap 'rm -rf "$work"' EXIT
n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }

# The catalogues of the build tree, as build-aux/run gives them: the
# program speaks the user's language before it is installed.
if [ -n "${ATLAS_TEST_LOCALEDIR:-}" ]; then
  help=$(KOSOVO_ATLAS_LOCALEDIR=$ATLAS_TEST_LOCALEDIR LANGUAGE=sq LC_ALL=C.UTF-8 "$bin" --help 2>&1)
  if printf '%s' "$help" | grep -qF "Atlasit të Kosovës"; then
    ok "KOSOVO_ATLAS_LOCALEDIR: --help in Albanian"
  else
    not_ok "KOSOVO_ATLAS_LOCALEDIR: --help is not in Albanian: $help"
  fi
fi

if [ -z "${PDFTOTEXT:-}" ]; then
  echo "1..$n"
  echo "# SKIP pdftotext not found"
  exit $failed
fi

# export NAME LANGUAGE ARGS…: a PDF of Kosovo and its neighbours, as text
# on one line.
export_text () {
  local name=$1 language=$2; shift 2
  if ! LANGUAGE=$language LC_ALL=C.UTF-8 "$bin" --export "$work/$name.pdf" --size 1280x800 \
       --center 42.6,20.9 --zoom 8 "$@" >"$work/$name.log" 2>&1; then
    not_ok "export $name: $(cat "$work/$name.log")"
    return
  fi
  "$PDFTOTEXT" "$work/$name.pdf" - | tr '\n' ' ' >"$work/$name.txt"
}

# check NAME WANTED UNWANTED…: the text has WANTED and none of UNWANTED.
check () {
  local name=$1 wanted=$2; shift 2
  local text
  text=$(cat "$work/$name.txt" 2>/dev/null)
  if ! printf '%s' "$text" | grep -qF -- "$wanted"; then
    not_ok "$name: “$wanted” is on the map (text: $text)"
    return
  fi
  for unwanted in "$@"; do
    if printf '%s' "$text" | grep -qF -- "$unwanted"; then
      not_ok "$name: “$unwanted” is not on the map (text: $text)"
      return
    fi
  done
  ok "$name: “$wanted”${*:+, not $*}"
}

export_text sq en --names sq
export_text sr en --names sr
export_text en en --names en
export_text both en
export_text sr-cyrillic sr --names sr
export_text sr-latin sr@latin --names sr

check sq "Prishtinë" "Priština" "Pristina"
check sq "Gjakovë" "Đakovica"
check sr "Priština" "Prishtinë" "Pristina"
check sr "Đakovica" "Gjakovë"
check en "Pristina" "Prishtinë" "Priština"
# Both names, in the default mode; pdftotext may cut the line anywhere.
check both "Prishtinë" "Pristina"
check both "Priština"
check sr-cyrillic "Приштина" "Priština" "Prishtinë"
check sr-latin "Priština" "Приштина" "Prishtinë"
# Places outside Kosovo keep their names in every mode.
for name in sq sr en both; do check "$name" "Niš"; done

echo "1..$n"
exit $failed
