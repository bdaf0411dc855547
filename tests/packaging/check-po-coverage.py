#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that one language translates every string of the current sources.

The template is extracted afresh from po/POTFILES.in (the .pot is not kept in
git), merged with the language's .po file the way the update-po target does,
and the merge must leave no untranslated and no fuzzy message. The header
must name the language and carry a Plural-Forms line with the number of
forms the language has, and the merged catalogue must pass `msgfmt --check`.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

# Importing the helper must not leave __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checklib  # noqa: E402

# The keywords of meson's i18n.gettext(preset: 'glib'), which po/meson.build
# uses; only the keywords matter for which strings are extracted.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_set_error:4:c-format',
]

# Number of plural forms (CLDR / gettext) of the languages we ship.
NPLURALS = {'sq': 2, 'sr': 3, 'sr@latin': 3}


def run(report, argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        report.error(f'{argv[0]} failed: {result.stderr.strip()}')
        return None
    return result


def entries(text):
    """msgid texts of the entries in a catalogue, without the header."""
    found = []
    for block in text.split('\n\n'):
        match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if match:
            msgid = ''.join(re.findall(r'"(.*)"', match.group(1)))
            if msgid:
                found.append(msgid)
    return found


def check_header(report, po_text, lang):
    language = re.search(r'^"Language: ([^\\]*)\\n"', po_text, re.M)
    if not language or language.group(1).strip() != lang:
        report.error(f'header: Language is {language.group(1) if language else None!r}, expected {lang!r}')
    plural = re.search(r'^"Plural-Forms: ([^\\]*)\\n"', po_text, re.M)
    if not plural:
        report.error('header: no Plural-Forms')
        return
    nplurals = re.search(r'nplurals\s*=\s*(\d+)', plural.group(1))
    if lang in NPLURALS and (not nplurals or int(nplurals.group(1)) != NPLURALS[lang]):
        report.error(f'header: Plural-Forms {plural.group(1)!r} should have nplurals={NPLURALS[lang]}')


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--lang', required=True)
    parser.add_argument('--po', help='catalogue to check instead of po/LANG.po')
    checklib.add_arguments(parser)
    args = parser.parse_args()

    po_dir = os.path.join(args.source_root, 'po')
    po_file = args.po or os.path.join(po_dir, args.lang + '.po')
    report = checklib.Report(os.path.basename(po_file))
    if not os.path.isfile(po_file):
        report.error('missing')
        return report.finish(args.expect_error)
    with open(po_file, encoding='utf-8') as f:
        check_header(report, f.read(), args.lang)

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'template.pot')
        merged = os.path.join(tmp, 'merged.po')
        ok = run(report, ['xgettext', '--package-name=kosovo-atlas', '-D', args.source_root,
                          '-f', os.path.join(po_dir, 'POTFILES.in'), '-o', pot] + XGETTEXT_ARGS)
        if ok is None:
            return report.finish(args.expect_error)
        if not os.path.exists(pot):
            report.error('POTFILES.in lists no translatable string at all')
            return report.finish(args.expect_error)
        if run(report, ['msgmerge', '--quiet', '--no-wrap', '-o', merged, po_file, pot]) is None:
            return report.finish(args.expect_error)
        untranslated = run(report, ['msgattrib', '--untranslated', '--no-obsolete', '--no-wrap', merged])
        fuzzy = run(report, ['msgattrib', '--only-fuzzy', '--no-obsolete', '--no-wrap', merged])
        for result, what in ((untranslated, 'untranslated'), (fuzzy, 'fuzzy (needs review)')):
            if result is not None:
                for msgid in entries(result.stdout):
                    report.error(f'{what}: "{msgid}"')
        run(report, ['msgfmt', '--check', '--check-accelerators=_', '-o', os.devnull, merged])

    return report.finish(args.expect_error)


if __name__ == '__main__':
    sys.exit(main())
