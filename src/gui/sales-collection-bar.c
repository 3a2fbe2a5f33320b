/* sales-collection-bar.c: the instalments due soon and overdue, above the follow-ups
 *
 * Chasing a payment is a follow-up like a call: the Follow-ups view says at
 * its top what is to be collected now, the instalments overdue and those due
 * within the reminder days of the preferences (the ones the desktop
 * notifications announce), with a button to the Receivables list. The bar
 * hides while there is nothing to chase. It follows the store, the
 * preference and the view's choice of rep.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-collection-bar.h"
#include "sales-collections.h"
#include "sales-money.h"

struct _SalesCollectionBar
{
  GtkWidget         parent_instance;

  SalesStore       *store;
  SalesSettings    *settings;
  SalesReceivables *list;
  gint64            owner_id;

  GtkWidget        *box;
  GtkLabel         *label;
};

G_DEFINE_FINAL_TYPE (SalesCollectionBar, sales_collection_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_OWNER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (SalesCollectionBar *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *outstanding = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *text = NULL;
  guint n_items;
  guint n_overdue = 0;

  g_assert (SALES_IS_COLLECTION_BAR (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(SalesReceivable) item = g_list_model_get_item (G_LIST_MODEL (self->list), i);

      if (sales_receivable_get_instalment (item)->state == SALES_INSTALMENT_OVERDUE)
        n_overdue++;
    }

  if (n_overdue > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%u instalment overdue",
                                                          "%u instalments overdue",
                                                          n_overdue),
                                             n_overdue));
  if (n_items > n_overdue)
    {
      guint days = sales_settings_get_payment_reminder_days (self->settings);
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sales_store_now (self->store));
      g_autoptr(GDateTime) last = g_date_time_add_days (now, (int)days);
      g_autofree char *by = g_date_time_format (last, "%Y-%m-%d");

      /* TRANSLATORS: %u counts instalments; %s is a date, YYYY-MM-DD */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u due by %s",
                                                            "%u due by %s",
                                                            n_items - n_overdue),
                                               n_items - n_overdue, by));
    }
  g_ptr_array_add (parts, NULL);

  outstanding = sales_money_format (sales_receivables_get_outstanding_cents (self->list),
                                    sales_settings_get_currency (self->settings));
  joined = g_strjoinv (C_("list separator", ", "), (char **)parts->pdata);
  /* TRANSLATORS: above the follow-ups: an amount of money, then what it is made of, such
   * as "2 instalments overdue, 1 due by 2026-03-31" */
  text = g_strdup_printf (_("%s to collect: %s"), outstanding, joined);
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), n_items > 0);
}

/* The list looks as many days ahead as the preferences say: a change makes a new one. */
static void
make_list (SalesCollectionBar *self)
{
  guint days = sales_settings_get_payment_reminder_days (self->settings);

  g_clear_object (&self->list);
  self->list = g_object_new (SALES_TYPE_RECEIVABLES,
                             "store", self->store,
                             "days-ahead", days,
                             "include-overdue", TRUE,
                             "owner-id", self->owner_id,
                             NULL);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

static void
sales_collection_bar_dispose (GObject *object)
{
  SalesCollectionBar *self = (SalesCollectionBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_COLLECTION_BAR);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (sales_collection_bar_parent_class)->dispose (object);
}

static void
sales_collection_bar_finalize (GObject *object)
{
  SalesCollectionBar *self = (SalesCollectionBar *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_collection_bar_parent_class)->finalize (object);
}

static void
sales_collection_bar_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SalesCollectionBar *self = SALES_COLLECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_collection_bar_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SalesCollectionBar *self = SALES_COLLECTION_BAR (object);

  switch (prop_id)
    {
    case PROP_OWNER_ID:
      sales_collection_bar_set_owner_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_collection_bar_class_init (SalesCollectionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_collection_bar_dispose;
  object_class->finalize = sales_collection_bar_finalize;
  object_class->get_property = sales_collection_bar_get_property;
  object_class->set_property = sales_collection_bar_set_property;

  /* The rep whose customers' instalments are counted; 0 for everyone's. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-collection-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesCollectionBar, box);
  gtk_widget_class_bind_template_child (widget_class, SalesCollectionBar, label);
}

static void
sales_collection_bar_init (SalesCollectionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_collection_bar_new (SalesStore    *store,
                          SalesSettings *settings)
{
  SalesCollectionBar *self;

  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  self = g_object_new (SALES_TYPE_COLLECTION_BAR, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "notify::payment-reminder-days", G_CALLBACK (make_list),
                           self, G_CONNECT_SWAPPED);
  make_list (self);

  return GTK_WIDGET (self);
}

gint64
sales_collection_bar_get_owner_id (SalesCollectionBar *self)
{
  g_return_val_if_fail (SALES_IS_COLLECTION_BAR (self), 0);

  return self->owner_id;
}

void
sales_collection_bar_set_owner_id (SalesCollectionBar *self,
                                   gint64              owner_id)
{
  g_return_if_fail (SALES_IS_COLLECTION_BAR (self));
  g_return_if_fail (owner_id >= 0);

  if (self->owner_id == owner_id)
    return;

  self->owner_id = owner_id;
  if (self->list != NULL)
    sales_receivables_set_owner_id (self->list, owner_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

SalesReceivables *
sales_collection_bar_get_list (SalesCollectionBar *self)
{
  g_return_val_if_fail (SALES_IS_COLLECTION_BAR (self), NULL);

  return self->list;
}

/* What the bar says, or "" while it is hidden. */
const char *
sales_collection_bar_get_text (SalesCollectionBar *self)
{
  g_return_val_if_fail (SALES_IS_COLLECTION_BAR (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_label (self->label) : "";
}
