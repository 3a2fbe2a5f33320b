/* sales-preferences-window.c: the company name, the currency and payment reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-pool-preferences.h"
#include "sales-preferences-window.h"

struct _SalesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  SalesSettings        *settings;

  AdwEntryRow          *company_name_row;
  AdwComboRow          *currency_row;
  GtkSpinButton        *reminder_spin;
};

G_DEFINE_FINAL_TYPE (SalesPreferencesWindow, sales_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The same codes, in the same order, as the choices of the schema's currency key. */
static const struct {
  const char *code;
  const char *name;
} currencies[] = {
  { "CNY", N_("Chinese yuan (CNY)") },
  { "HKD", N_("Hong Kong dollar (HKD)") },
  { "TWD", N_("New Taiwan dollar (TWD)") },
  { "USD", N_("US dollar (USD)") },
  { "EUR", N_("Euro (EUR)") },
  { "GBP", N_("Pound sterling (GBP)") },
  { "JPY", N_("Japanese yen (JPY)") },
  { "SGD", N_("Singapore dollar (SGD)") },
};

static void
currency_from_settings (SalesPreferencesWindow *self)
{
  const char *code = sales_settings_get_currency (self->settings);

  g_assert (SALES_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    {
      if (g_strcmp0 (currencies[i].code, code) == 0)
        {
          adw_combo_row_set_selected (self->currency_row, i);
          return;
        }
    }
}

static void
currency_to_settings (SalesPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->currency_row);

  g_assert (SALES_IS_PREFERENCES_WINDOW (self));

  if (selected < G_N_ELEMENTS (currencies))
    sales_settings_set_currency (self->settings, currencies[selected].code);
}

static void
sales_preferences_window_constructed (GObject *object)
{
  SalesPreferencesWindow *self = (SalesPreferencesWindow *)object;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sales_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  g_object_bind_property (self->settings, "company-name",
                          self->company_name_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  g_object_bind_property (self->settings, "payment-reminder-days",
                          gtk_spin_button_get_adjustment (self->reminder_spin), "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    gtk_string_list_append (names, _(currencies[i].name));
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (names));
  currency_from_settings (self);

  g_signal_connect_object (self->settings, "notify::currency",
                           G_CALLBACK (currency_from_settings), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->currency_row, "notify::selected",
                           G_CALLBACK (currency_to_settings), self, G_CONNECT_SWAPPED);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (sales_pool_preferences_new (self->settings)));
}

static void
sales_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (sales_preferences_window_parent_class)->dispose (object);
}

static void
sales_preferences_window_finalize (GObject *object)
{
  SalesPreferencesWindow *self = (SalesPreferencesWindow *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_preferences_window_parent_class)->finalize (object);
}

static void
sales_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  SalesPreferencesWindow *self = SALES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  SalesPreferencesWindow *self = SALES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_preferences_window_class_init (SalesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_preferences_window_constructed;
  object_class->dispose = sales_preferences_window_dispose;
  object_class->finalize = sales_preferences_window_finalize;
  object_class->get_property = sales_preferences_window_get_property;
  object_class->set_property = sales_preferences_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow, company_name_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPreferencesWindow, reminder_spin);
}

static void
sales_preferences_window_init (SalesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_preferences_window_new (SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

SalesSettings *
sales_preferences_window_get_settings (SalesPreferencesWindow *self)
{
  g_return_val_if_fail (SALES_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
