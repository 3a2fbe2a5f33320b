/* sales-customer-stats.c: what a customer's follow-ups and open deals add up to
 *
 * A row of the customer list shows when the customer was last contacted, its open deals
 * and its next planned follow-up. These are sums over other tables, so the list computes
 * them for the rows on screen only (sales_customer_list_get_stats()) and hands out one
 * object per customer that it keeps current: a row binds to its properties.
 *
 * Times are Unix seconds; 0 means none (never contacted, nothing planned).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-customer-stats.h"

struct _SalesCustomerStats
{
  GObject parent_instance;

  gint64  customer_id;
  gint64  last_contact_at;
  guint   open_deals;
  gint64  open_cents;
  gint64  next_followup_at;
};

G_DEFINE_FINAL_TYPE (SalesCustomerStats, sales_customer_stats, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_LAST_CONTACT_AT,
  PROP_OPEN_DEALS,
  PROP_OPEN_CENTS,
  PROP_NEXT_FOLLOWUP_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_customer_stats_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesCustomerStats *self = SALES_CUSTOMER_STATS (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_LAST_CONTACT_AT:
      g_value_set_int64 (value, self->last_contact_at);
      break;

    case PROP_OPEN_DEALS:
      g_value_set_uint (value, self->open_deals);
      break;

    case PROP_OPEN_CENTS:
      g_value_set_int64 (value, self->open_cents);
      break;

    case PROP_NEXT_FOLLOWUP_AT:
      g_value_set_int64 (value, self->next_followup_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_stats_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesCustomerStats *self = SALES_CUSTOMER_STATS (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_stats_class_init (SalesCustomerStatsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = sales_customer_stats_get_property;
  object_class->set_property = sales_customer_stats_set_property;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The latest done_at of the customer's follow-ups; 0 for none. */
  properties[PROP_LAST_CONTACT_AT] =
    g_param_spec_int64 ("last-contact-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OPEN_DEALS] =
    g_param_spec_uint ("open-deals", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OPEN_CENTS] =
    g_param_spec_int64 ("open-cents", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The earliest due_at of the follow-ups planned and not done; 0 for none. */
  properties[PROP_NEXT_FOLLOWUP_AT] =
    g_param_spec_int64 ("next-followup-at", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_customer_stats_init (SalesCustomerStats *self)
{
}

SalesCustomerStats *
sales_customer_stats_new (gint64 customer_id)
{
  return g_object_new (SALES_TYPE_CUSTOMER_STATS, "customer-id", customer_id, NULL);
}

gint64
sales_customer_stats_get_customer_id (SalesCustomerStats *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_STATS (self), 0);

  return self->customer_id;
}

gint64
sales_customer_stats_get_last_contact_at (SalesCustomerStats *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_STATS (self), 0);

  return self->last_contact_at;
}

guint
sales_customer_stats_get_open_deals (SalesCustomerStats *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_STATS (self), 0);

  return self->open_deals;
}

gint64
sales_customer_stats_get_open_cents (SalesCustomerStats *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_STATS (self), 0);

  return self->open_cents;
}

gint64
sales_customer_stats_get_next_followup_at (SalesCustomerStats *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_STATS (self), 0);

  return self->next_followup_at;
}

/* For the list that computes them: notifies what changed. */
void
sales_customer_stats_set (SalesCustomerStats *self,
                          gint64              last_contact_at,
                          guint               open_deals,
                          gint64              open_cents,
                          gint64              next_followup_at)
{
  g_return_if_fail (SALES_IS_CUSTOMER_STATS (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->last_contact_at != last_contact_at)
    {
      self->last_contact_at = last_contact_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CONTACT_AT]);
    }
  if (self->open_deals != open_deals)
    {
      self->open_deals = open_deals;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_DEALS]);
    }
  if (self->open_cents != open_cents)
    {
      self->open_cents = open_cents;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_CENTS]);
    }
  if (self->next_followup_at != next_followup_at)
    {
      self->next_followup_at = next_followup_at;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEXT_FOLLOWUP_AT]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
