/* sales-followup-dialog.c: write down a call, visit or message, and plan the next one
 *
 * Like the deal editor, the form is checked as it is typed: a field in error is marked
 * and the reason is written under the form, and Log stays off until the fields are
 * right. Log is one store call, sales_store_log_followup(), which writes the follow-up
 * and the planned next one together; the dialog then emits ::logged, closes, and the
 * page or board that opened it offers Undo.
 *
 * Times are typed and shown in local time; the store keeps Unix seconds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-followup-dialog.h"

/* A next follow-up without a time is due at the start of a working day. */
#define DEFAULT_NEXT_HOUR 9

struct _SalesFollowupDialog
{
  AdwWindow       parent_instance;

  SalesStore     *store;
  SalesSettings  *settings;
  gint64          customer_id;
  gint64          deal_id;

  GtkWidget      *save_button;
  AdwComboRow    *kind_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *time_row;
  AdwComboRow    *satisfaction_row;
  GtkTextView    *note_view;
  AdwExpanderRow *next_row;
  AdwEntryRow    *next_date_row;
  AdwEntryRow    *next_time_row;
  AdwComboRow    *next_kind_row;
  GtkPopover     *calendar_popover;
  GtkCalendar    *calendar;
  GtkLabel       *errors;
};

G_DEFINE_FINAL_TYPE (SalesFollowupDialog, sales_followup_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CUSTOMER_ID,
  PROP_DEAL_ID,
  N_PROPS
};

enum {
  LOGGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Reads "YYYY-MM-DD" and "HH:MM" (or an empty time, then @default_hour:00) as local time.
 * Returns FALSE when either is not a real date or time. */
static gboolean
parse_local (const char *date_text,
             const char *time_text,
             int         default_hour,
             gint64     *unix_time)
{
  g_autofree char *date = g_strstrip (g_strdup (date_text));
  g_autofree char *time = g_strstrip (g_strdup (time_text));
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;
  int hour = default_hour, minute = 0;
  char end;

  if (!sales_iso_date_is_valid (date) || sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return FALSE;

  if (*time != '\0' &&
      (sscanf (time, "%d:%d%c", &hour, &minute, &end) != 2 ||
       hour < 0 || hour > 23 || minute < 0 || minute > 59))
    return FALSE;

  if (*time == '\0' && default_hour < 0)
    return FALSE;

  local = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (local == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (local);
  return TRUE;
}

static void
mark (GtkWidget  *row,
      GString    *messages,
      const char *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return;
    }

  gtk_widget_add_css_class (row, "error");
  if (messages->len > 0)
    g_string_append_c (messages, '\n');
  g_string_append (messages, message);
}

static gboolean
next_enabled (SalesFollowupDialog *self)
{
  return adw_expander_row_get_enable_expansion (self->next_row);
}

/* Checks every field; fills @done_at and @due_at (0 without a next follow-up). */
static gboolean
read_times (SalesFollowupDialog *self,
            GString             *messages,
            gint64              *done_at,
            gint64              *due_at)
{
  const char *when_message = NULL;
  const char *next_message = NULL;
  gboolean when_ok;

  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  *due_at = 0;
  when_ok = parse_local (row_text (self->date_row), row_text (self->time_row), -1, done_at);
  if (!when_ok)
    when_message = _("Write when it happened as a date (YYYY-MM-DD) and a time (HH:MM).");
  else if (*done_at > sales_store_now (self->store) + 60)
    when_message = _("A follow-up you log has happened already; plan later ones under "
                     "“Next Follow-up On”.");
  mark (GTK_WIDGET (self->date_row), messages, when_message);
  mark (GTK_WIDGET (self->time_row), messages, NULL);
  if (!when_ok)
    gtk_widget_add_css_class (GTK_WIDGET (self->time_row), "error");

  if (next_enabled (self))
    {
      if (!parse_local (row_text (self->next_date_row), row_text (self->next_time_row),
                        DEFAULT_NEXT_HOUR, due_at))
        next_message = _("Write the next follow-up’s date as YYYY-MM-DD and its time, if "
                         "any, as HH:MM.");
      else if (when_ok && *due_at <= *done_at)
        next_message = _("The next follow-up must come after this one.");
    }
  mark (GTK_WIDGET (self->next_date_row), messages, next_message);

  return when_message == NULL && next_message == NULL;
}

static gboolean
validate (SalesFollowupDialog *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  gint64 done_at, due_at;
  gboolean valid;

  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  valid = read_times (self, messages, &done_at, &due_at);
  gtk_label_set_label (self->errors, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->errors), messages->len > 0);
  gtk_widget_set_sensitive (self->save_button, valid);

  return valid;
}

static void
on_kind_changed (SalesFollowupDialog *self)
{
  gboolean service;

  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  /* Satisfaction is asked after service visits only. */
  service = adw_combo_row_get_selected (self->kind_row) == SALES_ACTIVITY_KIND_SERVICE;
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_row), service);
}

static void
on_next_toggled (SalesFollowupDialog *self)
{
  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  /* Tomorrow is the most common answer; the calendar is next to it for the others. */
  if (next_enabled (self) && *row_text (self->next_date_row) == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sales_store_now (self->store));
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
      g_autofree char *date = g_date_time_format (tomorrow, "%Y-%m-%d");

      gtk_editable_set_text (GTK_EDITABLE (self->next_date_row), date);
    }

  validate (self);
}

static void
on_day_selected (SalesFollowupDialog *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->next_date_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_save_clicked (SalesFollowupDialog *self)
{
  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  if (sales_followup_dialog_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
fill_kinds (SalesFollowupDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  g_assert (SALES_IS_FOLLOWUP_DIALOG (self));

  /* The rows follow the enumeration, so a row's index is its kind. */
  for (SalesActivityKind k = SALES_ACTIVITY_KIND_CALL; k <= SALES_ACTIVITY_KIND_SERVICE; k++)
    gtk_string_list_append (kinds, sales_activity_kind_get_label (k));

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->next_kind_row, G_LIST_MODEL (kinds));
}

static void
sales_followup_dialog_constructed (GObject *object)
{
  SalesFollowupDialog *self = (SalesFollowupDialog *)object;
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(SalesDeal) deal = NULL;
  g_autofree char *title = NULL;
  GtkWidget *window_title;

  G_OBJECT_CLASS (sales_followup_dialog_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  fill_kinds (self);
  sales_followup_dialog_set_done_at (self, sales_store_now (self->store));
  on_kind_changed (self);

  /* Which customer (and deal) this is about, under the title. */
  customer = sales_store_get_customer (self->store, self->customer_id, NULL);
  if (self->deal_id > 0)
    deal = sales_store_get_deal (self->store, self->deal_id, NULL);
  if (customer != NULL && deal != NULL)
    /* Translators: the subtitle of the follow-up dialog: a customer and one of its deals */
    title = g_strdup_printf (C_("follow-up dialog", "%s — %s"),
                             sales_customer_get_name (customer), sales_deal_get_title (deal));
  else if (customer != NULL)
    title = g_strdup (sales_customer_get_name (customer));

  window_title = adw_window_title_new (gtk_window_get_title (GTK_WINDOW (self)), title);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (gtk_widget_get_ancestor (
                                     self->save_button, ADW_TYPE_HEADER_BAR)), window_title);

  /* What happened is what a person has on their mind: the note takes the first keys. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->note_view));

  validate (self);
}

static void
sales_followup_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_FOLLOWUP_DIALOG);

  G_OBJECT_CLASS (sales_followup_dialog_parent_class)->dispose (object);
}

static void
sales_followup_dialog_finalize (GObject *object)
{
  SalesFollowupDialog *self = (SalesFollowupDialog *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_followup_dialog_parent_class)->finalize (object);
}

static void
sales_followup_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SalesFollowupDialog *self = SALES_FOLLOWUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SalesFollowupDialog *self = SALES_FOLLOWUP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;

    case PROP_DEAL_ID:
      self->deal_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_followup_dialog_class_init (SalesFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_followup_dialog_constructed;
  object_class->dispose = sales_followup_dialog_dispose;
  object_class->finalize = sales_followup_dialog_finalize;
  object_class->get_property = sales_followup_dialog_get_property;
  object_class->set_property = sales_followup_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The deal the follow-up is about; 0 for the customer as a whole. */
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesFollowupDialog::logged:
   *
   * Emitted once the follow-up (and the next one) is written; the store can undo it.
   */
  signals[LOGGED] =
    g_signal_new ("logged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-followup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, next_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, next_date_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, next_time_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, next_kind_row);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, SalesFollowupDialog, errors);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_next_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sales_followup_dialog_init (SalesFollowupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_followup_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @deal_id: the deal the follow-up is about, or 0
 */
GtkWidget *
sales_followup_dialog_new (GtkWindow     *parent,
                           SalesStore    *store,
                           SalesSettings *settings,
                           gint64         customer_id,
                           gint64         deal_id)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (customer_id > 0, NULL);

  return g_object_new (SALES_TYPE_FOLLOWUP_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       "customer-id", customer_id,
                       "deal-id", deal_id,
                       NULL);
}

void
sales_followup_dialog_set_kind (SalesFollowupDialog *self,
                                SalesActivityKind    kind)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_DIALOG (self));
  g_return_if_fail (kind <= SALES_ACTIVITY_KIND_SERVICE);

  adw_combo_row_set_selected (self->kind_row, kind);
}

void
sales_followup_dialog_set_note (SalesFollowupDialog *self,
                                const char          *note)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_DIALOG (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

/* Fills the date and time fields with @done_at in local time. */
void
sales_followup_dialog_set_done_at (SalesFollowupDialog *self,
                                   gint64               done_at)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;

  g_return_if_fail (SALES_IS_FOLLOWUP_DIALOG (self));

  local = g_date_time_new_from_unix_local (done_at);
  date = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);
}

/* @satisfaction: 1 to 5, or 0 for not asked */
void
sales_followup_dialog_set_satisfaction (SalesFollowupDialog *self,
                                        int                  satisfaction)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_DIALOG (self));
  g_return_if_fail (satisfaction >= 0 && satisfaction <= 5);

  adw_combo_row_set_selected (self->satisfaction_row, (guint)satisfaction);
}

/* @due_at: when the next follow-up is due, or 0 for none */
void
sales_followup_dialog_set_next_due (SalesFollowupDialog *self,
                                    gint64               due_at)
{
  g_return_if_fail (SALES_IS_FOLLOWUP_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->next_row, due_at > 0);
  if (due_at > 0)
    {
      g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (due_at);
      g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
      g_autofree char *time = g_date_time_format (local, "%H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->next_date_row), date);
      gtk_editable_set_text (GTK_EDITABLE (self->next_time_row), time);
    }
}

gboolean
sales_followup_dialog_is_valid (SalesFollowupDialog *self)
{
  g_return_val_if_fail (SALES_IS_FOLLOWUP_DIALOG (self), FALSE);

  return validate (self);
}

/**
 * sales_followup_dialog_save:
 *
 * Logs the follow-up (and plans the next one) as Log does.
 *
 * Returns: %TRUE when it was written; %FALSE with the reason shown in the form
 */
gboolean
sales_followup_dialog_save (SalesFollowupDialog *self)
{
  g_autoptr(SalesActivity) done = NULL;
  g_autoptr(SalesActivity) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) unused = g_string_new (NULL);
  g_autofree char *note = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  SalesActivityKind kind;
  gint64 done_at = 0, due_at = 0;
  gint64 owner_id;

  g_return_val_if_fail (SALES_IS_FOLLOWUP_DIALOG (self), FALSE);

  if (!validate (self) || !read_times (self, unused, &done_at, &due_at))
    return FALSE;

  buffer = gtk_text_view_get_buffer (self->note_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  note = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  kind = adw_combo_row_get_selected (self->kind_row);
  owner_id = sales_settings_get_current_rep_id (self->settings);

  done = sales_activity_new ();
  sales_activity_set_customer_id (done, self->customer_id);
  sales_activity_set_deal_id (done, self->deal_id);
  sales_activity_set_owner_id (done, owner_id);
  sales_activity_set_kind (done, kind);
  sales_activity_set_note (done, *note != '\0' ? note : NULL);
  sales_activity_set_done_at (done, done_at);
  if (kind == SALES_ACTIVITY_KIND_SERVICE)
    sales_activity_set_satisfaction (done, (int)adw_combo_row_get_selected (self->satisfaction_row));

  if (due_at > 0)
    {
      next = sales_activity_new ();
      sales_activity_set_kind (next, adw_combo_row_get_selected (self->next_kind_row));
      sales_activity_set_due_at (next, due_at);
    }

  if (!sales_store_log_followup (self->store, done, next, NULL, NULL, &error))
    {
      gtk_label_set_label (self->errors, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->errors), TRUE);
      return FALSE;
    }

  g_signal_emit (self, signals[LOGGED], 0);
  return TRUE;
}
