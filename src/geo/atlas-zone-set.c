/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-zone-set"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-dataset.h"
#include "atlas-zone.h"
#include "atlas-zone-rules.h"
#include "atlas-zone-set.h"

/* Zones referring to zones referring to zones…: deeper than this is a loop
 * (the loader refuses loops already; this only keeps us safe). */
#define MAX_DEPTH 16
/* Results kept; exploring a band's width makes one per width tried. */
#define MAX_RESULTS 64

typedef struct
{
  AtlasZone           *zone;
  const char          *id;
  const AtlasZoneRule *rule;     /* NULL: explicit geometry */
  guint                position;
} ZoneInfo;

struct _AtlasZoneSet
{
  GObject             parent_instance;

  AtlasBasemap       *basemap;
  AtlasDataset       *dataset;
  GArray             *zones;          /* ZoneInfo, in dataset order */
  GHashTable         *by_id;          /* id → ZoneInfo */

  /* Guards overrides and results, which any thread may read. */
  GMutex              lock;
  GHashTable         *overrides;      /* id → double *, km */
  GHashTable         *results;        /* key → AtlasComputedZone */
  GQueue              result_keys;    /* oldest first, for eviction */

  /* Main context only: computations under way, key → GPtrArray of GTask. */
  GHashTable         *pending;

  /* Guards the rules: GEOS work, one computation at a time. */
  GMutex              geos_lock;
  AtlasZoneRules     *rules;
};

G_DEFINE_FINAL_TYPE (AtlasZoneSet, atlas_zone_set, G_TYPE_OBJECT)

enum {
  ZONE_COMPUTED,
  WIDTH_CHANGED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

typedef struct
{
  char       *zone_id;
  gint32      day;
  char       *key;
  GHashTable *overrides;   /* a snapshot; NULL for historical widths */
} Job;

static void
job_free (Job *job)
{
  g_free (job->zone_id);
  g_free (job->key);
  g_clear_pointer (&job->overrides, g_hash_table_unref);
  g_free (job);
}

static void
zone_info_clear (ZoneInfo *zone)
{
  g_clear_object (&zone->zone);
}

static GHashTable *
new_override_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Caches under the GEOS lock ---------------------------------------------- */

/* Zones and widths ---------------------------------------------------------- */

static const ZoneInfo *
lookup_zone (AtlasZoneSet *self,
             const char   *zone_id)
{
  return g_hash_table_lookup (self->by_id, zone_id);
}

static gboolean
is_band (const ZoneInfo *zone)
{
  return zone->rule != NULL && zone->rule->type == ATLAS_ZONE_RULE_BAND;
}

/* The band's width on @day, from @overrides (if any) or the schedule. */
static double
zone_width (const ZoneInfo *zone,
            gint32          day,
            GHashTable     *overrides,
            gboolean       *exploration)
{
  const double *override;
  double width;

  *exploration = FALSE;
  if (!is_band (zone))
    return NAN;

  if (overrides != NULL && (override = g_hash_table_lookup (overrides, zone->id)) != NULL)
    {
      *exploration = TRUE;
      return *override;
    }

  /* Before the schedule starts (outside the zone's life) the first width
   * is the best answer. */
  width = atlas_zone_rule_get_width_km (zone->rule, day);
  if (width <= 0 && zone->rule->n_widths > 0)
    width = zone->rule->widths[0].width_km;
  return width;
}

/* A cache key naming exactly what a zone's geometry depends on: its id, its
 * width and, recursively, those of the zones its rule uses as areas. */
static void
append_key (AtlasZoneSet *self,
            const char   *zone_id,
            gint32        day,
            GHashTable   *overrides,
            GString      *key,
            guint         depth)
{
  const ZoneInfo *zone = lookup_zone (self, zone_id);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean exploration;

  g_string_append (key, zone_id);
  if (zone == NULL || depth > MAX_DEPTH)
    return;

  if (is_band (zone))
    {
      double width = zone_width (zone, day, overrides, &exploration);

      g_string_append_printf (key, "@%s%s", g_ascii_dtostr (buffer, sizeof buffer, width),
                              exploration ? "!" : "");
    }

  if (zone->rule == NULL)
    return;

  for (guint i = 0; i <= zone->rule->n_with; i++)
    {
      const char *ref = i == 0 ? zone->rule->area : zone->rule->with[i - 1];

      if (lookup_zone (self, ref) != NULL)
        {
          g_string_append_c (key, '(');
          append_key (self, ref, day, overrides, key, depth + 1);
          g_string_append_c (key, ')');
        }
    }
}

static char *
make_key (AtlasZoneSet *self,
          const char   *zone_id,
          gint32        day,
          GHashTable   *overrides)
{
  GString *key = g_string_new (NULL);

  append_key (self, zone_id, day, overrides, key, 0);
  return g_string_free (key, FALSE);
}

/* (transfer full) (nullable) A copy of the overrides, for a worker. */
static GHashTable *
snapshot_overrides (AtlasZoneSet          *self,
                    AtlasZoneComputeFlags  flags)
{
  GHashTable *copy;
  GHashTableIter iter;
  gpointer key, value;

  if (flags & ATLAS_ZONE_COMPUTE_HISTORICAL)
    return NULL;

  copy = new_override_table ();
  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy, g_strdup (key), g_memdup2 (value, sizeof (double)));
  g_mutex_unlock (&self->lock);

  return copy;
}

/* Computing, under the GEOS lock ------------------------------------------ */

/* How the rules see the zones during one computation. */
typedef struct
{
  AtlasZoneSet *self;
  gint32        day;
  GHashTable   *overrides;
} Resolving;

static gboolean
resolve_lookup (gpointer              data,
                const char           *zone_id,
                const AtlasZoneRule **rule,
                guint                *position)
{
  Resolving *r = data;
  const ZoneInfo *zone = lookup_zone (r->self, zone_id);

  if (zone == NULL)
    return FALSE;
  if (rule != NULL)
    *rule = zone->rule;
  if (position != NULL)
    *position = zone->position;
  return TRUE;
}

static double
resolve_width (gpointer    data,
               const char *zone_id,
               gboolean   *exploration)
{
  Resolving *r = data;
  const ZoneInfo *zone = lookup_zone (r->self, zone_id);

  *exploration = FALSE;
  return zone != NULL ? zone_width (zone, r->day, r->overrides, exploration) : NAN;
}

static void
resolve_append_key (gpointer    data,
                    const char *zone_id,
                    GString    *key)
{
  Resolving *r = data;

  append_key (r->self, zone_id, r->day, r->overrides, key, 0);
}

static AtlasComputedZone *
compute_locked (AtlasZoneSet  *self,
                const char    *zone_id,
                gint32         day,
                GHashTable    *overrides,
                GError       **error)
{
  const ZoneInfo *zone = lookup_zone (self, zone_id);
  Resolving resolving = { self, day, overrides };
  AtlasZoneResolver resolver = { resolve_lookup, resolve_width, resolve_append_key, &resolving };
  AtlasComputedZoneInfo info = { 0 };

  if (self->rules == NULL || zone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "The zone set is gone");
      return NULL;
    }

  info.id = zone->id;
  info.title = atlas_feature_get_display_title (ATLAS_FEATURE (zone->zone));
  info.proposed = atlas_zone_get_status (zone->zone) == ATLAS_ZONE_STATUS_PROPOSED;
  info.color_index = zone->position;
  info.both_sides = is_band (zone) && zone->rule->side == ATLAS_BAND_SIDE_BOTH;

  return atlas_zone_rules_compute (self->rules, &resolver, zone_id, &info, error);
}

/* The result cache ----------------------------------------------------------- */

static AtlasComputedZone *
lookup_result (AtlasZoneSet *self,
               const char   *key)
{
  AtlasComputedZone *zone;

  g_mutex_lock (&self->lock);
  zone = g_hash_table_lookup (self->results, key);
  if (zone != NULL)
    g_object_ref (zone);
  g_mutex_unlock (&self->lock);

  return zone;
}

static void
store_result (AtlasZoneSet      *self,
              const char        *key,
              AtlasComputedZone *zone)
{
  g_mutex_lock (&self->lock);
  if (!g_hash_table_contains (self->results, key))
    {
      g_hash_table_insert (self->results, g_strdup (key), g_object_ref (zone));
      g_queue_push_tail (&self->result_keys, g_strdup (key));

      while (g_queue_get_length (&self->result_keys) > MAX_RESULTS)
        {
          g_autofree char *oldest = g_queue_pop_head (&self->result_keys);
          g_hash_table_remove (self->results, oldest);
        }
    }
  g_mutex_unlock (&self->lock);
}

/* GObject ------------------------------------------------------------------- */

static void
atlas_zone_set_dispose (GObject *object)
{
  AtlasZoneSet *self = (AtlasZoneSet *)object;

  /* Workers check for the rules under the lock; from now on they find no
   * zone either. */
  g_mutex_lock (&self->geos_lock);
  g_clear_pointer (&self->rules, atlas_zone_rules_free);
  g_hash_table_remove_all (self->by_id);
  g_mutex_unlock (&self->geos_lock);

  g_mutex_lock (&self->lock);
  g_hash_table_remove_all (self->results);
  g_queue_clear_full (&self->result_keys, g_free);
  g_mutex_unlock (&self->lock);

  g_clear_pointer (&self->zones, g_array_unref);
  g_clear_object (&self->basemap);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_zone_set_parent_class)->dispose (object);
}

static void
atlas_zone_set_finalize (GObject *object)
{
  AtlasZoneSet *self = (AtlasZoneSet *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->results, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->geos_lock);

  G_OBJECT_CLASS (atlas_zone_set_parent_class)->finalize (object);
}

static void
atlas_zone_set_class_init (AtlasZoneSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_zone_set_dispose;
  object_class->finalize = atlas_zone_set_finalize;

  /**
   * AtlasZoneSet::zone-computed:
   * @zone: the new result
   *
   * A computation asked for with atlas_zone_set_compute_async() finished;
   * emitted on the main context of the caller, after the result is cached.
   */
  signals [ZONE_COMPUTED] =
    g_signal_new ("zone-computed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, ATLAS_TYPE_COMPUTED_ZONE);

  /**
   * AtlasZoneSet::width-changed:
   * @zone_id: the band whose session width was set or reset
   *
   * What the band looks like on any date has changed: recompute it.
   */
  signals [WIDTH_CHANGED] =
    g_signal_new ("width-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
atlas_zone_set_init (AtlasZoneSet *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->geos_lock);
  self->zones = g_array_new (FALSE, TRUE, sizeof (ZoneInfo));
  g_array_set_clear_func (self->zones, (GDestroyNotify) zone_info_clear);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->overrides = new_override_table ();
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_queue_init (&self->result_keys);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * atlas_zone_set_new:
 *
 * The zones of @dataset, computed on @basemap's countries and borders.
 */
AtlasZoneSet *
atlas_zone_set_new (AtlasBasemap *basemap,
                    AtlasDataset *dataset)
{
  AtlasZoneSet *self;
  guint n;

  g_return_val_if_fail (G_IS_OBJECT (basemap), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);

  self = g_object_new (ATLAS_TYPE_ZONE_SET, NULL);
  self->basemap = g_object_ref (basemap);
  self->dataset = g_object_ref (dataset);
  self->rules = atlas_zone_rules_new (basemap, dataset);

  n = atlas_dataset_get_n_features (dataset, ATLAS_KIND_ZONE);
  g_array_set_size (self->zones, n);
  for (guint i = 0; i < n; i++)
    {
      ZoneInfo *zone = &g_array_index (self->zones, ZoneInfo, i);

      zone->zone = ATLAS_ZONE (atlas_dataset_get_feature (dataset, ATLAS_KIND_ZONE, i));
      zone->id = atlas_feature_get_id (ATLAS_FEATURE (zone->zone));
      zone->rule = atlas_zone_get_rule (zone->zone);
      zone->position = i;
    }
  /* Only now: the array does not move any more. */
  for (guint i = 0; i < n; i++)
    {
      ZoneInfo *zone = &g_array_index (self->zones, ZoneInfo, i);
      g_hash_table_insert (self->by_id, (gpointer) zone->id, zone);
    }

  return self;
}

AtlasBasemap *
atlas_zone_set_get_basemap (AtlasZoneSet *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);
  return self->basemap;
}

AtlasDataset *
atlas_zone_set_get_dataset (AtlasZoneSet *self)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);
  return self->dataset;
}

GPtrArray *
atlas_zone_set_list_active (AtlasZoneSet *self,
                            gint32        day)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *ids;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);

  atlas_dataset_query_active (self->dataset, ATLAS_KIND_ZONE, day, positions);
  ids = g_ptr_array_sized_new (positions->len);
  for (guint i = 0; i < positions->len; i++)
    {
      guint position = g_array_index (positions, guint, i);

      if (position < self->zones->len)
        g_ptr_array_add (ids, (gpointer) g_array_index (self->zones, ZoneInfo, position).id);
    }

  return ids;
}

gboolean
atlas_zone_set_has_zone (AtlasZoneSet *self,
                         const char   *zone_id)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), FALSE);
  g_return_val_if_fail (zone_id != NULL, FALSE);

  return lookup_zone (self, zone_id) != NULL;
}

guint
atlas_zone_set_get_color_index (AtlasZoneSet *self,
                                const char   *zone_id)
{
  const ZoneInfo *zone;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), 0);
  g_return_val_if_fail (zone_id != NULL, 0);

  zone = lookup_zone (self, zone_id);
  return zone != NULL ? zone->position : 0;
}

gboolean
atlas_zone_set_is_band (AtlasZoneSet *self,
                        const char   *zone_id)
{
  const ZoneInfo *zone;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), FALSE);
  g_return_val_if_fail (zone_id != NULL, FALSE);

  zone = lookup_zone (self, zone_id);
  return zone != NULL && is_band (zone);
}

/**
 * atlas_zone_set_get_width_km:
 *
 * The width of band @zone_id on @day: the session's override unless @flags
 * has %ATLAS_ZONE_COMPUTE_HISTORICAL, otherwise the dataset's schedule.
 *
 * Returns: kilometres, or NAN when the zone is not a band
 */
double
atlas_zone_set_get_width_km (AtlasZoneSet          *self,
                             const char            *zone_id,
                             gint32                 day,
                             AtlasZoneComputeFlags  flags)
{
  g_autoptr(GHashTable) overrides = NULL;
  const ZoneInfo *zone;
  gboolean exploration;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NAN);
  g_return_val_if_fail (zone_id != NULL, NAN);

  if ((zone = lookup_zone (self, zone_id)) == NULL)
    return NAN;

  overrides = snapshot_overrides (self, flags);
  return zone_width (zone, day, overrides, &exploration);
}

/**
 * atlas_zone_set_set_width_override:
 * @width_km: between %ATLAS_ZONE_MIN_WIDTH_KM and %ATLAS_ZONE_MAX_WIDTH_KM
 *
 * Gives band @zone_id this width on every date, for this session only
 * (an exploration, not history). Emits #AtlasZoneSet::width-changed.
 */
void
atlas_zone_set_set_width_override (AtlasZoneSet *self,
                                   const char   *zone_id,
                                   double        width_km)
{
  const double *old;
  gboolean changed;

  g_return_if_fail (ATLAS_IS_ZONE_SET (self));
  g_return_if_fail (zone_id != NULL);
  g_return_if_fail (width_km >= ATLAS_ZONE_MIN_WIDTH_KM && width_km <= ATLAS_ZONE_MAX_WIDTH_KM);

  if (!atlas_zone_set_is_band (self, zone_id))
    return;

  g_mutex_lock (&self->lock);
  old = g_hash_table_lookup (self->overrides, zone_id);
  changed = old == NULL || *old != width_km;
  if (changed)
    g_hash_table_insert (self->overrides, g_strdup (zone_id), g_memdup2 (&width_km, sizeof width_km));
  g_mutex_unlock (&self->lock);

  if (changed)
    g_signal_emit (self, signals [WIDTH_CHANGED], 0, zone_id);
}

/**
 * atlas_zone_set_reset_width:
 *
 * Back to the dataset's widths for @zone_id.
 */
void
atlas_zone_set_reset_width (AtlasZoneSet *self,
                            const char   *zone_id)
{
  gboolean changed;

  g_return_if_fail (ATLAS_IS_ZONE_SET (self));
  g_return_if_fail (zone_id != NULL);

  g_mutex_lock (&self->lock);
  changed = g_hash_table_remove (self->overrides, zone_id);
  g_mutex_unlock (&self->lock);

  if (changed)
    g_signal_emit (self, signals [WIDTH_CHANGED], 0, zone_id);
}

gboolean
atlas_zone_set_has_width_override (AtlasZoneSet *self,
                                   const char   *zone_id)
{
  gboolean has;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), FALSE);
  g_return_val_if_fail (zone_id != NULL, FALSE);

  g_mutex_lock (&self->lock);
  has = g_hash_table_contains (self->overrides, zone_id);
  g_mutex_unlock (&self->lock);

  return has;
}

AtlasComputedZone *
atlas_zone_set_lookup (AtlasZoneSet          *self,
                       const char            *zone_id,
                       gint32                 day,
                       AtlasZoneComputeFlags  flags)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);

  overrides = snapshot_overrides (self, flags);
  key = make_key (self, zone_id, day, overrides);
  return lookup_result (self, key);
}

static gboolean
check_zone (AtlasZoneSet  *self,
            const char    *zone_id,
            GError       **error)
{
  if (lookup_zone (self, zone_id) != NULL)
    return TRUE;

  g_set_error (error, ATLAS_GEO_ERROR, ATLAS_GEO_ERROR_UNKNOWN_AREA,
               "The dataset has no zone “%s”", zone_id);
  return FALSE;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  AtlasZoneSet *self = source_object;
  Job *job = task_data;
  GError *error = NULL;
  AtlasComputedZone *zone;

  g_mutex_lock (&self->geos_lock);
  zone = compute_locked (self, job->zone_id, job->day, job->overrides, &error);
  g_mutex_unlock (&self->geos_lock);

  if (zone != NULL)
    g_task_return_pointer (task, zone, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_computed (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  AtlasZoneSet *self = ATLAS_ZONE_SET (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(AtlasComputedZone) zone = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) waiters = NULL;
  g_autofree char *pending_key = NULL;

  zone = g_task_propagate_pointer (G_TASK (result), &error);
  if (zone != NULL)
    store_result (self, job->key, zone);

  g_hash_table_steal_extended (self->pending, job->key, (gpointer *) &pending_key, (gpointer *) &waiters);
  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiters, i);

      if (zone != NULL)
        g_task_return_pointer (waiter, g_object_ref (zone), g_object_unref);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }

  if (zone != NULL)
    g_signal_emit (self, signals [ZONE_COMPUTED], 0, zone);
  else
    g_debug ("Zone “%s” not computed: %s", job->zone_id, error->message);
}

/**
 * atlas_zone_set_compute_async:
 *
 * Computes zone @zone_id as it is on @day, in a worker thread, unless the
 * result is cached already. Several requests for the same result share one
 * computation.
 */
void
atlas_zone_set_compute_async (AtlasZoneSet          *self,
                              const char            *zone_id,
                              gint32                 day,
                              AtlasZoneComputeFlags  flags,
                              GCancellable          *cancellable,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(AtlasComputedZone) cached = NULL;
  GError *error = NULL;
  GPtrArray *waiters;
  Job *job;

  g_return_if_fail (ATLAS_IS_ZONE_SET (self));
  g_return_if_fail (zone_id != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_zone_set_compute_async);

  if (!check_zone (self, zone_id, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  job = g_new0 (Job, 1);
  job->zone_id = g_strdup (zone_id);
  job->day = day;
  job->overrides = snapshot_overrides (self, flags);
  job->key = make_key (self, zone_id, day, job->overrides);

  if ((cached = lookup_result (self, job->key)) != NULL)
    {
      job_free (job);
      g_task_return_pointer (task, g_steal_pointer (&cached), g_object_unref);
      return;
    }

  if ((waiters = g_hash_table_lookup (self->pending, job->key)) != NULL)
    {
      job_free (job);
      g_ptr_array_add (waiters, g_steal_pointer (&task));
      return;
    }

  waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (waiters, g_steal_pointer (&task));
  g_hash_table_insert (self->pending, g_strdup (job->key), waiters);

  /* The worker is not cancellable: others may be waiting for its result,
   * and it goes into the cache either way. */
  worker = g_task_new (self, NULL, on_computed, NULL);
  g_task_set_source_tag (worker, compute_thread);
  g_task_set_task_data (worker, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (worker, compute_thread);
}

AtlasComputedZone *
atlas_zone_set_compute_finish (AtlasZoneSet  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * atlas_zone_set_compute:
 *
 * Like atlas_zone_set_compute_async(), but blocking the calling thread.
 *
 * Returns: (transfer full): the zone as it is on @day
 */
AtlasComputedZone *
atlas_zone_set_compute (AtlasZoneSet           *self,
                        const char             *zone_id,
                        gint32                  day,
                        AtlasZoneComputeFlags   flags,
                        GError                **error)
{
  g_autoptr(GHashTable) overrides = NULL;
  g_autofree char *key = NULL;
  AtlasComputedZone *zone;

  g_return_val_if_fail (ATLAS_IS_ZONE_SET (self), NULL);
  g_return_val_if_fail (zone_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_zone (self, zone_id, error))
    return NULL;

  overrides = snapshot_overrides (self, flags);
  key = make_key (self, zone_id, day, overrides);
  if ((zone = lookup_result (self, key)) != NULL)
    return zone;

  g_mutex_lock (&self->geos_lock);
  zone = compute_locked (self, zone_id, day, overrides, error);
  g_mutex_unlock (&self->geos_lock);

  if (zone != NULL)
    store_result (self, key, zone);
  return zone;
}
