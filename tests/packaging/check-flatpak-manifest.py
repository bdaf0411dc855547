#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifest without building it (the build needs network).

The manifest must be valid JSON, name the application id and command, use a
stable GNOME runtime, ask for no more than the narrow set of permissions the
application needs, and pin every module's sources: archives and files by
sha256, git sources by tag and commit. Only the application module itself
may use a local `dir` source.
"""

import argparse
import json
import os
import re
import sys

# Importing the helper must not leave __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checklib  # noqa: E402

ALLOWED_FINISH_ARGS = {
    '--share=ipc',
    '--socket=fallback-x11',
    '--socket=wayland',
    '--device=dri',
}
REQUIRED_MODULES = ['geos', 'yajl', 'protobuf-c', 'libshumate']
LIBSHUMATE_OPTS = ['-Dgir=false', '-Dvapi=false', '-Ddemos=false', '-Dgtk_doc=false']
SHA256 = re.compile(r'^[0-9a-f]{64}$')
COMMIT = re.compile(r'^[0-9a-f]{40}$')


def check_source(report, module, source, is_app, manifest_dir):
    where = f'module {module}'
    if not isinstance(source, dict):
        report.error(f'{where}: source {source!r} is not an object (external source files cannot be checked)')
        return
    kind = source.get('type')
    if kind in ('archive', 'file'):
        url = source.get('url', '')
        if not url.startswith('https://'):
            report.error(f'{where}: {kind} source needs an https url, got {url!r}')
        if not SHA256.match(source.get('sha256', '')):
            report.error(f'{where}: {kind} source {url} is not pinned by sha256')
    elif kind == 'git':
        url = source.get('url', '')
        if not url.startswith('https://'):
            report.error(f'{where}: git source needs an https url, got {url!r}')
        if not COMMIT.match(source.get('commit', '')):
            report.error(f'{where}: git source {url} is not pinned by commit')
        if not source.get('tag'):
            report.error(f'{where}: git source {url} names no release tag')
        if 'branch' in source:
            report.error(f'{where}: git source {url} follows a branch')
    elif kind == 'patch':
        paths = source.get('paths') or [source.get('path')]
        for path in paths:
            if not path or not os.path.isfile(os.path.join(manifest_dir, path)):
                report.error(f'{where}: patch {path!r} does not exist next to the manifest')
    elif kind == 'dir':
        if not is_app:
            report.error(f'{where}: only the application module may use a dir source')
    else:
        report.error(f'{where}: source type {kind!r} cannot be checked for a pin')


def check_modules(report, modules, app_name, manifest_dir, seen):
    if not isinstance(modules, list) or not modules:
        report.error('modules must be a non-empty list')
        return
    for module in modules:
        if not isinstance(module, dict):
            report.error(f'module {module!r} is not an object (external module files cannot be checked)')
            continue
        name = module.get('name')
        if not name:
            report.error('a module has no name')
            continue
        if name in seen:
            report.error(f'module {name} appears twice')
        seen.append(name)
        sources = module.get('sources')
        if not isinstance(sources, list) or not sources:
            report.error(f'module {name}: no sources')
        else:
            for source in sources:
                check_source(report, name, source, name == app_name, manifest_dir)
        if 'modules' in module:
            check_modules(report, module['modules'], app_name, manifest_dir, seen)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('manifest')
    parser.add_argument('--app-id', required=True)
    parser.add_argument('--command', required=True)
    parser.add_argument('--app-module', required=True, help='name of the module that builds the application')
    checklib.add_arguments(parser)
    args = parser.parse_args()
    report = checklib.Report(os.path.basename(args.manifest))

    try:
        with open(args.manifest, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        report.error(f'cannot read the manifest as JSON: {e}')
        return report.finish(args.expect_error)
    if not isinstance(manifest, dict):
        report.error('the manifest is not a JSON object')
        return report.finish(args.expect_error)

    app_id = manifest.get('id', manifest.get('app-id'))
    if app_id != args.app_id:
        report.error(f'id is {app_id!r}, expected {args.app_id!r}')
    if manifest.get('command') != args.command:
        report.error(f'command is {manifest.get("command")!r}, expected {args.command!r}')
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        report.error('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    version = manifest.get('runtime-version')
    if not isinstance(version, str) or not version.isdigit():
        report.error(f'runtime-version {version!r} is not a stable GNOME release')

    finish_args = manifest.get('finish-args', [])
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            report.error(f'finish-arg {arg} is broader than the application needs')
    for arg in sorted(ALLOWED_FINISH_ARGS - set(finish_args)):
        report.error(f'finish-arg {arg} is missing')

    manifest_dir = os.path.dirname(os.path.abspath(args.manifest))
    names = []
    check_modules(report, manifest.get('modules'), args.app_module, manifest_dir, names)
    for required in REQUIRED_MODULES:
        if required not in names:
            report.error(f'module {required} is missing')
    modules = manifest.get('modules') or [{}]
    last = modules[-1] if isinstance(modules[-1], dict) else {}
    if last.get('name') != args.app_module or last.get('buildsystem') != 'meson':
        report.error(f'the last module must be {args.app_module}, built with meson')
    for module in modules:
        if isinstance(module, dict) and module.get('name') == 'libshumate':
            opts = module.get('config-opts', [])
            for opt in LIBSHUMATE_OPTS:
                if opt not in opts:
                    report.error(f'module libshumate: config-opts lack {opt}')

    return report.finish(args.expect_error)


if __name__ == '__main__':
    sys.exit(main())
