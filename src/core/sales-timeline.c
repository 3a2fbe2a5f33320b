/* sales-timeline.c: a customer's history, newest first, a page at a time
 *
 * The timeline of the customer page mixes three tables: follow-ups done and
 * planned (activity), the stage changes of the customer's deals
 * (deal_stage_history) and what happened to its owner (customer_event:
 * assigned, claimed, returned to the public pool, warned, merged). One query
 * sorts them together; each source is read through an index on the customer
 * (or its deals), so a customer with years of history costs its own rows,
 * not the table's. Only the first page is read when the page opens; more
 * come when asked for.
 *
 * The list follows the store: any change of a follow-up, a deal or a
 * customer reads the pages shown again, once, before the next frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-timeline.h"

enum {
  SOURCE_ACTIVITY,
  SOURCE_HISTORY,
  SOURCE_EVENT,
};

/* Columns: source, id, at, kind, note, done, satisfaction, deal title, from, to */
static const char timeline_sql[] =
  "SELECT 0, a.id, coalesce (a.done_at, a.due_at) AS at, a.kind, a.note, a.done_at IS NOT NULL, "
  "       a.satisfaction, d.title, NULL, NULL "
  "FROM activity a LEFT JOIN deal d ON d.id = a.deal_id "
  "WHERE a.customer_id = ?1 "
  "UNION ALL "
  "SELECT 1, h.id, h.changed_at, NULL, NULL, NULL, NULL, d.title, fs.name, ts.name "
  "FROM deal d JOIN deal_stage_history h ON h.deal_id = d.id "
  "     LEFT JOIN stage fs ON fs.id = h.from_stage_id JOIN stage ts ON ts.id = h.to_stage_id "
  "WHERE d.customer_id = ?1 "
  "UNION ALL "
  "SELECT 2, e.id, e.at, e.kind, e.note, NULL, NULL, NULL, fr.name, tr.name "
  "FROM customer_event e LEFT JOIN rep fr ON fr.id = e.from_owner_id "
  "     LEFT JOIN rep tr ON tr.id = e.to_owner_id "
  "WHERE e.customer_id = ?1 "
  "ORDER BY at DESC, 1, 2 DESC "
  "LIMIT ?2";

struct _SalesTimeline
{
  GObject     parent_instance;

  SalesStore *store;
  gint64      customer_id;
  guint       page_size;
  /* How many rows are asked for: the pages loaded so far. */
  guint       limit;
  GPtrArray  *items;
  guint       reload_source;
  guint       has_more : 1;
};

static GType
sales_timeline_get_item_type (GListModel *model)
{
  return SALES_TYPE_TIMELINE_ITEM;
}

static guint
sales_timeline_get_n_items (GListModel *model)
{
  return SALES_TIMELINE (model)->items->len;
}

static gpointer
sales_timeline_get_item (GListModel *model,
                         guint       position)
{
  SalesTimeline *self = SALES_TIMELINE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_timeline_get_item_type;
  iface->get_n_items = sales_timeline_get_n_items;
  iface->get_item = sales_timeline_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesTimeline, sales_timeline, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_HAS_MORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *)sqlite3_column_text (stmt, column);
}

static SalesTimelineItem *
followup_item (sqlite3_stmt *stmt)
{
  const char *deal = column_text (stmt, 7);
  gboolean done = sqlite3_column_int (stmt, 5) != 0;
  int satisfaction = sqlite3_column_int (stmt, 6);
  SalesActivityKind kind = SALES_ACTIVITY_KIND_NOTE;
  g_autofree char *what = NULL;
  g_autofree char *title = NULL;
  SalesTimelineItem *item;

  sales_activity_kind_from_string (column_text (stmt, 3), &kind);

  if (deal != NULL)
    /* Translators: a follow-up on the timeline: its kind and the deal it was about */
    what = g_strdup_printf (C_("timeline", "%s about “%s”"),
                            sales_activity_kind_get_label (kind), deal);
  else
    what = g_strdup (sales_activity_kind_get_label (kind));

  if (!done)
    /* Translators: a follow-up that is planned, not done yet */
    title = g_strdup_printf (C_("timeline", "Planned: %s"), what);
  else if (satisfaction > 0)
    /* Translators: a service visit and how satisfied the customer was, from 1 to 5 */
    title = g_strdup_printf (C_("timeline", "%s, satisfaction %d/5"), what, satisfaction);
  else
    title = g_steal_pointer (&what);

  item = sales_timeline_item_new (done ? SALES_TIMELINE_FOLLOWUP_DONE
                                       : SALES_TIMELINE_FOLLOWUP_PLANNED,
                                  sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                                  title, column_text (stmt, 4));
  sales_timeline_item_set_activity_kind (item, kind);
  return item;
}

static SalesTimelineItem *
history_item (sqlite3_stmt *stmt)
{
  const char *deal = column_text (stmt, 7);
  const char *from = column_text (stmt, 8);
  const char *to = column_text (stmt, 9);
  g_autofree char *title = NULL;

  if (from == NULL)
    title = g_strdup_printf (_("Deal “%s” created in %s"), deal, to);
  else
    title = g_strdup_printf (_("Deal “%s” moved from %s to %s"), deal, from, to);

  return sales_timeline_item_new (SALES_TIMELINE_STAGE_CHANGE, sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2), title, NULL);
}

static SalesTimelineItem *
event_item (sqlite3_stmt *stmt)
{
  const char *kind = column_text (stmt, 3);
  const char *from = column_text (stmt, 8);
  const char *to = column_text (stmt, 9);
  g_autofree char *title = NULL;

  if (g_strcmp0 (kind, "assigned") == 0 && to != NULL)
    title = g_strdup_printf (_("Assigned to %s"), to);
  else if (g_strcmp0 (kind, "assigned") == 0)
    title = g_strdup (_("Assigned to the public pool"));
  else if (g_strcmp0 (kind, "claimed") == 0)
    title = g_strdup_printf (_("Claimed from the public pool by %s"),
                             to != NULL ? to : C_("rep", "a former rep"));
  else if (g_strcmp0 (kind, "returned") == 0 && from != NULL)
    title = g_strdup_printf (_("Returned to the public pool from %s"), from);
  else if (g_strcmp0 (kind, "returned") == 0)
    title = g_strdup (_("Returned to the public pool"));
  else if (g_strcmp0 (kind, "warned") == 0)
    title = g_strdup (_("Warned: returns to the public pool soon"));
  else
    title = g_strdup (_("Merged with a duplicate customer"));

  return sales_timeline_item_new (SALES_TIMELINE_OWNER_EVENT, sqlite3_column_int64 (stmt, 1),
                                  sqlite3_column_int64 (stmt, 2), title, column_text (stmt, 4));
}

void
sales_timeline_reload (SalesTimeline *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;
  SalesDb *db;
  sqlite3_stmt *stmt;
  gboolean had_more;
  guint n_rows = 0;
  int rc;

  g_return_if_fail (SALES_IS_TIMELINE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);

  db = sales_store_get_db (self->store);
  stmt = sales_db_prepare (db, timeline_sql, &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read the history of a customer: %s", error->message);
      return;
    }

  /* One row more than shown says whether there is more. */
  sqlite3_bind_int64 (stmt, 1, self->customer_id);
  sqlite3_bind_int64 (stmt, 2, (gint64)self->limit + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n_rows++ == self->limit)
        continue;

      switch (sqlite3_column_int (stmt, 0))
        {
        case SOURCE_ACTIVITY:
          g_ptr_array_add (items, followup_item (stmt));
          break;

        case SOURCE_HISTORY:
          g_ptr_array_add (items, history_item (stmt));
          break;

        case SOURCE_EVENT:
        default:
          g_ptr_array_add (items, event_item (stmt));
          break;
        }
    }
  had_more = self->has_more;
  self->has_more = n_rows > self->limit;
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, &error);
      g_warning ("Cannot read the history of a customer: %s", error->message);
      return;
    }

  old = g_steal_pointer (&self->items);
  self->items = g_steal_pointer (&items);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, self->items->len);

  if (had_more != self->has_more)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

static gboolean
reload_cb (gpointer user_data)
{
  SalesTimeline *self = user_data;

  self->reload_source = 0;
  sales_timeline_reload (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (SalesTimeline *self)
{
  g_assert (SALES_IS_TIMELINE (self));

  /* An action signals each row it touched; one read after all of them is enough, and
   * it comes before the next frame is drawn. */
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_cb, self, NULL);
}

static void
on_store_changed (SalesTimeline   *self,
                  SalesRecordKind  kind,
                  gint64           id,
                  SalesChange      change)
{
  g_assert (SALES_IS_TIMELINE (self));

  /* A customer's change may be an owner event; a deal's, a stage change. */
  if (kind == SALES_RECORD_ACTIVITY || kind == SALES_RECORD_DEAL ||
      kind == SALES_RECORD_CUSTOMER || kind == SALES_RECORD_STAGE || kind == SALES_RECORD_REP)
    queue_reload (self);
}

static void
sales_timeline_finalize (GObject *object)
{
  SalesTimeline *self = (SalesTimeline *)object;

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_timeline_parent_class)->finalize (object);
}

static void
sales_timeline_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesTimeline *self = SALES_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_timeline_class_init (SalesTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_timeline_finalize;
  object_class->get_property = sales_timeline_get_property;

  /* Whether rows older than those loaded exist: sales_timeline_load_more() reads them. */
  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_timeline_init (SalesTimeline *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sales_timeline_new:
 * @page_size: how many rows to read at first, and for each sales_timeline_load_more()
 *
 * Returns: (transfer full): the newest @page_size lines of the customer's history, kept
 *   up to date
 */
SalesTimeline *
sales_timeline_new (SalesStore *store,
                    gint64      customer_id,
                    guint       page_size)
{
  SalesTimeline *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (page_size > 0, NULL);

  self = g_object_new (SALES_TYPE_TIMELINE, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  self->page_size = page_size;
  self->limit = page_size;

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "reset", G_CALLBACK (queue_reload), self, G_CONNECT_SWAPPED);

  sales_timeline_reload (self);

  return self;
}

gint64
sales_timeline_get_customer_id (SalesTimeline *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE (self), 0);

  return self->customer_id;
}

gboolean
sales_timeline_get_has_more (SalesTimeline *self)
{
  g_return_val_if_fail (SALES_IS_TIMELINE (self), FALSE);

  return self->has_more;
}

/* Reads the next page of older rows, if there is one. */
void
sales_timeline_load_more (SalesTimeline *self)
{
  g_return_if_fail (SALES_IS_TIMELINE (self));

  if (!self->has_more)
    return;

  self->limit += self->page_size;
  sales_timeline_reload (self);
}
