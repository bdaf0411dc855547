/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Day numbers: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar (1970-01-01 is 0, 1969-12-31 is -1). Every comparison in the
 * model (time index, filters, the timeline) works on day numbers.
 *
 * ATLAS_DAY_MIN is the start of a feature that has always existed (a place
 * without "start"); ATLAS_DAY_MAX is the end of an open-ended feature
 * ("end": ".."). Neither is ever a change point.
 */
#define ATLAS_DAY_MIN G_MININT32
#define ATLAS_DAY_MAX G_MAXINT32

typedef enum {
  ATLAS_DATE_PRECISION_NONE = 0,  /* no date (absent, or ".." for an end) */
  ATLAS_DATE_PRECISION_YEAR,      /* "1999" */
  ATLAS_DATE_PRECISION_MONTH,     /* "1999-06" */
  ATLAS_DATE_PRECISION_DAY,       /* "1999-06-12" */
} AtlasDatePrecision;

typedef enum {
  ATLAS_DATE_QUALIFIER_NONE   = 0,
  ATLAS_DATE_APPROXIMATE      = 1 << 0,   /* EDTF "~" */
  ATLAS_DATE_UNCERTAIN        = 1 << 1,   /* EDTF "?"; both together are "%" */
} AtlasDateQualifiers;

/*
 * AtlasDate:
 * A calendar date of reduced precision, as written in a dataset. Fields
 * below the precision are 0 (a month-precision date has day 0). Plain
 * data: copy it by value. It is also registered as a boxed type
 * (ATLAS_TYPE_DATE) for GObject properties.
 */
typedef struct {
  gint16 year;         /* 1–9999 */
  guint8 month;        /* 1–12, or 0 below month precision */
  guint8 day;          /* 1–31, or 0 below day precision */
  guint8 precision;    /* AtlasDatePrecision */
  guint8 qualifiers;   /* AtlasDateQualifiers */
} AtlasDate;

#define ATLAS_TYPE_DATE (atlas_date_get_type ())

GType      atlas_date_get_type     (void) G_GNUC_CONST;
AtlasDate *atlas_date_copy         (const AtlasDate *date);
void       atlas_date_free         (AtlasDate       *date);

/* Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with an optional "~", "?" or
 * "%" suffix. Strict: no other forms, no surrounding space, real calendar
 * dates only. @length may be -1 for a NUL-terminated string. On failure
 * @date is cleared and FALSE returned. */
gboolean   atlas_date_parse        (const char      *text,
                                    gssize           length,
                                    AtlasDate       *date);
gboolean   atlas_date_is_set       (const AtlasDate *date);
gboolean   atlas_date_equal        (const AtlasDate *a,
                                    const AtlasDate *b);
/* The first day of the date's span, and the first day after it. */
gint32     atlas_date_get_first_day (const AtlasDate *date);
gint32     atlas_date_get_end_day  (const AtlasDate *date);
/* The ISO/EDTF text again, e.g. "1999-06~". */
char      *atlas_date_to_string    (const AtlasDate *date);
/* For display, with the locale's month names: "12 June 1999", "June 1999",
 * "1999", "c. June 1999" (approximate), "June 1999?" (uncertain). */
char      *atlas_date_format       (const AtlasDate *date);

/* Intervals [start, end) for display. @end may be NULL or unset (then the
 * span of @start is meant); @open_ended means "end": "..". The end is shown
 * as the last day (month, year) still inside: 1999-06-10 .. 2001-08-17 is
 * "10 June 1999 – 16 August 2001". */
char      *atlas_interval_format   (const AtlasDate *start,
                                    const AtlasDate *end,
                                    gboolean         open_ended);

gboolean   atlas_ymd_is_valid      (int              year,
                                    int              month,
                                    int              day);
guint      atlas_days_in_month     (int              year,
                                    int              month);
gint32     atlas_day_from_ymd      (int              year,
                                    int              month,
                                    int              day);
void       atlas_day_to_ymd        (gint32           day,
                                    int             *year,
                                    int             *month,
                                    int             *day_of_month);
/* "12 June 1999" for a day number; "" for ATLAS_DAY_MIN/ATLAS_DAY_MAX. */
char      *atlas_day_format        (gint32           day);

G_END_DECLS
