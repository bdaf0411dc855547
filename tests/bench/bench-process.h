/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Running a program and measuring it from the outside: wall-clock time
 * from start to exit, the CPU time and the peak resident memory the kernel
 * accounted to it (wait4()), so that what one measurement allocated never
 * shows in the next.
 */
typedef struct
{
  double  wall_ms;
  double  cpu_ms;        /* user + system */
  double  max_rss_mb;    /* ru_maxrss, in MiB */
  char   *output;        /* standard output, when asked for */
} AtlasBenchProcess;

/* Runs @argv (argv[0] a path) to its end. With @capture, keeps its
 * standard output; otherwise it goes to /dev/null, and so does its
 * standard error with @quiet. Fails when it cannot start, or does not
 * exit with 0. */
gboolean atlas_bench_process_run   (const char * const  *argv,
                                    gboolean             capture,
                                    gboolean             quiet,
                                    AtlasBenchProcess   *process,
                                    GError             **error);
void     atlas_bench_process_clear (AtlasBenchProcess   *process);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AtlasBenchProcess, atlas_bench_process_clear)

G_END_DECLS
