/* sales-followup-list.c: the planned follow-ups of one section, as a list model
 *
 * A planned follow-up is an activity row with due_at set and done_at NULL.
 * The Follow-ups view shows them in four sections by their due day, each a
 * list of its own, so that a view can show a header and a count per section
 * and the sections can share one GtkListView through a flattening model.
 *
 * A list holds the ids of its rows, read through the partial index
 * activity_due (which holds exactly the planned rows, in due order), and
 * hands out the store's canonical objects when asked for an item. Any
 * change to an activity reads the ids again and tells views about the one
 * span that differs; the sections' bounds are computed from the store's
 * clock at each reading, so sales_followup_list_refresh() after midnight
 * moves rows from "This week" to "Today" and from "Today" to "Overdue".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-enums.h"
#include "sales-followup-list.h"

struct _SalesFollowupList
{
  GObject             parent_instance;

  SalesStore         *store;
  SalesFollowupGroup  group;
  gint64              owner_id;

  /* gint64 activity ids, by due time then id */
  GArray             *ids;
  /* the bounds of the last reading, [from, to) */
  gint64              from;
  gint64              to;

  guint               constructed : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_GROUP,
  PROP_OWNER_ID,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
sales_followup_list_get_item_type (GListModel *model)
{
  return SALES_TYPE_ACTIVITY;
}

static guint
sales_followup_list_get_n_items (GListModel *model)
{
  return SALES_FOLLOWUP_LIST (model)->ids->len;
}

static gpointer
sales_followup_list_get_item (GListModel *model,
                              guint       position)
{
  SalesFollowupList *self = SALES_FOLLOWUP_LIST (model);
  g_autoptr(GError) error = NULL;
  SalesActivity *activity;

  if (position >= self->ids->len)
    return NULL;

  activity = sales_store_get_activity (self->store, g_array_index (self->ids, gint64, position),
                                       &error);
  if (activity == NULL)
    g_warning ("Cannot read a planned follow-up: %s", error->message);

  return activity;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sales_followup_list_get_item_type;
  iface->get_n_items = sales_followup_list_get_n_items;
  iface->get_item = sales_followup_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SalesFollowupList, sales_followup_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* The start of the local day @offset days after the local day of @now. Built
 * from the date rather than by adding seconds, so that a day with a
 * daylight saving change is still one day. */
static gint64
local_day_start (gint64 now,
                 int    offset)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr(GDateTime) start = NULL;
  GDate date;
  int year, month, day;

  g_date_time_get_ymd (local, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (offset > 0)
    g_date_add_days (&date, offset);
  else if (offset < 0)
    g_date_subtract_days (&date, -offset);

  start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (start);
}

/**
 * sales_followup_group_get_range:
 * @now: the store's clock, Unix seconds; days are judged in local time
 * @from: (out): the first due time of the section
 * @to: (out): the first due time past the section
 *
 * The due times [@from, @to) of @group: Overdue is everything before today,
 * Today is today, This week the days after today up to and including
 * Sunday (empty on a Sunday), Later everything from next Monday on.
 */
void
sales_followup_group_get_range (SalesFollowupGroup  group,
                                gint64              now,
                                gint64             *from,
                                gint64             *to)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  /* 1 is Monday, 7 Sunday. */
  int weekday = g_date_time_get_day_of_week (local);

  g_return_if_fail (group <= SALES_FOLLOWUP_GROUP_LATER);
  g_return_if_fail (from != NULL && to != NULL);

  switch (group)
    {
    case SALES_FOLLOWUP_GROUP_OVERDUE:
      *from = G_MININT64;
      *to = local_day_start (now, 0);
      break;

    case SALES_FOLLOWUP_GROUP_TODAY:
      *from = local_day_start (now, 0);
      *to = local_day_start (now, 1);
      break;

    case SALES_FOLLOWUP_GROUP_THIS_WEEK:
      *from = local_day_start (now, 1);
      *to = local_day_start (now, 8 - weekday);
      break;

    case SALES_FOLLOWUP_GROUP_LATER:
      *from = local_day_start (now, 8 - weekday);
      *to = G_MAXINT64;
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * sales_followup_group_for_time:
 *
 * Returns: the section a follow-up due at @due_at is in at @now
 */
SalesFollowupGroup
sales_followup_group_for_time (gint64 due_at,
                               gint64 now)
{
  for (SalesFollowupGroup group = SALES_FOLLOWUP_GROUP_OVERDUE;
       group < SALES_FOLLOWUP_GROUP_LATER;
       group++)
    {
      gint64 from, to;

      sales_followup_group_get_range (group, now, &from, &to);
      if (due_at < to)
        return group;
    }

  return SALES_FOLLOWUP_GROUP_LATER;
}

/**
 * sales_followup_group_get_title:
 *
 * Returns: the translated header of the section
 */
const char *
sales_followup_group_get_title (SalesFollowupGroup group)
{
  static const char * const titles[] = {
    NC_("follow-ups section", "Overdue"),
    NC_("follow-ups section", "Today"),
    NC_("follow-ups section", "This Week"),
    NC_("follow-ups section", "Later"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (titles) == SALES_FOLLOWUP_GROUP_LATER + 1);
  g_return_val_if_fail (group <= SALES_FOLLOWUP_GROUP_LATER, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "follow-ups section", titles[group]);
}

/**
 * sales_followup_next_day_start:
 *
 * Returns: when the local day after that of @now starts, which is when the
 *   sections change
 */
gint64
sales_followup_next_day_start (gint64 now)
{
  return local_day_start (now, 1);
}

/**
 * sales_followup_format_due:
 * @now: the store's clock; days are local days
 * @overdue: (out) (optional): whether the follow-up's day has passed
 *
 * Returns: (transfer full): when a planned follow-up is due, as the
 *   Follow-ups view says it: "3 days overdue", "today 14:00",
 *   "tomorrow 09:00", "Sunday 23:59" (this week), "Dec 3, 15:00" (later)
 */
char *
sales_followup_format_due (gint64    due_at,
                           gint64    now,
                           gboolean *overdue)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (due_at);
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (now);
  gint64 today = local_day_start (now, 0);
  gint64 tomorrow = local_day_start (now, 1);
  SalesFollowupGroup group = sales_followup_group_for_time (due_at, now);

  if (overdue != NULL)
    *overdue = group == SALES_FOLLOWUP_GROUP_OVERDUE;

  if (group == SALES_FOLLOWUP_GROUP_OVERDUE)
    {
      GDate due_date, today_date;
      int year, month, day;
      int days;

      g_date_clear (&due_date, 1);
      g_date_clear (&today_date, 1);
      g_date_time_get_ymd (due, &year, &month, &day);
      g_date_set_dmy (&due_date, day, month, year);
      g_date_time_get_ymd (local, &year, &month, &day);
      g_date_set_dmy (&today_date, day, month, year);
      days = g_date_days_between (&due_date, &today_date);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                           days),
                              days);
    }

  /* The formats are those of g_date_time_format(), and translatable, as the order of
   * day, month and time is the language's: in Chinese, say, "%-m月%-d日 %H:%M". */
  if (due_at >= today && due_at < tomorrow)
    /* TRANSLATORS: when a follow-up is due; keep %H:%M */
    return g_date_time_format (due, C_("due time", "today %H:%M"));

  if (due_at >= tomorrow && due_at < local_day_start (now, 2))
    /* TRANSLATORS: when a follow-up is due; keep %H:%M */
    return g_date_time_format (due, C_("due time", "tomorrow %H:%M"));

  if (group == SALES_FOLLOWUP_GROUP_THIS_WEEK)
    /* TRANSLATORS: when a follow-up is due this week: the weekday and the time */
    return g_date_time_format (due, C_("due time", "%A %H:%M"));

  if (g_date_time_get_year (due) == g_date_time_get_year (local))
    /* TRANSLATORS: when a follow-up is due, later this year */
    return g_date_time_format (due, C_("due time", "%b %-d, %H:%M"));

  /* TRANSLATORS: when a follow-up is due, in another year */
  return g_date_time_format (due, C_("due time", "%b %-d %Y, %H:%M"));
}

static gboolean
read_ids (SalesFollowupList  *self,
          GArray             *ids,
          GError            **error)
{
  SalesDb *db = sales_store_get_db (self->store);
  sqlite3_stmt *stmt;
  int rc;

  /* The partial index holds only the planned rows; naming it keeps the
   * planner from walking an owner's whole history through activity_owner_due. */
  stmt = sales_db_prepare (db,
                           self->owner_id > 0
                           ? "SELECT id FROM activity INDEXED BY activity_due "
                             "WHERE done_at IS NULL AND due_at >= ?1 AND due_at < ?2 "
                             "AND owner_id = ?3 ORDER BY due_at, id"
                           : "SELECT id FROM activity INDEXED BY activity_due "
                             "WHERE done_at IS NULL AND due_at >= ?1 AND due_at < ?2 "
                             "AND ?3 = 0 ORDER BY due_at, id",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->from);
  sqlite3_bind_int64 (stmt, 2, self->to);
  sqlite3_bind_int64 (stmt, 3, self->owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

/* Reads the ids again; @whole tells views that every row changed, as when
 * the day changed and each row's relative due time with it. */
static void
reload (SalesFollowupList *self,
        gboolean           whole)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) old = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *a, *b;
  guint prefix = 0, suffix = 0;

  g_assert (SALES_IS_FOLLOWUP_LIST (self));

  sales_followup_group_get_range (self->group, sales_store_now (self->store),
                                  &self->from, &self->to);

  if (!read_ids (self, ids, &error))
    {
      g_warning ("Cannot list the planned follow-ups: %s", error->message);
      return;
    }

  old = g_steal_pointer (&self->ids);
  self->ids = g_steal_pointer (&ids);
  a = (const gint64 *)(gpointer)old->data;
  b = (const gint64 *)(gpointer)self->ids->data;

  if (!whole)
    {
      while (prefix < old->len && prefix < self->ids->len && a[prefix] == b[prefix])
        prefix++;
      while (suffix < old->len - prefix && suffix < self->ids->len - prefix &&
             a[old->len - 1 - suffix] == b[self->ids->len - 1 - suffix])
        suffix++;
    }

  if (prefix == old->len && prefix == self->ids->len)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, old->len - prefix - suffix,
                              self->ids->len - prefix - suffix);
  if (old->len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_store_changed (SalesFollowupList *self,
                  SalesRecordKind    kind,
                  gint64             id,
                  SalesChange        change,
                  SalesStore        *store)
{
  /* Deleting a customer or a deal deletes its follow-ups by cascade. */
  if (kind == SALES_RECORD_ACTIVITY ||
      (change == SALES_CHANGE_DELETED &&
       (kind == SALES_RECORD_CUSTOMER || kind == SALES_RECORD_DEAL || kind == SALES_RECORD_REP)))
    reload (self, FALSE);
}

static void
on_store_reset (SalesFollowupList *self)
{
  reload (self, TRUE);
}

static void
sales_followup_list_finalize (GObject *object)
{
  SalesFollowupList *self = (SalesFollowupList *)object;

  g_array_unref (self->ids);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_followup_list_parent_class)->finalize (object);
}

static void
sales_followup_list_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SalesFollowupList *self = SALES_FOLLOWUP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_GROUP:
      g_value_set_enum (value, self->group);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_list_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SalesFollowupList *self = SALES_FOLLOWUP_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_GROUP:
      self->group = g_value_get_enum (value);
      break;

    case PROP_OWNER_ID:
      sales_followup_list_set_owner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_list_constructed (GObject *object)
{
  SalesFollowupList *self = (SalesFollowupList *)object;

  G_OBJECT_CLASS (sales_followup_list_parent_class)->constructed (object);

  g_assert (SALES_IS_STORE (self->store));

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset), self,
                           G_CONNECT_SWAPPED);

  self->constructed = TRUE;
  reload (self, FALSE);
}

static void
sales_followup_list_class_init (SalesFollowupListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sales_followup_list_constructed;
  object_class->finalize = sales_followup_list_finalize;
  object_class->get_property = sales_followup_list_get_property;
  object_class->set_property = sales_followup_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GROUP] =
    g_param_spec_enum ("group", NULL, NULL,
                       SALES_TYPE_FOLLOWUP_GROUP, SALES_FOLLOWUP_GROUP_OVERDUE,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The rep whose follow-ups are listed; 0 for everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_followup_list_init (SalesFollowupList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

/**
 * sales_followup_list_new:
 * @owner_id: the rep whose follow-ups to list, or 0 for everyone's
 *
 * Returns: (transfer full): the planned follow-ups of @group, kept up to date
 */
SalesFollowupList *
sales_followup_list_new (SalesStore         *store,
                         SalesFollowupGroup  group,
                         gint64              owner_id)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (group <= SALES_FOLLOWUP_GROUP_LATER, NULL);
  g_return_val_if_fail (owner_id >= 0, NULL);

  return g_object_new (SALES_TYPE_FOLLOWUP_LIST,
                       "store", store,
                       "group", group,
                       "owner-id", owner_id,
                       NULL);
}

SalesStore *
sales_followup_list_get_store (SalesFollowupList *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_LIST (self), NULL);

  return self->store;
}

SalesFollowupGroup
sales_followup_list_get_group (SalesFollowupList *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_LIST (self), 0);

  return self->group;
}

gint64
sales_followup_list_get_owner_id (SalesFollowupList *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_LIST (self), 0);

  return self->owner_id;
}

void
sales_followup_list_set_owner_id (SalesFollowupList *self,
                                  gint64             owner_id)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_LIST (self));
  g_return_if_fail (owner_id >= 0);

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  /* While constructing, the first reading is still to come. */
  if (self->constructed)
    reload (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/**
 * sales_followup_list_refresh:
 *
 * Reads the list again against the store's clock. When the day changed
 * since the last reading, every row is reported changed, since the
 * relative due time of each ("today", "3 days overdue") changed with it.
 */
void
sales_followup_list_refresh (SalesFollowupList *self)
{
  gint64 from, to;

  g_return_if_fail (SALES_IS_FOLLOWUP_LIST (self));

  sales_followup_group_get_range (self->group, sales_store_now (self->store), &from, &to);
  reload (self, from != self->from || to != self->to);
}

gint64
sales_followup_list_get_activity_id (SalesFollowupList *self,
                                     guint              position)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_LIST (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

gboolean
sales_followup_list_find (SalesFollowupList *self,
                          gint64             activity_id,
                          guint             *position)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_LIST (self), FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    {
      if (g_array_index (self->ids, gint64, i) == activity_id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}
