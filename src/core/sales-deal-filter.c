/* sales-deal-filter.c: which deals the pipeline board shows
 *
 * The filter only says what the person asked for; the list models turn it
 * into SQL (sales_deal_filter_to_sql()) so that the database does the
 * filtering, counting and summing. Search is a case-insensitive substring
 * of the deal's title or its customer's name (SQLite's LIKE folds ASCII
 * only, which is what matters: Chinese has no case). Close ranges compare
 * expected_close, an ISO date, with local dates around the store's clock,
 * and leave out deals without an expected close date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-deal-filter.h"
#include "sales-enums.h"

struct _SalesDealFilter
{
  GObject          parent_instance;

  char            *search;
  gint64           owner_id;
  gint64           stage_id;
  SalesCloseRange  close_range;
};

G_DEFINE_FINAL_TYPE (SalesDealFilter, sales_deal_filter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEARCH,
  PROP_OWNER_ID,
  PROP_STAGE_ID,
  PROP_CLOSE_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_deal_filter_finalize (GObject *object)
{
  SalesDealFilter *self = (SalesDealFilter *)object;

  g_free (self->search);

  G_OBJECT_CLASS (sales_deal_filter_parent_class)->finalize (object);
}

static void
sales_deal_filter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesDealFilter *self = SALES_DEAL_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_CLOSE_RANGE:
      g_value_set_enum (value, self->close_range);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_filter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesDealFilter *self = SALES_DEAL_FILTER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      sales_deal_filter_set_search (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      sales_deal_filter_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE_ID:
      sales_deal_filter_set_stage_id (self, g_value_get_int64 (value));
      break;

    case PROP_CLOSE_RANGE:
      sales_deal_filter_set_close_range (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_filter_class_init (SalesDealFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_deal_filter_finalize;
  object_class->get_property = sales_deal_filter_get_property;
  object_class->set_property = sales_deal_filter_set_property;

  /* Text to find in the title or the customer's name; NULL or blank for all. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The rep whose deals to keep; 0 for everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The one stage whose deals to keep; 0 for every stage. */
  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLOSE_RANGE] =
    g_param_spec_enum ("close-range", NULL, NULL,
                       SALES_TYPE_CLOSE_RANGE, SALES_CLOSE_RANGE_ANY,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_deal_filter_init (SalesDealFilter *self)
{
}

SalesDealFilter *
sales_deal_filter_new (void)
{
  return g_object_new (SALES_TYPE_DEAL_FILTER, NULL);
}

/**
 * sales_deal_filter_get_search:
 *
 * Returns: (nullable): the search text, stripped; %NULL when there is none
 */
const char *
sales_deal_filter_get_search (SalesDealFilter *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), NULL);

  return self->search;
}

void
sales_deal_filter_set_search (SalesDealFilter *self,
                              const char      *search)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (SALES_IS_DEAL_FILTER (self));

  /* Typing a space in the search entry must not empty the board. */
  if (search != NULL)
    stripped = g_strstrip (g_strdup (search));
  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  if (g_strcmp0 (stripped, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
}

gint64
sales_deal_filter_get_owner_id (SalesDealFilter *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), 0);

  return self->owner_id;
}

void
sales_deal_filter_set_owner_id (SalesDealFilter *self,
                                gint64           owner_id)
{
  g_return_if_fail (SALES_IS_DEAL_FILTER (self));
  g_return_if_fail (owner_id >= 0);

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

gint64
sales_deal_filter_get_stage_id (SalesDealFilter *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), 0);

  return self->stage_id;
}

void
sales_deal_filter_set_stage_id (SalesDealFilter *self,
                                gint64           stage_id)
{
  g_return_if_fail (SALES_IS_DEAL_FILTER (self));
  g_return_if_fail (stage_id >= 0);

  if (self->stage_id == stage_id)
    return;

  self->stage_id = stage_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_ID]);
}

SalesCloseRange
sales_deal_filter_get_close_range (SalesDealFilter *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), SALES_CLOSE_RANGE_ANY);

  return self->close_range;
}

void
sales_deal_filter_set_close_range (SalesDealFilter *self,
                                   SalesCloseRange  close_range)
{
  g_return_if_fail (SALES_IS_DEAL_FILTER (self));
  g_return_if_fail (close_range <= SALES_CLOSE_RANGE_OVERDUE);

  if (self->close_range == close_range)
    return;

  self->close_range = close_range;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSE_RANGE]);
}

/* TRUE when the filter keeps every deal. */
gboolean
sales_deal_filter_is_empty (SalesDealFilter *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), TRUE);

  return self->search == NULL && self->owner_id == 0 && self->stage_id == 0 &&
         self->close_range == SALES_CLOSE_RANGE_ANY;
}

/* Appends the dates [@from, @to) of the range as SQL; both are local dates,
 * so the literals are safe to write into the statement. */
static void
append_date_range (GString   *sql,
                   GDateTime *from,
                   GDateTime *to)
{
  g_autofree char *first = g_date_time_format (from, "%Y-%m-%d");
  g_autofree char *end = g_date_time_format (to, "%Y-%m-%d");

  g_string_append_printf (sql, " AND d.expected_close >= '%s' AND d.expected_close < '%s'",
                          first, end);
}

/**
 * sales_deal_filter_to_sql:
 * @now: the store's clock, Unix seconds; the range is judged in its local day
 *
 * Returns: (transfer full): the conditions of the filter over `deal AS d`
 */
char *
sales_deal_filter_to_sql (SalesDealFilter *self,
                          gint64           now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) end = NULL;
  GString *sql;
  int year, month, day;

  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), NULL);

  sql = g_string_new (NULL);

  if (self->search != NULL)
    g_string_append (sql,
                     " AND (d.title LIKE @search ESCAPE '\\' OR d.customer_id IN "
                     "(SELECT id FROM customer WHERE name LIKE @search ESCAPE '\\'))");

  if (self->owner_id != 0)
    g_string_append_printf (sql, " AND d.owner_id = %" G_GINT64_FORMAT, self->owner_id);

  if (self->stage_id != 0)
    g_string_append_printf (sql, " AND d.stage_id = %" G_GINT64_FORMAT, self->stage_id);

  if (self->close_range == SALES_CLOSE_RANGE_ANY)
    return g_string_free (sql, FALSE);

  local = g_date_time_new_from_unix_local (now);
  g_date_time_get_ymd (local, &year, &month, &day);

  switch (self->close_range)
    {
    case SALES_CLOSE_RANGE_THIS_MONTH:
      first = g_date_time_new_local (year, month, 1, 0, 0, 0);
      end = g_date_time_add_months (first, 1);
      append_date_range (sql, first, end);
      break;

    case SALES_CLOSE_RANGE_THIS_QUARTER:
      first = g_date_time_new_local (year, month - (month - 1) % 3, 1, 0, 0, 0);
      end = g_date_time_add_months (first, 3);
      append_date_range (sql, first, end);
      break;

    case SALES_CLOSE_RANGE_OVERDUE:
      {
        g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");

        g_string_append_printf (sql, " AND d.expected_close < '%s'", today);
      }
      break;

    case SALES_CLOSE_RANGE_ANY:
    default:
      g_assert_not_reached ();
    }

  return g_string_free (sql, FALSE);
}

/**
 * sales_deal_filter_get_like_pattern:
 *
 * Returns: (transfer full) (nullable): the search as a LIKE pattern with
 *   `\` as the escape character, or %NULL without a search
 */
char *
sales_deal_filter_get_like_pattern (SalesDealFilter *self)
{
  GString *pattern;

  g_return_val_if_fail (SALES_IS_DEAL_FILTER (self), NULL);

  if (self->search == NULL)
    return NULL;

  pattern = g_string_new ("%");
  for (const char *p = self->search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}
