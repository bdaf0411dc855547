# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared reporting for the packaging checks.

Each check collects every problem it finds instead of stopping at the first
one. With --expect-error SUBSTRING (repeatable) a check runs as a negative
test against a broken fixture: it passes only if it reported a problem
containing each substring, which proves the check can fail.
"""

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument('--expect-error', action='append', default=[], metavar='SUBSTRING',
                        help='negative test: succeed only if a problem mentioning SUBSTRING is found')


class Report:
    def __init__(self, name: str) -> None:
        self.name = name
        self.errors: list[str] = []

    def error(self, message: str) -> None:
        self.errors.append(message)

    def finish(self, expected: list[str]) -> int:
        for message in self.errors:
            print(f'{self.name}: {message}', file=sys.stderr)
        if expected:
            missing = [e for e in expected if not any(e in m for m in self.errors)]
            for e in missing:
                print(f'{self.name}: expected a problem mentioning {e!r}, found none', file=sys.stderr)
            return 1 if missing or not self.errors else 0
        if not self.errors:
            print(f'{self.name}: ok')
        return 1 if self.errors else 0
