#!/usr/bin/env bash
# Command-line behaviour that needs no display. TAP output.
set -u
unset DISPLAY WAYLAND_DISPLAY

bin=${KOSOVO_ATLAS:?}
n=0
failed=0

check () {
  local name=$1 expected_status=$2 pattern=$3; shift 3
  local out status
  n=$((n + 1))
  out=$("$@" 2>&1); status=$?
  if [ "$status" -eq "$expected_status" ] && printf '%s\n' "$out" | grep -qE -- "$pattern"; then
    echo "ok $n - $name"
  else
    echo "not ok $n - $name (exit $status, output: $out)"
    failed=1
  fi
}

check "--version prints the version" 0 '^kosovo-atlas [0-9]+\.[0-9]+\.[0-9]+$' "$bin" --version
check "--help lists the options" 0 '--validate' "$bin" --help
check "an unknown option is a usage error" 2 'Unknown option' "$bin" --version --no-such-option
check "--validate without files is a usage error" 2 'at least one file' "$bin" --validate

echo "1..$n"
exit $failed
