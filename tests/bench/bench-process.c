/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-bench"

#include "config.h"

#include <errno.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-process.h"
#include "bench-table.h"

static double
timeval_ms (const struct timeval *tv)
{
  return tv->tv_sec * 1e3 + tv->tv_usec / 1e3;
}

/* Everything the child writes, until it closes its end. */
static char *
read_all (int fd)
{
  GString *text = g_string_new (NULL);
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        break;
      g_string_append_len (text, buffer, n);
    }

  return g_string_free (text, FALSE);
}

gboolean
atlas_bench_process_run (const char * const  *argv,
                         gboolean             capture,
                         gboolean             quiet,
                         AtlasBenchProcess   *process,
                         GError             **error)
{
  GSpawnFlags flags = G_SPAWN_DO_NOT_REAP_CHILD;
  struct rusage usage;
  int status = 0;
  int out_fd = -1;
  double start;
  GPid pid;

  g_return_val_if_fail (argv != NULL && argv[0] != NULL, FALSE);

  *process = (AtlasBenchProcess) { 0 };
  if (!capture)
    flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
  if (quiet)
    flags |= G_SPAWN_STDERR_TO_DEV_NULL;

  start = atlas_bench_now_ms ();
  if (!g_spawn_async_with_pipes (NULL, (char **) argv, NULL, flags, NULL, NULL, &pid,
                                 NULL, capture ? &out_fd : NULL, NULL, error))
    return FALSE;

  if (capture)
    {
      process->output = read_all (out_fd);
      close (out_fd);
    }

  while (wait4 (pid, &status, 0, &usage) < 0)
    if (errno != EINTR)
      {
        int saved_errno = errno;

        g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                     "Waiting for %s: %s", argv[0], g_strerror (saved_errno));
        return FALSE;
      }

  process->wall_ms = atlas_bench_now_ms () - start;
  process->cpu_ms = timeval_ms (&usage.ru_utime) + timeval_ms (&usage.ru_stime);
  process->max_rss_mb = usage.ru_maxrss / 1024.0;   /* kilobytes on Linux */

  return g_spawn_check_wait_status (status, error);
}

void
atlas_bench_process_clear (AtlasBenchProcess *process)
{
  g_clear_pointer (&process->output, g_free);
}
