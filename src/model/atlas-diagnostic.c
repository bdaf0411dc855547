/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-diagnostic"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-diagnostic.h"

struct _AtlasDiagnostic
{
  GObject        parent_instance;

  AtlasSeverity  severity;
  char          *file;
  guint          line;
  guint          column;
  gint           feature_index;
  char          *feature_id;
  char          *path;
  char          *message;
};

G_DEFINE_FINAL_TYPE (AtlasDiagnostic, atlas_diagnostic, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEVERITY,
  PROP_FILE,
  PROP_LINE,
  PROP_COLUMN,
  PROP_FEATURE_INDEX,
  PROP_FEATURE_ID,
  PROP_PATH,
  PROP_MESSAGE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
atlas_diagnostic_finalize (GObject *object)
{
  AtlasDiagnostic *self = (AtlasDiagnostic *) object;

  g_free (self->file);
  g_free (self->feature_id);
  g_free (self->path);
  g_free (self->message);

  G_OBJECT_CLASS (atlas_diagnostic_parent_class)->finalize (object);
}

static void
atlas_diagnostic_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasDiagnostic *self = ATLAS_DIAGNOSTIC (object);

  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_FILE:
      g_value_set_string (value, self->file);
      break;
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_FEATURE_INDEX:
      g_value_set_int (value, self->feature_index);
      break;
    case PROP_FEATURE_ID:
      g_value_set_string (value, self->feature_id);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_TEXT:
      g_value_take_string (value, atlas_diagnostic_to_string (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_diagnostic_class_init (AtlasDiagnosticClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_diagnostic_finalize;
  object_class->get_property = atlas_diagnostic_get_property;

  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, ATLAS_TYPE_SEVERITY, ATLAS_SEVERITY_ERROR,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_string ("file", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN] =
    g_param_spec_uint ("column", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEATURE_INDEX] =
    g_param_spec_int ("feature-index", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FEATURE_ID] =
    g_param_spec_string ("feature-id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The whole one-line form, for a list row. */
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_diagnostic_init (AtlasDiagnostic *self)
{
  self->feature_index = -1;
}

AtlasDiagnostic *
atlas_diagnostic_new (AtlasSeverity  severity,
                      const char    *file,
                      guint          line,
                      guint          column,
                      gint           feature_index,
                      const char    *feature_id,
                      const char    *path,
                      const char    *message)
{
  AtlasDiagnostic *self;

  g_return_val_if_fail (file != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_DIAGNOSTIC, NULL);
  self->severity = severity;
  self->file = g_strdup (file);
  self->line = line;
  self->column = column;
  self->feature_index = MAX (feature_index, -1);
  self->feature_id = g_strdup (feature_id);
  self->path = g_strdup (path);
  self->message = g_strdup (message);
  return self;
}

AtlasSeverity
atlas_diagnostic_get_severity (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), ATLAS_SEVERITY_ERROR);

  return self->severity;
}

const char *
atlas_diagnostic_get_file (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), NULL);

  return self->file;
}

guint
atlas_diagnostic_get_line (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), 0);

  return self->line;
}

guint
atlas_diagnostic_get_column (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), 0);

  return self->column;
}

gint
atlas_diagnostic_get_feature_index (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), -1);

  return self->feature_index;
}

const char *
atlas_diagnostic_get_feature_id (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), NULL);

  return self->feature_id;
}

const char *
atlas_diagnostic_get_path (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), NULL);

  return self->path;
}

const char *
atlas_diagnostic_get_message (AtlasDiagnostic *self)
{
  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), NULL);

  return self->message;
}

char *
atlas_diagnostic_to_string (AtlasDiagnostic *self)
{
  GString *text;

  g_return_val_if_fail (ATLAS_IS_DIAGNOSTIC (self), NULL);

  text = g_string_new (self->file);
  if (self->feature_index >= 0)
    {
      g_string_append_printf (text, ": features[%d]", self->feature_index);
      if (self->feature_id != NULL)
        g_string_append_printf (text, " (id \"%s\")", self->feature_id);
    }
  else if (self->line > 0)
    {
      g_string_append_printf (text, ":%u:%u", self->line, self->column);
    }
  if (self->path != NULL && self->path[0] != '\0')
    g_string_append_printf (text, ": %s", self->path);
  g_string_append (text, ": ");
  /* The place (file, position, JSON path) is syntax and stays as it is;
   * the message was translated where it was made. */
  if (self->severity == ATLAS_SEVERITY_WARNING)
    /* Translators: a problem found in a dataset file that did not stop
     * the file or the feature from loading; %s is the message, e.g.
     * "unknown property" */
    g_string_append_printf (text, _("warning: %s"), self->message);
  else
    g_string_append (text, self->message);

  return g_string_free (text, FALSE);
}
