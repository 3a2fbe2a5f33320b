/* sales-pool-preferences.c: the public pool's rules and lead assignment, in the preferences
 *
 * The page shows the rules SalesSettings holds and writes every change back
 * at once; the application hands them to the store (sales-application.c).
 * The combo's rows are in the order of SalesAssignRule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-pool-preferences.h"

struct _SalesPoolPreferences
{
  AdwPreferencesPage  parent_instance;

  SalesSettings      *settings;
  /* Set while the widgets are being filled from the settings. */
  gboolean            loading;

  GtkSpinButton      *followup_spin;
  GtkSpinButton      *won_spin;
  GtkSpinButton      *warn_spin;
  GtkSpinButton      *limit_spin;
  AdwComboRow        *assign_row;
};

G_DEFINE_FINAL_TYPE (SalesPoolPreferences, sales_pool_preferences, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
load (SalesPoolPreferences *self)
{
  SalesPoolRules rules;

  g_assert (SALES_IS_POOL_PREFERENCES (self));

  sales_settings_get_pool_rules (self->settings, &rules);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->followup_spin, rules.followup_days);
  gtk_spin_button_set_value (self->won_spin, rules.won_days);
  gtk_spin_button_set_value (self->warn_spin, rules.warn_days);
  gtk_spin_button_set_value (self->limit_spin, rules.max_per_rep);
  adw_combo_row_set_selected (self->assign_row, rules.assign);
  self->loading = FALSE;
}

static void
on_value_changed (SalesPoolPreferences *self)
{
  SalesPoolRules rules;
  guint assign;

  g_assert (SALES_IS_POOL_PREFERENCES (self));

  if (self->loading || self->settings == NULL)
    return;

  sales_settings_get_pool_rules (self->settings, &rules);
  rules.followup_days = (guint)gtk_spin_button_get_value_as_int (self->followup_spin);
  rules.won_days = (guint)gtk_spin_button_get_value_as_int (self->won_spin);
  rules.warn_days = (guint)gtk_spin_button_get_value_as_int (self->warn_spin);
  rules.max_per_rep = (guint)gtk_spin_button_get_value_as_int (self->limit_spin);
  assign = adw_combo_row_get_selected (self->assign_row);
  if (assign <= SALES_ASSIGN_FEWEST_OPEN)
    rules.assign = (SalesAssignRule)assign;

  sales_settings_set_pool_rules (self->settings, &rules);
}

static void
sales_pool_preferences_constructed (GObject *object)
{
  SalesPoolPreferences *self = (SalesPoolPreferences *)object;

  G_OBJECT_CLASS (sales_pool_preferences_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  load (self);
  g_signal_connect_object (self->settings, "pool-rules-changed", G_CALLBACK (load), self,
                           G_CONNECT_SWAPPED);
}

static void
sales_pool_preferences_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_POOL_PREFERENCES);

  G_OBJECT_CLASS (sales_pool_preferences_parent_class)->dispose (object);
}

static void
sales_pool_preferences_finalize (GObject *object)
{
  SalesPoolPreferences *self = (SalesPoolPreferences *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sales_pool_preferences_parent_class)->finalize (object);
}

static void
sales_pool_preferences_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SalesPoolPreferences *self = SALES_POOL_PREFERENCES (object);

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
sales_pool_preferences_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SalesPoolPreferences *self = SALES_POOL_PREFERENCES (object);

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
sales_pool_preferences_class_init (SalesPoolPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_pool_preferences_constructed;
  object_class->dispose = sales_pool_preferences_dispose;
  object_class->finalize = sales_pool_preferences_finalize;
  object_class->get_property = sales_pool_preferences_get_property;
  object_class->set_property = sales_pool_preferences_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-pool-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPoolPreferences, followup_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPoolPreferences, won_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPoolPreferences, warn_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPoolPreferences, limit_spin);
  gtk_widget_class_bind_template_child (widget_class, SalesPoolPreferences, assign_row);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
}

static void
sales_pool_preferences_init (SalesPoolPreferences *self)
{
  /* The template's signals fire while it is built, before there are settings. */
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
sales_pool_preferences_new (SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_POOL_PREFERENCES,
                       "settings", settings,
                       NULL);
}
