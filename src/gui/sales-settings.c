/* sales-settings.c: the application's GSettings as typed properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-settings.h"

struct _SalesSettings
{
  GObject    parent_instance;

  GSettings *settings;

  int        window_width;
  int        window_height;
  char      *company_name;
  char      *currency;
  gint64     current_rep_id;
  guint      payment_reminder_days;
  guint      window_maximized : 1;
  guint      first_run_dismissed : 1;
};

G_DEFINE_FINAL_TYPE (SalesSettings, sales_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WINDOW_WIDTH,
  PROP_WINDOW_HEIGHT,
  PROP_WINDOW_MAXIMIZED,
  PROP_FIRST_RUN_DISMISSED,
  PROP_COMPANY_NAME,
  PROP_CURRENCY,
  PROP_CURRENT_REP_ID,
  PROP_PAYMENT_REMINDER_DAYS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  POOL_RULES_CHANGED,
  BACKUP_RETENTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Read and written together through sales_settings_get_pool_rules(). */
static const char * const pool_keys[] = {
  "pool-followup-days",
  "pool-won-days",
  "pool-warn-days",
  "pool-max-customers",
  "lead-assignment",
};

/* Read and written together through sales_settings_get_backup_retention(). */
static const char * const backup_keys[] = {
  "backup-keep-days",
  "backup-keep-weeks",
  "backup-keep-months",
};

/* Each property mirrors the GSettings key of the same name. */
static const char * const bound_keys[] = {
  "window-width",
  "window-height",
  "window-maximized",
  "first-run-dismissed",
  "company-name",
  "currency",
  "current-rep-id",
  "payment-reminder-days",
};

static void
set_int (SalesSettings *self,
         int           *field,
         int            value,
         guint          prop_id)
{
  g_assert (SALES_IS_SETTINGS (self));

  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* g_set_str() only arrives in GLib 2.76. */
static gboolean
set_str (char       **field,
         const char  *value)
{
  g_assert (field != NULL);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
set_window_maximized (SalesSettings *self,
                      gboolean       maximized)
{
  g_assert (SALES_IS_SETTINGS (self));

  maximized = !!maximized;
  if (self->window_maximized == maximized)
    return;

  self->window_maximized = maximized;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WINDOW_MAXIMIZED]);
}

static void
emit_pool_rules_changed (SalesSettings *self)
{
  g_assert (SALES_IS_SETTINGS (self));

  g_signal_emit (self, signals[POOL_RULES_CHANGED], 0);
}

static void
emit_backup_retention_changed (SalesSettings *self)
{
  g_assert (SALES_IS_SETTINGS (self));

  g_signal_emit (self, signals[BACKUP_RETENTION_CHANGED], 0);
}

static void
sales_settings_constructed (GObject *object)
{
  SalesSettings *self = (SalesSettings *)object;

  G_OBJECT_CLASS (sales_settings_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (bound_keys); i++)
    g_settings_bind (self->settings, bound_keys[i], self, bound_keys[i], G_SETTINGS_BIND_DEFAULT);

  for (guint i = 0; i < G_N_ELEMENTS (pool_keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", pool_keys[i], NULL);

      g_signal_connect_object (self->settings, signal, G_CALLBACK (emit_pool_rules_changed),
                               self, G_CONNECT_SWAPPED);
    }

  for (guint i = 0; i < G_N_ELEMENTS (backup_keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", backup_keys[i], NULL);

      g_signal_connect_object (self->settings, signal,
                               G_CALLBACK (emit_backup_retention_changed), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
sales_settings_finalize (GObject *object)
{
  SalesSettings *self = (SalesSettings *)object;

  g_clear_object (&self->settings);
  g_clear_pointer (&self->company_name, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (sales_settings_parent_class)->finalize (object);
}

static void
sales_settings_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesSettings *self = SALES_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      g_value_set_int (value, self->window_width);
      break;

    case PROP_WINDOW_HEIGHT:
      g_value_set_int (value, self->window_height);
      break;

    case PROP_WINDOW_MAXIMIZED:
      g_value_set_boolean (value, self->window_maximized);
      break;

    case PROP_FIRST_RUN_DISMISSED:
      g_value_set_boolean (value, self->first_run_dismissed);
      break;

    case PROP_COMPANY_NAME:
      g_value_set_string (value, self->company_name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_CURRENT_REP_ID:
      g_value_set_int64 (value, self->current_rep_id);
      break;

    case PROP_PAYMENT_REMINDER_DAYS:
      g_value_set_uint (value, self->payment_reminder_days);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_settings_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesSettings *self = SALES_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_WINDOW_WIDTH:
      set_int (self, &self->window_width, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_HEIGHT:
      set_int (self, &self->window_height, g_value_get_int (value), prop_id);
      break;

    case PROP_WINDOW_MAXIMIZED:
      set_window_maximized (self, g_value_get_boolean (value));
      break;

    case PROP_FIRST_RUN_DISMISSED:
      sales_settings_set_first_run_dismissed (self, g_value_get_boolean (value));
      break;

    case PROP_COMPANY_NAME:
      sales_settings_set_company_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      sales_settings_set_currency (self, g_value_get_string (value));
      break;

    case PROP_CURRENT_REP_ID:
      sales_settings_set_current_rep_id (self, g_value_get_int64 (value));
      break;

    case PROP_PAYMENT_REMINDER_DAYS:
      sales_settings_set_payment_reminder_days (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_settings_class_init (SalesSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sales_settings_constructed;
  object_class->finalize = sales_settings_finalize;
  object_class->get_property = sales_settings_get_property;
  object_class->set_property = sales_settings_set_property;

  properties[PROP_WINDOW_WIDTH] =
    g_param_spec_int ("window-width", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WINDOW_HEIGHT] =
    g_param_spec_int ("window-height", NULL, NULL,
                      0, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WINDOW_MAXIMIZED] =
    g_param_spec_boolean ("window-maximized", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FIRST_RUN_DISMISSED] =
    g_param_spec_boolean ("first-run-dismissed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COMPANY_NAME] =
    g_param_spec_string ("company-name", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "CNY",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The rep using this computer, whose deals "My deals" shows; 0 when not set. */
  properties[PROP_CURRENT_REP_ID] =
    g_param_spec_int64 ("current-rep-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* How many days ahead an instalment is announced; see the schema's key. */
  properties[PROP_PAYMENT_REMINDER_DAYS] =
    g_param_spec_uint ("payment-reminder-days", NULL, NULL,
                       0, 90, 3,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesSettings::pool-rules-changed:
   *
   * Emitted when any of the public pool's rules changes, once per key.
   */
  signals[POOL_RULES_CHANGED] =
    g_signal_new ("pool-rules-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * SalesSettings::backup-retention-changed:
   *
   * Emitted when how many automatic backups are kept changes, once per key.
   */
  signals[BACKUP_RETENTION_CHANGED] =
    g_signal_new ("backup-retention-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
sales_settings_init (SalesSettings *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->company_name = g_strdup ("");
  self->currency = g_strdup ("CNY");
  self->payment_reminder_days = 3;
}

SalesSettings *
sales_settings_new (void)
{
  return g_object_new (SALES_TYPE_SETTINGS, NULL);
}

/**
 * sales_settings_get_window_state:
 *
 * The size the main window had when it was last closed while not maximized, and
 * whether it was maximized then.
 */
void
sales_settings_get_window_state (SalesSettings *self,
                                 int           *width,
                                 int           *height,
                                 gboolean      *maximized)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));

  if (width != NULL)
    *width = self->window_width;
  if (height != NULL)
    *height = self->window_height;
  if (maximized != NULL)
    *maximized = self->window_maximized;
}

void
sales_settings_set_window_state (SalesSettings *self,
                                 int            width,
                                 int            height,
                                 gboolean       maximized)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (width >= 0);
  g_return_if_fail (height >= 0);

  g_object_freeze_notify (G_OBJECT (self));
  set_int (self, &self->window_width, width, PROP_WINDOW_WIDTH);
  set_int (self, &self->window_height, height, PROP_WINDOW_HEIGHT);
  set_window_maximized (self, maximized);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
sales_settings_get_first_run_dismissed (SalesSettings *self)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (self), FALSE);

  return self->first_run_dismissed;
}

void
sales_settings_set_first_run_dismissed (SalesSettings *self,
                                        gboolean       dismissed)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));

  dismissed = !!dismissed;
  if (self->first_run_dismissed == dismissed)
    return;

  self->first_run_dismissed = dismissed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_RUN_DISMISSED]);
}

const char *
sales_settings_get_company_name (SalesSettings *self)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (self), NULL);

  return self->company_name;
}

void
sales_settings_set_company_name (SalesSettings *self,
                                 const char    *company_name)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));

  if (company_name == NULL)
    company_name = "";

  if (set_str (&self->company_name, company_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY_NAME]);
}

const char *
sales_settings_get_currency (SalesSettings *self)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (self), NULL);

  return self->currency;
}

/**
 * sales_settings_set_currency:
 * @currency: an ISO 4217 code among the choices of the schema's `currency` key
 */
void
sales_settings_set_currency (SalesSettings *self,
                             const char    *currency)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) key = NULL;
  g_autoptr(GVariant) value = NULL;

  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (currency != NULL);

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  key = g_settings_schema_get_key (schema, "currency");
  value = g_variant_ref_sink (g_variant_new_string (currency));
  g_return_if_fail (g_settings_schema_key_range_check (key, value));

  if (set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
sales_settings_get_current_rep_id (SalesSettings *self)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (self), 0);

  return self->current_rep_id;
}

void
sales_settings_set_current_rep_id (SalesSettings *self,
                                   gint64         rep_id)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (rep_id >= 0);

  if (self->current_rep_id == rep_id)
    return;

  self->current_rep_id = rep_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_REP_ID]);
}

guint
sales_settings_get_payment_reminder_days (SalesSettings *self)
{
  g_return_val_if_fail (SALES_IS_SETTINGS (self), 0);

  return self->payment_reminder_days;
}

void
sales_settings_set_payment_reminder_days (SalesSettings *self,
                                          guint          days)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (days <= 90);

  if (self->payment_reminder_days == days)
    return;

  self->payment_reminder_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYMENT_REMINDER_DAYS]);
}

void
sales_settings_get_pool_rules (SalesSettings  *self,
                               SalesPoolRules *rules)
{
  g_autofree char *assign = NULL;

  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (rules != NULL);

  sales_pool_rules_init (rules);
  rules->followup_days = g_settings_get_uint (self->settings, "pool-followup-days");
  rules->won_days = g_settings_get_uint (self->settings, "pool-won-days");
  rules->warn_days = g_settings_get_uint (self->settings, "pool-warn-days");
  rules->max_per_rep = g_settings_get_uint (self->settings, "pool-max-customers");
  assign = g_settings_get_string (self->settings, "lead-assignment");
  sales_assign_rule_from_string (assign, &rules->assign);
}

void
sales_settings_set_pool_rules (SalesSettings        *self,
                               const SalesPoolRules *rules)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (rules != NULL);

  g_settings_set_uint (self->settings, "pool-followup-days", rules->followup_days);
  g_settings_set_uint (self->settings, "pool-won-days", rules->won_days);
  g_settings_set_uint (self->settings, "pool-warn-days", rules->warn_days);
  g_settings_set_uint (self->settings, "pool-max-customers", rules->max_per_rep);
  g_settings_set_string (self->settings, "lead-assignment",
                         sales_assign_rule_to_string (rules->assign));
}

void
sales_settings_get_backup_retention (SalesSettings        *self,
                                     SalesBackupRetention *retention)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (retention != NULL);

  retention->days = g_settings_get_uint (self->settings, "backup-keep-days");
  retention->weeks = g_settings_get_uint (self->settings, "backup-keep-weeks");
  retention->months = g_settings_get_uint (self->settings, "backup-keep-months");
}

void
sales_settings_set_backup_retention (SalesSettings              *self,
                                     const SalesBackupRetention *retention)
{
  g_return_if_fail (SALES_IS_SETTINGS (self));
  g_return_if_fail (retention != NULL);

  g_settings_set_uint (self->settings, "backup-keep-days", MAX (retention->days, 1));
  g_settings_set_uint (self->settings, "backup-keep-weeks", retention->weeks);
  g_settings_set_uint (self->settings, "backup-keep-months", retention->months);
}
