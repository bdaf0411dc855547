/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-export-dialog.h"
#include "atlas-date.h"
#include "atlas-export-writer.h"

/*
 * The export dialog: format, size and what to include, with a live preview
 * drawn by the same AtlasSnapshot code that writes the file. Exports and
 * clipboard images are drawn in a worker thread; the dialog shows their
 * progress and can stop them.
 */

struct _AtlasExportDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkRevealer       *progress_revealer;
  GtkProgressBar    *progress_bar;
  GtkDrawingArea    *preview;
  AdwComboRow       *format_row;
  AdwComboRow       *size_row;
  AdwActionRow      *width_row;
  AdwActionRow      *height_row;
  GtkAdjustment     *width_adjustment;
  GtkAdjustment     *height_adjustment;
  GtkSwitch         *title_switch;
  GtkEntry          *title_entry;
  GtkSwitch         *date_switch;
  GtkSwitch         *legend_switch;
  GtkSwitch         *scale_bar_switch;
  GtkSwitch         *north_arrow_switch;

  AtlasSnapshot     *snapshot;
  GCancellable      *cancellable;     /* of the running job, NULL when idle */
  GFile             *target;          /* of the running export */
#if !GTK_CHECK_VERSION (4, 10, 0)
  GtkNativeDialog   *chooser;
#endif
  gboolean           disposed;
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SNAPSHOT,
  N_PROPS
};

enum {
  EXPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Pixels of dialog background around the preview. */
#define PREVIEW_MARGIN 24.0

static void
show_toast (AtlasExportDialog *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static AtlasSnapshotTarget
target_for_format (AtlasExportFormat format)
{
  return format == ATLAS_EXPORT_FORMAT_PNG ? ATLAS_SNAPSHOT_TARGET_RASTER : ATLAS_SNAPSHOT_TARGET_VECTOR;
}

AtlasExportFormat
atlas_export_dialog_get_format (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), ATLAS_EXPORT_FORMAT_PNG);
  return (AtlasExportFormat) adw_combo_row_get_selected (self->format_row);
}

void
atlas_export_dialog_set_format (AtlasExportDialog *self,
                                AtlasExportFormat  format)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format < ATLAS_EXPORT_N_FORMATS);

  adw_combo_row_set_selected (self->format_row, format);
}

AtlasExportPreset
atlas_export_dialog_get_preset (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), ATLAS_EXPORT_PRESET_CURRENT_VIEW);
  return (AtlasExportPreset) adw_combo_row_get_selected (self->size_row);
}

void
atlas_export_dialog_set_preset (AtlasExportDialog *self,
                                AtlasExportPreset  preset)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (preset < ATLAS_EXPORT_N_PRESETS);

  adw_combo_row_set_selected (self->size_row, preset);
}

/**
 * atlas_export_dialog_get_size:
 * @size: (out caller-allocates): the size chosen
 */
void
atlas_export_dialog_get_size (AtlasExportDialog *self,
                              AtlasExportSize   *size)
{
  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (size != NULL);

  if (!atlas_export_size_for_preset (atlas_export_dialog_get_preset (self),
                                     atlas_snapshot_get_view (self->snapshot), size))
    *size = (AtlasExportSize) {
      (int) gtk_adjustment_get_value (self->width_adjustment),
      (int) gtk_adjustment_get_value (self->height_adjustment),
      0,
    };
}

/* Preview ---------------------------------------------------------------- */

static void
draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  AtlasExportDialog *self = user_data;
  g_autoptr(AtlasSnapshot) copy = NULL;
  g_autoptr(GError) error = NULL;
  AtlasExportSize size;
  AtlasView fitted;
  double scale, k, x, y, w, h;

  atlas_export_dialog_get_size (self, &size);
  if (!atlas_export_size_validate (&size, NULL) || width <= 2 * PREVIEW_MARGIN || height <= 2 * PREVIEW_MARGIN)
    return;

  /* The output's shape, as large as fits: preview pixels per output pixel. */
  k = MIN ((width - 2 * PREVIEW_MARGIN) / size.width, (height - 2 * PREVIEW_MARGIN) / size.height);
  w = size.width * k;
  h = size.height * k;
  x = round ((width - w) / 2);
  y = round ((height - h) / 2);

  cairo_rectangle (cr, x - 1, y - 1, w + 2, h + 2);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_fill (cr);

  atlas_export_fit_view (atlas_snapshot_get_view (self->snapshot), &size, &fitted, &scale);
  copy = atlas_snapshot_copy (self->snapshot);
  atlas_snapshot_set_view (copy, &fitted);

  cairo_translate (cr, x, y);
  cairo_scale (cr, k * scale, k * scale);
  if (!atlas_snapshot_draw (copy, cr, target_for_format (atlas_export_dialog_get_format (self)),
                            NULL, NULL, NULL, &error))
    g_warning ("Could not draw the preview: %s", error->message);
}

static void
queue_preview (AtlasExportDialog *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
update_flags (AtlasExportDialog *self)
{
  AtlasSnapshotFlags flags = 0;

  if (gtk_switch_get_active (self->title_switch))
    flags |= ATLAS_SNAPSHOT_SHOW_TITLE;
  if (gtk_switch_get_active (self->date_switch))
    flags |= ATLAS_SNAPSHOT_SHOW_DATE;
  if (gtk_switch_get_active (self->legend_switch))
    flags |= ATLAS_SNAPSHOT_SHOW_LEGEND;
  if (gtk_switch_get_active (self->scale_bar_switch))
    flags |= ATLAS_SNAPSHOT_SHOW_SCALE_BAR;
  if (gtk_switch_get_active (self->north_arrow_switch))
    flags |= ATLAS_SNAPSHOT_SHOW_NORTH_ARROW;

  atlas_snapshot_set_flags (self->snapshot, flags);
}

static void
on_title_changed (AtlasExportDialog *self,
                  GtkEditable       *editable)
{
  atlas_snapshot_set_title (self->snapshot, gtk_editable_get_text (editable));
}

static void
on_size_changed (AtlasExportDialog *self)
{
  gboolean custom = atlas_export_dialog_get_preset (self) == ATLAS_EXPORT_PRESET_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom);
  queue_preview (self);
}

/* Jobs ------------------------------------------------------------------- */

static void
set_busy (AtlasExportDialog *self,
          const char        *text)
{
  gboolean busy = text != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.copy", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.stop", busy);
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (busy)
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }
}

/* A new cancellable for each job: a cancelled one is never reused. */
static GCancellable *
start_job (AtlasExportDialog *self,
           const char        *text)
{
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, text);

  return self->cancellable;
}

/* Whether the job's result still has a dialog to go to. */
static gboolean
finish_job (AtlasExportDialog *self)
{
  if (self->disposed)
    return FALSE;

  g_clear_object (&self->cancellable);
  set_busy (self, NULL);
  return TRUE;
}

static void
report_error (AtlasExportDialog *self,
              const GError      *error)
{
  /* Stopping is what the user asked for, not a failure. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_toast (self, error->message);
}

static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  AtlasExportDialog *self = user_data;

  if (!self->disposed)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_steal_pointer (&self->target);
  gboolean ok = atlas_export_write_finish (result, &error);

  if (!finish_job (self))
    return;

  if (!ok)
    {
      report_error (self, error);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, file);
  gtk_window_close (GTK_WINDOW (self));
}

/**
 * atlas_export_dialog_export_to_file:
 * @file: where to write; its extension, if it names a format, chooses the
 *   format, else the format's extension is added
 *
 * Writes the snapshot as set up in the dialog. On success the dialog emits
 * #AtlasExportDialog::exported and closes; errors are shown in the dialog.
 */
void
atlas_export_dialog_export_to_file (AtlasExportDialog *self,
                                    GFile             *file)
{
  g_autoptr(GFile) target = NULL;
  g_autofree char *basename = NULL;
  AtlasExportFormat format;
  AtlasExportSize size;
  GCancellable *cancellable;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->cancellable == NULL);

  basename = g_file_get_basename (file);
  if (basename != NULL && atlas_export_format_from_name (basename, &format, NULL))
    {
      target = g_object_ref (file);
      atlas_export_dialog_set_format (self, format);
    }
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *name = NULL;

      format = atlas_export_dialog_get_format (self);
      name = g_strconcat (basename, ".", atlas_export_format_get_extension (format), NULL);
      target = parent != NULL ? g_file_get_child (parent, name) : g_object_ref (file);
    }

  atlas_export_dialog_get_size (self, &size);
  cancellable = start_job (self, _("Exporting…"));
  g_set_object (&self->target, target);
  atlas_export_write_async (self->snapshot, format, &size, target, cancellable,
                            on_export_progress, self, on_exported, g_object_ref (self));
}

static void
on_image_rendered (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface = atlas_export_render_image_finish (result, &error);
  int height, stride;

  if (!finish_job (self))
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }

  if (surface == NULL)
    {
      report_error (self, error);
      return;
    }

  /* Cairo's ARGB32 is GDK's default memory format, byte for byte. */
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) height * stride,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), height,
                                    GDK_MEMORY_DEFAULT, bytes, stride);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  show_toast (self, _("Copied to the clipboard"));
}

/**
 * atlas_export_dialog_copy_to_clipboard:
 *
 * Puts the snapshot, drawn at the chosen size, on the clipboard as an image.
 */
void
atlas_export_dialog_copy_to_clipboard (AtlasExportDialog *self)
{
  AtlasExportSize size;
  GCancellable *cancellable;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);

  atlas_export_dialog_get_size (self, &size);
  cancellable = start_job (self, _("Drawing…"));
  gtk_progress_bar_pulse (self->progress_bar);
  atlas_export_render_image_async (self->snapshot, &size, cancellable,
                                   on_image_rendered, g_object_ref (self));
}

/* Actions ---------------------------------------------------------------- */

static char *
dup_suggested_name (AtlasExportDialog *self)
{
  gint32 day = atlas_snapshot_get_day (self->snapshot);
  const char *extension = atlas_export_format_get_extension (atlas_export_dialog_get_format (self));
  int y, m, d;

  if (day == ATLAS_SNAPSHOT_NO_DAY)
    return g_strdup_printf ("kosovo-atlas.%s", extension);

  atlas_day_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("kosovo-atlas-%04d-%02d-%02d.%s", y, m, d, extension);
}

#if GTK_CHECK_VERSION (4, 10, 0)
static void
on_save_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && !self->disposed)
    atlas_export_dialog_export_to_file (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = dup_suggested_name (self);

  gtk_file_dialog_set_title (dialog, _("Export Snapshot"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_chosen, g_object_ref (self));
}
#else
static void
on_chooser_response (AtlasExportDialog *self,
                     int                response,
                     GtkNativeDialog   *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);

  if (file != NULL)
    atlas_export_dialog_export_to_file (self, file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  g_autofree char *name = dup_suggested_name (self);
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Snapshot"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}
#endif

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  atlas_export_dialog_copy_to_clipboard (ATLAS_EXPORT_DIALOG (widget));
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);

  g_cancellable_cancel (self->cancellable);
}

/* Object ----------------------------------------------------------------- */

static gboolean
atlas_export_dialog_close_request (GtkWindow *window)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (window);

  /* Closing stops a running export; the old file stays as it was. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (atlas_export_dialog_parent_class)->close_request (window);
}

static void
atlas_export_dialog_constructed (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) presets = gtk_string_list_new (NULL);
  g_autoptr(AtlasSnapshot) untitled = NULL;
  g_autofree char *default_title = NULL;
  GtkSwitch *switches[] = {
    self->title_switch, self->date_switch, self->legend_switch, self->scale_bar_switch, self->north_arrow_switch,
  };
  AtlasSnapshotFlags flags;
  AtlasExportSize size;

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->constructed (object);

  g_assert (self->snapshot != NULL);

  for (guint i = 0; i < ATLAS_EXPORT_N_FORMATS; i++)
    gtk_string_list_append (formats, atlas_export_format_get_label (i));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
  for (guint i = 0; i < ATLAS_EXPORT_N_PRESETS; i++)
    gtk_string_list_append (presets, atlas_export_preset_get_label (i));
  adw_combo_row_set_model (self->size_row, G_LIST_MODEL (presets));

  /* The custom size starts as the view's own. */
  atlas_export_size_for_preset (ATLAS_EXPORT_PRESET_CURRENT_VIEW, atlas_snapshot_get_view (self->snapshot), &size);
  gtk_adjustment_set_value (self->width_adjustment, size.width);
  gtk_adjustment_set_value (self->height_adjustment, size.height);

  /* The switches and the title start as the snapshot has them. */
  flags = atlas_snapshot_get_flags (self->snapshot);
  gtk_switch_set_active (self->title_switch, flags & ATLAS_SNAPSHOT_SHOW_TITLE);
  gtk_switch_set_active (self->date_switch, flags & ATLAS_SNAPSHOT_SHOW_DATE);
  gtk_switch_set_active (self->legend_switch, flags & ATLAS_SNAPSHOT_SHOW_LEGEND);
  gtk_switch_set_active (self->scale_bar_switch, flags & ATLAS_SNAPSHOT_SHOW_SCALE_BAR);
  gtk_switch_set_active (self->north_arrow_switch, flags & ATLAS_SNAPSHOT_SHOW_NORTH_ARROW);
  if (atlas_snapshot_get_title (self->snapshot) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), atlas_snapshot_get_title (self->snapshot));

  untitled = atlas_snapshot_copy (self->snapshot);
  atlas_snapshot_set_title (untitled, NULL);
  default_title = atlas_snapshot_dup_display_title (untitled);
  gtk_entry_set_placeholder_text (self->title_entry, default_title);

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_signal_connect_object (switches[i], "notify::active", G_CALLBACK (update_flags), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (queue_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->size_row, "notify::selected", G_CALLBACK (on_size_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_adjustment, "value-changed", G_CALLBACK (queue_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_adjustment, "value-changed", G_CALLBACK (queue_preview), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->snapshot, "changed", G_CALLBACK (queue_preview), self, G_CONNECT_SWAPPED);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  on_size_changed (self);
  set_busy (self, NULL);
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;

  self->disposed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->target);
#if !GTK_CHECK_VERSION (4, 10, 0)
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
#endif
  g_clear_object (&self->snapshot);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_export_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      /* A copy of its own: the window may keep changing its snapshot. */
      self->snapshot = atlas_snapshot_copy (g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = atlas_export_dialog_constructed;
  object_class->dispose = atlas_export_dialog_dispose;
  object_class->get_property = atlas_export_dialog_get_property;
  object_class->set_property = atlas_export_dialog_set_property;
  window_class->close_request = atlas_export_dialog_close_request;

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         ATLAS_TYPE_SNAPSHOT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasExportDialog::exported:
   * @file: the file written
   *
   * A file was written; the dialog closes next.
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, width_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, height_adjustment);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, date_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, legend_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, scale_bar_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, north_arrow_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_title_changed);

  gtk_widget_class_install_action (widget_class, "export.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "export.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "export.stop", NULL, stop_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * atlas_export_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @snapshot: the picture to export: painter, view, day, overlays and
 *   sources as on screen; the dialog works on a copy
 *
 * Returns: (transfer none): a new dialog, owned by GTK like every window;
 *   present it with gtk_window_present()
 */
AtlasExportDialog *
atlas_export_dialog_new (GtkWindow     *parent,
                         AtlasSnapshot *snapshot)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ATLAS_IS_SNAPSHOT (snapshot), NULL);

  return g_object_new (ATLAS_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "snapshot", snapshot,
                       NULL);
}

/**
 * atlas_export_dialog_get_snapshot:
 *
 * Returns: (transfer none): the dialog's snapshot, with the title and the
 *   parts to include as set in the dialog
 */
AtlasSnapshot *
atlas_export_dialog_get_snapshot (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);
  return self->snapshot;
}
