/* sales-collection-notifier.c: a desktop notification when an instalment is due soon or overdue
 *
 * While the application runs, every instalment with money outstanding that
 * falls due within the next K days (the payment-reminder-days setting) is
 * announced once, and every overdue one once a day, so that a forgotten
 * instalment keeps coming back until it is paid. What one check finds is
 * one notification: about one customer it opens that customer's page
 * (app.show-customer), about several the Receivables list
 * (app.show-receivables).
 *
 * Checks run at start-up and then hourly, which is how soon a new day is
 * noticed; the list is what SalesReceivables reads for the same K days,
 * filtered to the rep using the computer when one is set.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-collection-notifier.h"
#include "sales-followup-notifier.h"
#include "sales-receivables.h"

#define CHECK_INTERVAL_S (60 * 60)

/* How many instalments, or customers, a notification names. */
#define MAX_LINES 3

struct _SalesCollectionNotifier
{
  GObject       parent_instance;

  SalesStore   *store;
  /* Not owned: the application owns the notifier. */
  GApplication *application;
  guint         days_ahead;
  gint64        owner_id;

  /* "id:due" once an instalment was announced as due soon, "id:YYYY-MM-DD" once
   * announced as overdue on that day. */
  GHashTable   *announced;
  guint         timer;
  guint         probed : 1;
  guint         can_send : 1;
};

G_DEFINE_FINAL_TYPE (SalesCollectionNotifier, sales_collection_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAYS_AHEAD,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sales_collection_alert_clear (SalesCollectionAlert *alert)
{
  g_clear_pointer (&alert->title, g_free);
  g_clear_pointer (&alert->body, g_free);
  alert->n_instalments = 0;
  alert->customer_id = 0;
}

/**
 * sales_collection_alert_to_notification:
 * @id: (out): the notification's id: one per customer, one for several
 *
 * Returns: (transfer full): the desktop notification that tells of @alert
 */
GNotification *
sales_collection_alert_to_notification (const SalesCollectionAlert  *alert,
                                        char                       **id)
{
  GNotification *notification;

  g_return_val_if_fail (alert != NULL && alert->n_instalments > 0, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  notification = g_notification_new (alert->title);
  g_notification_set_body (notification, alert->body);

  if (alert->customer_id > 0)
    {
      *id = g_strdup_printf ("receivable-%" G_GINT64_FORMAT, alert->customer_id);
      g_notification_set_default_action_and_target (notification, "app.show-customer", "x",
                                                    alert->customer_id);
    }
  else
    {
      *id = g_strdup ("receivables-due");
      g_notification_set_default_action (notification, "app.show-receivables");
    }

  return notification;
}

/* Money in a notification: core does not know the currency's sign, and digits
 * with a point read the same everywhere. */
static char *
format_cents (gint64 cents)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", cents / 100, (int)(cents % 100));
}

static char *
describe_one (SalesReceivable *item)
{
  const SalesInstalment *instalment = sales_receivable_get_instalment (item);
  g_autofree char *state = sales_instalment_describe (instalment);
  g_autofree char *left = format_cents (sales_receivable_get_outstanding_cents (item));

  /* TRANSLATORS: a line of a notification: a contract number, the amount still owed on an
   * instalment, and its state, such as "Overdue by 3 days" */
  return g_strdup_printf (_("%s: %s, %s"), sales_receivable_get_contract_number (item), left,
                          state);
}

static void
fill_alert (SalesCollectionAlert *alert,
            GPtrArray            *items)
{
  g_autoptr(GString) body = g_string_new (NULL);
  SalesReceivable *first = g_ptr_array_index (items, 0);
  gboolean one_customer = TRUE;
  gboolean overdue = FALSE;
  guint n_customers = 0;
  gint64 last_customer = 0;

  for (guint i = 0; i < items->len; i++)
    {
      SalesReceivable *item = g_ptr_array_index (items, i);

      if (sales_receivable_get_customer_id (item) != sales_receivable_get_customer_id (first))
        one_customer = FALSE;
      if (sales_receivable_get_instalment (item)->state == SALES_INSTALMENT_OVERDUE)
        overdue = TRUE;
    }

  alert->n_instalments = items->len;

  if (one_customer)
    {
      alert->customer_id = sales_receivable_get_customer_id (first);
      alert->title = g_strdup_printf (overdue
                                      /* TRANSLATORS: a notification's title; %s is a customer */
                                      ? _("Payment overdue: %s")
                                      /* TRANSLATORS: a notification's title; %s is a customer */
                                      : _("Payment due soon: %s"),
                                      sales_receivable_get_customer_name (first));
      for (guint i = 0; i < items->len && i < MAX_LINES; i++)
        {
          g_autofree char *line = describe_one (g_ptr_array_index (items, i));

          g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", line);
        }
      if (items->len > MAX_LINES)
        g_string_append (body, C_("list", "…"));
      alert->body = g_string_free (g_steal_pointer (&body), FALSE);
      return;
    }

  alert->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u instalment to collect",
                                               "%u instalments to collect",
                                               items->len),
                                  items->len);

  /* The list is grouped by customer: each name once, in its order. */
  for (guint i = 0; i < items->len; i++)
    {
      SalesReceivable *item = g_ptr_array_index (items, i);

      if (sales_receivable_get_customer_id (item) == last_customer)
        continue;
      last_customer = sales_receivable_get_customer_id (item);

      if (n_customers == MAX_LINES)
        {
          g_string_append (body, C_("list", "…"));
          break;
        }
      if (n_customers++ > 0)
        g_string_append (body, C_("list separator", ", "));
      g_string_append (body, sales_receivable_get_customer_name (item));
    }
  alert->body = g_string_free (g_steal_pointer (&body), FALSE);
}

/**
 * sales_collection_notifier_check:
 * @alert: (out caller-allocates): what is newly due soon or overdue
 *
 * Finds the instalments due within the notifier's days ahead, or overdue,
 * that were not announced yet (overdue ones: not yet today), and remembers
 * them. sales_collection_notifier_start() sends what this finds; tests call
 * it with the store's clock fixed.
 *
 * Returns: %TRUE when there is something to announce, with @alert filled
 *   in; clear it with sales_collection_alert_clear()
 */
gboolean
sales_collection_notifier_check (SalesCollectionNotifier *self,
                                 SalesCollectionAlert    *alert)
{
  g_autoptr(SalesReceivables) list = NULL;
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = NULL;

  g_return_val_if_fail (SALES_IS_COLLECTION_NOTIFIER (self), FALSE);
  g_return_val_if_fail (alert != NULL, FALSE);

  memset (alert, 0, sizeof *alert);
  today = sales_local_date (sales_store_now (self->store));
  list = g_object_new (SALES_TYPE_RECEIVABLES,
                       "store", self->store,
                       "days-ahead", self->days_ahead,
                       "include-overdue", TRUE,
                       "owner-id", self->owner_id,
                       NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(SalesReceivable) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      const SalesInstalment *instalment = sales_receivable_get_instalment (item);
      char *key;

      key = g_strdup_printf ("%" G_GINT64_FORMAT ":%s", instalment->id,
                             instalment->state == SALES_INSTALMENT_OVERDUE ? today : "due");
      if (!g_hash_table_add (self->announced, key))
        continue;

      g_ptr_array_add (fresh, g_steal_pointer (&item));
    }

  if (fresh->len == 0)
    return FALSE;

  fill_alert (alert, fresh);
  return TRUE;
}

static void
check_and_send (SalesCollectionNotifier *self)
{
  g_auto(SalesCollectionAlert) alert = { 0 };
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;

  g_assert (SALES_IS_COLLECTION_NOTIFIER (self));

  if (!sales_collection_notifier_check (self, &alert))
    return;

  /* A test's application is never registered and has nowhere to send to. */
  if (self->application == NULL || !g_application_get_is_registered (self->application) ||
      g_application_get_is_remote (self->application))
    return;

  if (!self->probed)
    {
      self->can_send = sales_application_has_notification_server (self->application);
      self->probed = TRUE;
    }
  if (!self->can_send)
    return;

  notification = sales_collection_alert_to_notification (&alert, &id);
  g_application_send_notification (self->application, id, notification);
}

static gboolean
on_timer (gpointer user_data)
{
  check_and_send (user_data);

  return G_SOURCE_CONTINUE;
}

static void
sales_collection_notifier_dispose (GObject *object)
{
  SalesCollectionNotifier *self = (SalesCollectionNotifier *)object;

  g_clear_handle_id (&self->timer, g_source_remove);

  G_OBJECT_CLASS (sales_collection_notifier_parent_class)->dispose (object);
}

static void
sales_collection_notifier_finalize (GObject *object)
{
  SalesCollectionNotifier *self = (SalesCollectionNotifier *)object;

  g_clear_pointer (&self->announced, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_collection_notifier_parent_class)->finalize (object);
}

static void
sales_collection_notifier_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  SalesCollectionNotifier *self = SALES_COLLECTION_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_DAYS_AHEAD:
      g_value_set_uint (value, self->days_ahead);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_collection_notifier_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  SalesCollectionNotifier *self = SALES_COLLECTION_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_DAYS_AHEAD:
      sales_collection_notifier_set_days_ahead (self, g_value_get_uint (value));
      break;

    case PROP_OWNER_ID:
      sales_collection_notifier_set_owner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_collection_notifier_class_init (SalesCollectionNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sales_collection_notifier_dispose;
  object_class->finalize = sales_collection_notifier_finalize;
  object_class->get_property = sales_collection_notifier_get_property;
  object_class->set_property = sales_collection_notifier_set_property;

  /* Instalments due from today to this many days ahead are announced. */
  properties[PROP_DAYS_AHEAD] =
    g_param_spec_uint ("days-ahead", NULL, NULL,
                       0, 3650, 3,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The rep whose customers' instalments are announced; 0 for everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_collection_notifier_init (SalesCollectionNotifier *self)
{
  self->days_ahead = 3;
  self->announced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * sales_collection_notifier_new:
 * @application: (nullable): where notifications go; not referenced, the
 *   application is expected to own the notifier
 *
 * Returns: (transfer full): a notifier that does nothing until
 *   sales_collection_notifier_start()
 */
SalesCollectionNotifier *
sales_collection_notifier_new (SalesStore   *store,
                               GApplication *application)
{
  SalesCollectionNotifier *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (application == NULL || G_IS_APPLICATION (application), NULL);

  self = g_object_new (SALES_TYPE_COLLECTION_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  self->application = application;

  return self;
}

guint
sales_collection_notifier_get_days_ahead (SalesCollectionNotifier *self)
{
  g_return_val_if_fail (SALES_IS_COLLECTION_NOTIFIER (self), 0);

  return self->days_ahead;
}

/**
 * sales_collection_notifier_set_days_ahead:
 * @days: announce instalments due from today to this many days ahead
 *
 * A longer look ahead announces at once what it newly brings in.
 */
void
sales_collection_notifier_set_days_ahead (SalesCollectionNotifier *self,
                                          guint                    days)
{
  g_return_if_fail (SALES_IS_COLLECTION_NOTIFIER (self));

  if (self->days_ahead == days)
    return;

  self->days_ahead = days;
  if (self->timer != 0)
    check_and_send (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_AHEAD]);
}

gint64
sales_collection_notifier_get_owner_id (SalesCollectionNotifier *self)
{
  g_return_val_if_fail (SALES_IS_COLLECTION_NOTIFIER (self), 0);

  return self->owner_id;
}

/**
 * sales_collection_notifier_set_owner_id:
 * @owner_id: the rep whose customers' instalments to announce, or 0 for everyone's
 */
void
sales_collection_notifier_set_owner_id (SalesCollectionNotifier *self,
                                        gint64                   owner_id)
{
  g_return_if_fail (SALES_IS_COLLECTION_NOTIFIER (self));
  g_return_if_fail (owner_id >= 0);

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  if (self->timer != 0)
    check_and_send (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/**
 * sales_collection_notifier_start:
 *
 * Announces what is due soon or overdue now, then checks hourly until the
 * notifier is disposed.
 */
void
sales_collection_notifier_start (SalesCollectionNotifier *self)
{
  g_return_if_fail (SALES_IS_COLLECTION_NOTIFIER (self));

  if (self->timer != 0)
    return;

  check_and_send (self);
  self->timer = g_timeout_add_seconds (CHECK_INTERVAL_S, on_timer, self);
}
