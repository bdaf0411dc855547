#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates sr@latin.po from sr.po. Serbian is written in both alphabets
# and the Latin text is a mechanical transliteration of the Cyrillic one, so
# only sr.po is translated by hand; run this after every change to it:
#
#   po/update-sr-latin.sh
set -eu
cd "$(dirname "$0")"

msgfilter --keep-header -i sr.po -o sr@latin.po recode-sr-latin
sed -i \
  -e '1s/^# Serbian translation/# Serbian (Latin) translation/' \
  -e 's/^"Language: sr\\n"$/"Language: sr@latin\\n"/' \
  -e 's/^"Language-Team: [^\\]*\\n"$/"Language-Team: Serbian (Latin)\\n"/' \
  sr@latin.po
