/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * The libFuzzer entry points of every target in this folder. Each target
 * is built twice: with -fsanitize=fuzzer under -Dfuzzing=true (clang), and
 * always with replay-main.c, which feeds it the files of the seed corpora
 * and of the regression folders in a normal `meson test` (suite
 * "reliability"), with any compiler.
 */

#include <glib.h>
#include <string.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Criticals and warnings are bugs when the input comes from a user: a
 * g_return_if_fail() that fires, or a warning where a diagnostic was
 * due. Making them fatal turns them into crashes the fuzzer keeps. */
static inline void
fuzz_target_init_glib (void)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}
