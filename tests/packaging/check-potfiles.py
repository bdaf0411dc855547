#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in and po/LINGUAS.

POTFILES.in: sorted (byte order), no duplicates, every listed file exists,
and the translatable data files (desktop entry, metainfo) are listed. With
--complete, every C source under src/ that marks a string for translation
and every .ui file with translatable="yes" must be listed too; without it
such files are only printed as a note.

LINGUAS: sorted, no duplicates, a .po file for each language and no .po file
that is not listed.
"""

import argparse
import glob
import os
import re
import sys

# Importing the helper must not leave __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checklib  # noqa: E402

C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\s*\(\s*"')
UI_MARK = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
DATA_PATTERNS = ['data/*.desktop.in*', 'data/*.metainfo.xml.in*']


def read_list(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.lstrip().startswith('#')]


def check_order(report, name, items):
    if items != sorted(items):
        report.error(f'{name} is not sorted')
    for item in sorted(set(items)):
        if items.count(item) > 1:
            report.error(f'{name} lists {item} twice')


def marked_sources(root):
    found = []
    for pattern, mark in (('src/**/*.c', C_MARK), ('ui/**/*.ui', UI_MARK)):
        for path in glob.glob(os.path.join(root, pattern), recursive=True):
            with open(path, encoding='utf-8', errors='replace') as f:
                if mark.search(f.read()):
                    found.append(os.path.relpath(path, root))
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--source-root', required=True)
    parser.add_argument('--complete', action='store_true',
                        help='also require every marked file under src/ and ui/ to be listed')
    checklib.add_arguments(parser)
    args = parser.parse_args()
    root = args.source_root
    po_dir = os.path.join(root, 'po')
    report = checklib.Report('po')

    potfiles = read_list(os.path.join(po_dir, 'POTFILES.in'))
    check_order(report, 'POTFILES.in', potfiles)
    for path in potfiles:
        if not os.path.isfile(os.path.join(root, path)):
            report.error(f'POTFILES.in lists {path}, which does not exist')
    for pattern in DATA_PATTERNS:
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            rel = os.path.relpath(path, root)
            if rel not in potfiles:
                report.error(f'POTFILES.in does not list {rel}')

    unlisted = [path for path in marked_sources(root) if path not in potfiles]
    for path in unlisted:
        if args.complete:
            report.error(f'POTFILES.in does not list {path}, which has translatable strings')
        else:
            print(f'note: {path} has translatable strings but is not in POTFILES.in yet')

    linguas = read_list(os.path.join(po_dir, 'LINGUAS'))
    languages = [word for line in linguas for word in line.split()]
    check_order(report, 'LINGUAS', languages)
    for lang in languages:
        if not os.path.isfile(os.path.join(po_dir, lang + '.po')):
            report.error(f'LINGUAS lists {lang}, but po/{lang}.po does not exist')
    for path in sorted(glob.glob(os.path.join(po_dir, '*.po'))):
        lang = os.path.basename(path)[:-3]
        if lang not in languages:
            report.error(f'po/{lang}.po exists but LINGUAS does not list {lang}')

    return report.finish(args.expect_error)


if __name__ == '__main__':
    sys.exit(main())
