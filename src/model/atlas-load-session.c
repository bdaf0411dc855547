/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-load-session"

#include "config.h"

#include <glib.h>
#include <glib/gi18n.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#ifdef G_OS_UNIX
#include <sys/mman.h>
#endif

#include "atlas-diagnostic.h"
#include "atlas-load-session.h"

/* Quoted values in messages are cut after this many bytes. */
#define QUOTE_MAX 48

typedef struct {
  AtlasSeverity  severity;
  gsize          offset;
  gint           feature_index;
  char          *feature_id;
  char          *path;
  char          *message;
  guint          line;
  guint          column;
} Problem;

static void
problem_clear (gpointer data)
{
  Problem *problem = data;

  g_free (problem->feature_id);
  g_free (problem->path);
  g_free (problem->message);
}

AtlasLoadSession *
atlas_load_session_new (GCancellable      *cancellable,
                        AtlasProgressFunc  progress,
                        gpointer           progress_data)
{
  AtlasLoadSession *session = g_new0 (AtlasLoadSession, 1);

  session->store = atlas_store_new ();
  session->file_names = g_ptr_array_new_with_free_func (g_free);
  session->diagnostics = g_list_store_new (ATLAS_TYPE_DIAGNOSTIC);
  session->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  session->progress = progress;
  session->progress_data = progress_data;
  session->pending = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (session->pending, problem_clear);
  session->feature_problems = g_array_new (FALSE, FALSE, sizeof (Problem));
  g_array_set_clear_func (session->feature_problems, problem_clear);
  session->feature_index = -1;
  return session;
}

void
atlas_load_session_free (AtlasLoadSession *session)
{
  if (session == NULL)
    return;

  g_clear_pointer (&session->store, atlas_store_unref);
  g_ptr_array_unref (session->file_names);
  g_clear_object (&session->diagnostics);
  g_clear_object (&session->cancellable);
  g_array_unref (session->pending);
  g_array_unref (session->feature_problems);
  g_free (session);
}

guint
atlas_load_session_add_file (AtlasLoadSession *session,
                             const char       *name)
{
  g_ptr_array_add (session->file_names, g_strdup (name));
  return session->file_names->len - 1;
}

const char *
atlas_load_session_get_file_name (AtlasLoadSession *session,
                                  guint             file_index)
{
  g_return_val_if_fail (file_index < session->file_names->len, NULL);

  return g_ptr_array_index (session->file_names, file_index);
}

static void
count (AtlasLoadSession *session,
       AtlasSeverity     severity)
{
  if (severity == ATLAS_SEVERITY_ERROR)
    session->n_errors++;
  else
    session->n_warnings++;
}

static void
emit (AtlasLoadSession *session,
      guint             file_index,
      const Problem    *problem)
{
  g_autoptr(AtlasDiagnostic) diagnostic = NULL;

  if (g_list_model_get_n_items (G_LIST_MODEL (session->diagnostics)) >= ATLAS_MAX_DIAGNOSTICS)
    {
      session->n_suppressed++;
      return;
    }

  diagnostic = atlas_diagnostic_new (problem->severity,
                                     atlas_load_session_get_file_name (session, file_index),
                                     problem->line, problem->column,
                                     problem->feature_index, problem->feature_id,
                                     problem->path, problem->message);
  g_list_store_append (session->diagnostics, diagnostic);
}

void
atlas_load_session_begin_text (AtlasLoadSession *session,
                               guint             file_index,
                               const char       *text,
                               gsize             length,
                               gboolean          mapped)
{
  session->file_index = file_index;
  session->text = text;
  session->text_len = length;
  session->text_mapped = mapped;
  session->text_released = 0;
  g_array_set_size (session->pending, 0);
}

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Problem *pa = *(Problem * const *) a;
  const Problem *pb = *(Problem * const *) b;

  return pa->offset < pb->offset ? -1 : pa->offset > pb->offset;
}

/* One pass over the text, in offset order, gives every line and column
 * (columns count characters, not bytes). */
static void
resolve_positions (AtlasLoadSession *session)
{
  g_autofree Problem **order = g_new (Problem *, MAX (session->pending->len, 1));
  gsize pos = 0;
  guint line = 1;
  guint column = 1;

  for (guint i = 0; i < session->pending->len; i++)
    order[i] = &g_array_index (session->pending, Problem, i);
  qsort (order, session->pending->len, sizeof (Problem *), compare_offsets);

  for (guint i = 0; i < session->pending->len; i++)
    {
      Problem *problem = order[i];
      gsize target;

      if (problem->offset == ATLAS_NO_OFFSET)
        continue;
      target = MIN (problem->offset, session->text_len);
      for (; pos < target; pos++)
        {
          guchar c = session->text[pos];

          if (c == '\n')
            {
              line++;
              column = 1;
            }
          else if ((c & 0xC0) != 0x80)
            {
              column++;
            }
        }
      problem->line = line;
      problem->column = column;
    }
}

void
atlas_load_session_end_text (AtlasLoadSession *session)
{
  if (session->text != NULL)
    resolve_positions (session);

  for (guint i = 0; i < session->pending->len; i++)
    emit (session, session->file_index, &g_array_index (session->pending, Problem, i));

  g_array_set_size (session->pending, 0);
  session->bytes_done += session->text_len;
  session->text = NULL;
  session->text_len = 0;
}

/* Released in steps of this many bytes (a multiple of any page size). */
#define RELEASE_STEP ((gsize) 4 << 20)

void
atlas_load_session_release_text (AtlasLoadSession *session,
                                 gsize             offset)
{
#if defined(G_OS_UNIX) && defined(MADV_DONTNEED)
  gsize end = offset / RELEASE_STEP * RELEASE_STEP;

  /* A mapping starts on a page boundary, so offsets that are multiples of
   * the step are too. */
  if (!session->text_mapped || end <= session->text_released)
    return;

  madvise ((char *) session->text + session->text_released, end - session->text_released, MADV_DONTNEED);
  session->text_released = end;
#endif
}

void
atlas_load_session_progress (AtlasLoadSession *session,
                             gsize             offset)
{
  double fraction;

  if (session->progress == NULL || session->bytes_total == 0)
    return;

  fraction = (double) (session->bytes_done + offset) / (double) session->bytes_total;
  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction - session->last_fraction < 0.005 && fraction < 1.0)
    return;

  session->last_fraction = fraction;
  session->progress (fraction, session->progress_data);
}

void
atlas_load_session_file_problem (AtlasLoadSession *session,
                                 guint             file_index,
                                 AtlasSeverity     severity,
                                 gsize             offset,
                                 const char       *format,
                                 ...)
{
  Problem problem = { severity, offset, -1, NULL, NULL, NULL, 0, 0 };
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);

  count (session, severity);
  if (session->text != NULL && file_index == session->file_index)
    {
      g_array_append_val (session->pending, problem);
    }
  else
    {
      emit (session, file_index, &problem);
      problem_clear (&problem);
    }
}

void
atlas_load_session_feature_begin (AtlasLoadSession *session,
                                  guint             feature_index)
{
  session->feature_index = (gint) MIN (feature_index, (guint) G_MAXINT);
  session->feature_errors = 0;
  g_array_set_size (session->feature_problems, 0);
}

void
atlas_load_session_feature_problem (AtlasLoadSession *session,
                                    AtlasSeverity     severity,
                                    gsize             offset,
                                    const char       *path,
                                    const char       *format,
                                    ...)
{
  Problem problem = { severity, offset, session->feature_index, NULL, NULL, NULL, 0, 0 };
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  problem.path = g_strdup (path);

  count (session, severity);
  if (severity == ATLAS_SEVERITY_ERROR)
    session->feature_errors++;
  g_array_append_val (session->feature_problems, problem);
}

gboolean
atlas_load_session_feature_failed (AtlasLoadSession *session)
{
  return session->feature_errors > 0;
}

/* The id as shown in "(id "…")": the id itself when it is a plausible one,
 * an escaped and shortened form otherwise. */
static char *
display_id (const char *id)
{
  g_autofree char *quoted = NULL;

  if (id == NULL)
    return NULL;

  quoted = atlas_quote (id, strlen (id));
  /* Strip the quotes: the diagnostic adds its own. */
  return g_strndup (quoted + 1, strlen (quoted) - 2);
}

void
atlas_load_session_feature_end (AtlasLoadSession *session,
                                const char       *id)
{
  for (guint i = 0; i < session->feature_problems->len; i++)
    {
      Problem *problem = &g_array_index (session->feature_problems, Problem, i);

      problem->feature_id = display_id (id);
      g_array_append_val (session->pending, *problem);
    }
  /* The strings moved to pending: drop the array without clearing them. */
  g_array_set_clear_func (session->feature_problems, NULL);
  g_array_set_size (session->feature_problems, 0);
  g_array_set_clear_func (session->feature_problems, problem_clear);
  session->feature_index = -1;
}

void
atlas_load_session_late_problem (AtlasLoadSession  *session,
                                 const AtlasRecord *record,
                                 const char        *path,
                                 const char        *format,
                                 ...)
{
  Problem problem = { ATLAS_SEVERITY_ERROR, ATLAS_NO_OFFSET, (gint) record->feature_index,
                      NULL, NULL, NULL, 0, 0 };
  va_list args;

  va_start (args, format);
  problem.message = g_strdup_vprintf (format, args);
  va_end (args);
  problem.path = g_strdup (path);
  problem.feature_id = display_id (record->id);

  count (session, ATLAS_SEVERITY_ERROR);
  emit (session, record->file_index, &problem);
  problem_clear (&problem);
}

void
atlas_load_session_finish_diagnostics (AtlasLoadSession *session)
{
  g_autoptr(AtlasDiagnostic) diagnostic = NULL;
  g_autofree char *message = NULL;
  const char *file;

  if (session->n_suppressed == 0)
    return;

  file = session->file_names->len > 0 ? g_ptr_array_index (session->file_names,
                                                           session->file_names->len - 1) : "";
  /* Translators: the last line of a list of problems found in dataset
   * files, when there were too many to list them all */
  message = g_strdup_printf (ngettext ("%u more problem is not listed", "%u more problems are not listed",
                                       session->n_suppressed),
                             session->n_suppressed);
  diagnostic = atlas_diagnostic_new (ATLAS_SEVERITY_WARNING, file, 0, 0, -1, NULL, NULL, message);
  g_list_store_append (session->diagnostics, diagnostic);
}

char *
atlas_quote (const char *text,
             gsize       len)
{
  GString *out = g_string_sized_new (MIN (len, QUOTE_MAX) + 8);
  gsize i;

  g_string_append_c (out, '"');
  for (i = 0; i < len; i++)
    {
      guchar c = text[i];

      /* Cut at a character boundary once the limit is reached. */
      if (out->len > QUOTE_MAX && (c & 0xC0) != 0x80)
        {
          g_string_append (out, "…");
          break;
        }

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}
