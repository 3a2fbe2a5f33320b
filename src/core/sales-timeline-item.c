/* sales-timeline-item.c: one line of a customer's history
 *
 * What the timeline of the customer page shows, already put into words by
 * SalesTimeline: the rows behind it come from three tables, and a view
 * should not have to know which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-timeline-item.h"

struct _SalesTimelineItem
{
  GObject            parent_instance;

  SalesTimelineKind  kind;
  SalesActivityKind  activity_kind;
  gint64             id;
  gint64             at;
  char              *title;
  char              *detail;
};

G_DEFINE_FINAL_TYPE (SalesTimelineItem, sales_timeline_item, G_TYPE_OBJECT)

static void
sales_timeline_item_finalize (GObject *object)
{
  SalesTimelineItem *self = (SalesTimelineItem *)object;

  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (sales_timeline_item_parent_class)->finalize (object);
}

static void
sales_timeline_item_class_init (SalesTimelineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sales_timeline_item_finalize;
}

static void
sales_timeline_item_init (SalesTimelineItem *self)
{
}

/**
 * sales_timeline_item_new:
 * @id: the row in its table: activity for follow-ups, deal_stage_history for stage
 *   changes, customer_event for owner events
 * @at: when it happened, or is due, in Unix seconds
 * @title: what happened, translated
 * @detail: (nullable): the note that goes with it
 */
SalesTimelineItem *
sales_timeline_item_new (SalesTimelineKind  kind,
                         gint64             id,
                         gint64             at,
                         const char        *title,
                         const char        *detail)
{
  SalesTimelineItem *self;

  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (SALES_TYPE_TIMELINE_ITEM, NULL);
  self->kind = kind;
  self->id = id;
  self->at = at;
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);

  return self;
}

SalesTimelineKind
sales_timeline_item_get_kind (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), 0);

  return self->kind;
}

gint64
sales_timeline_item_get_id (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), 0);

  return self->id;
}

gint64
sales_timeline_item_get_at (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), 0);

  return self->at;
}

const char *
sales_timeline_item_get_title (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), NULL);

  return self->title;
}

/**
 * sales_timeline_item_get_detail:
 *
 * Returns: (nullable): the note of the follow-up or event
 */
const char *
sales_timeline_item_get_detail (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), NULL);

  return self->detail;
}

/* Meaningful for follow-ups only. */
SalesActivityKind
sales_timeline_item_get_activity_kind (SalesTimelineItem *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE_ITEM (self), 0);

  return self->activity_kind;
}

void
sales_timeline_item_set_activity_kind (SalesTimelineItem *self,
                                       SalesActivityKind  kind)
{
  g_return_if_fail (SALES_IS_TIMELINE_ITEM (self));

  self->activity_kind = kind;
}
