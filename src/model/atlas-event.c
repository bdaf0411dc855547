/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "atlas-event"

#include "config.h"

#include "atlas-event.h"

struct _AtlasEvent
{
  AtlasFeature parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS_TYPE_FEATURE)

static void
atlas_event_class_init (AtlasEventClass *klass)
{
}

static void
atlas_event_init (AtlasEvent *self)
{
}
