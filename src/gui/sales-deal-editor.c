/* sales-deal-editor.c: every field of a deal, checked as it is typed
 *
 * The editor works on a copy: nothing reaches the deal until Save, which is one
 * sales_store_update() of the copy. Each change re-checks the fields; a field in error
 * is marked and the reason is written under its group, and Save stays off until the
 * fields are right. What only the database can tell (a customer deleted meanwhile) comes
 * back from the store and is shown under the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-contract-actions.h"
#include "sales-customer-completion.h"
#include "sales-deal-editor.h"
#include "sales-followup-dialog.h"
#include "sales-money.h"

struct _SalesDealEditor
{
  AdwWindow                parent_instance;

  SalesStore              *store;
  SalesSettings           *settings;
  SalesDeal               *deal;
  SalesCustomerCompletion *completion;
  /* The ids behind the choices of the three drop-downs; owner 0 is "nobody". */
  GArray                  *owner_ids;
  GArray                  *stage_ids;
  GArray                  *reason_ids;
  GArray                  *stage_kinds;

  GtkWidget               *save_button;
  AdwEntryRow             *title_row;
  AdwEntryRow             *customer_row;
  AdwEntryRow             *amount_row;
  AdwEntryRow             *currency_row;
  AdwEntryRow             *close_row;
  GtkPopover              *calendar_popover;
  GtkCalendar             *calendar;
  GtkLabel                *main_errors;
  AdwComboRow             *owner_row;
  AdwComboRow             *stage_row;
  GtkWidget               *contract_row;
  GtkSwitch               *contract_switch;
  GtkWidget               *lost_group;
  AdwComboRow             *reason_row;
  AdwEntryRow             *note_row;
  GtkLabel                *lost_errors;
  GtkLabel                *save_error;

  /* Won when the editor opened, or with a contract already: no contract is offered. */
  guint                    no_contract_offer : 1;
  guint                    loading : 1;
};

G_DEFINE_FINAL_TYPE (SalesDealEditor, sales_deal_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_DEAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    {
      if (g_array_index (ids, gint64, i) == id)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
}

static gboolean
lost_stage_selected (SalesDealEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  return selected < self->stage_kinds->len &&
         g_array_index (self->stage_kinds, SalesStageKind, selected) == SALES_STAGE_KIND_LOST;
}

static gboolean
won_stage_selected (SalesDealEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->stage_row);

  return selected < self->stage_kinds->len &&
         g_array_index (self->stage_kinds, SalesStageKind, selected) == SALES_STAGE_KIND_WON;
}

static gboolean
check_field (GtkWidget  *row,
             GString    *messages,
             const char *message)
{
  if (message == NULL)
    {
      gtk_widget_remove_css_class (row, "error");
      return TRUE;
    }

  gtk_widget_add_css_class (row, "error");
  if (messages->len > 0)
    g_string_append_c (messages, '\n');
  g_string_append (messages, message);
  return FALSE;
}

static void
show_messages (GtkLabel *label,
               GString  *messages)
{
  gtk_label_set_label (label, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (label), messages->len > 0);
}

static gboolean
is_currency_code (const char *text)
{
  if (strlen (text) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isupper (text[i]))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate (SalesDealEditor *self)
{
  g_autoptr(GString) main_messages = g_string_new (NULL);
  g_autoptr(GString) lost_messages = g_string_new (NULL);
  g_autoptr(GError) amount_error = NULL;
  const char *customer_text = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));
  const char *currency = gtk_editable_get_text (GTK_EDITABLE (self->currency_row));
  g_autofree char *close = NULL;
  const char *customer_message = NULL;
  const char *close_message = NULL;
  gboolean lost = lost_stage_selected (self);
  gboolean valid = TRUE;
  gint64 amount;

  g_assert (SALES_IS_DEAL_EDITOR (self));

  if (self->loading)
    return FALSE;

  close = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->close_row))));

  valid &= check_field (GTK_WIDGET (self->title_row), main_messages,
                        sales_text_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->title_row)))
                          ? _("Give the deal a title.") : NULL);

  if (sales_text_is_blank (customer_text))
    customer_message = _("Choose the customer.");
  else if (sales_customer_completion_get_customer (self->completion) == NULL)
    customer_message = _("No customer has that name; choose one from the list.");
  valid &= check_field (GTK_WIDGET (self->customer_row), main_messages, customer_message);

  valid &= check_field (GTK_WIDGET (self->amount_row), main_messages,
                        !sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)),
                                            &amount, &amount_error)
                          ? amount_error->message : NULL);

  valid &= check_field (GTK_WIDGET (self->currency_row), main_messages,
                        !is_currency_code (currency)
                          ? _("The currency is a three-letter code such as CNY or USD.") : NULL);

  if (*close != '\0' && !sales_iso_date_is_valid (close))
    close_message = _("Write the expected close date as YYYY-MM-DD, for example 2026-03-31.");
  valid &= check_field (GTK_WIDGET (self->close_row), main_messages, close_message);

  gtk_widget_set_visible (self->lost_group, lost);
  gtk_widget_set_visible (self->contract_row,
                          !self->no_contract_offer && won_stage_selected (self));
  valid &= check_field (GTK_WIDGET (self->reason_row), lost_messages,
                        lost && selected_id (self->reason_row, self->reason_ids) == 0
                          ? _("Choose why the deal was lost.") : NULL);

  show_messages (self->main_errors, main_messages);
  show_messages (self->lost_errors, lost_messages);
  gtk_widget_set_sensitive (self->save_button, valid);
  gtk_widget_set_visible (GTK_WIDGET (self->save_error), FALSE);

  return valid;
}

static void
on_day_selected (SalesDealEditor *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (date, "%Y-%m-%d");

  g_assert (SALES_IS_DEAL_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->close_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

static void
on_save_clicked (SalesDealEditor *self)
{
  g_assert (SALES_IS_DEAL_EDITOR (self));

  if (!sales_deal_editor_save (self))
    return;

  /* The contract belongs to the window the editor came from, which outlives it. */
  if (sales_deal_editor_get_offers_contract (self))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      sales_contract_actions_new_contract (parent != NULL ? GTK_WIDGET (parent) : NULL,
                                           self->store, self->settings, 0,
                                           sales_record_get_id (SALES_RECORD (self->deal)));
    }
  gtk_window_close (GTK_WINDOW (self));
}

/* A follow-up is written at once, whatever becomes of the edits. */
static void
on_log_followup_clicked (SalesDealEditor *self)
{
  GtkWidget *dialog;

  g_assert (SALES_IS_DEAL_EDITOR (self));

  dialog = sales_followup_dialog_new (GTK_WINDOW (self), self->store, self->settings,
                                      sales_deal_get_customer_id (self->deal),
                                      sales_record_get_id (SALES_RECORD (self->deal)));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Filling the form */

static void
fill_choices (SalesDealEditor *self)
{
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) reasons = gtk_string_list_new (NULL);
  g_autoptr(GListModel) reps = sales_store_list_reps (self->store);
  g_autoptr(GListModel) stage_list = sales_store_list_stages (self->store);
  g_autoptr(GListModel) reason_list = sales_store_list_lost_reasons (self->store);
  gint64 none = 0;

  g_assert (SALES_IS_DEAL_EDITOR (self));

  /* The small tables — the team, the stages, the lost reasons — are loaded whole. */
  gtk_string_list_append (owners, C_("owner", "Nobody"));
  g_array_append_val (self->owner_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      if (!sales_rep_get_active (rep) && id != sales_deal_get_owner_id (self->deal))
        continue;
      gtk_string_list_append (owners, sales_rep_get_name (rep));
      g_array_append_val (self->owner_ids, id);
    }

  for (guint i = 0; i < g_list_model_get_n_items (stage_list); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stage_list, i);
      gint64 id = sales_record_get_id (SALES_RECORD (stage));
      SalesStageKind kind = sales_stage_get_kind (stage);

      gtk_string_list_append (stages, sales_stage_get_name (stage));
      g_array_append_val (self->stage_ids, id);
      g_array_append_val (self->stage_kinds, kind);
    }

  gtk_string_list_append (reasons, _("Choose…"));
  g_array_append_val (self->reason_ids, none);
  for (guint i = 0; i < g_list_model_get_n_items (reason_list); i++)
    {
      g_autoptr(SalesLostReason) reason = g_list_model_get_item (reason_list, i);
      gint64 id = sales_record_get_id (SALES_RECORD (reason));

      if (!sales_lost_reason_get_active (reason) &&
          id != sales_deal_get_lost_reason_id (self->deal))
        continue;
      gtk_string_list_append (reasons, sales_lost_reason_get_name (reason));
      g_array_append_val (self->reason_ids, id);
    }

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (owners));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  adw_combo_row_set_model (self->reason_row, G_LIST_MODEL (reasons));
}

static void
fill_fields (SalesDealEditor *self)
{
  g_autoptr(SalesCustomer) customer = NULL;
  g_autofree char *amount = NULL;
  const char *close;

  g_assert (SALES_IS_DEAL_EDITOR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sales_deal_get_title (self->deal));

  customer = sales_store_get_customer (self->store, sales_deal_get_customer_id (self->deal),
                                       NULL);
  sales_customer_completion_set_customer (self->completion, customer);

  amount = sales_money_format_plain (sales_deal_get_amount_cents (self->deal));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  gtk_editable_set_text (GTK_EDITABLE (self->currency_row),
                         sales_deal_get_currency (self->deal) != NULL
                           ? sales_deal_get_currency (self->deal)
                           : sales_settings_get_currency (self->settings));

  close = sales_deal_get_expected_close (self->deal);
  gtk_editable_set_text (GTK_EDITABLE (self->close_row), close != NULL ? close : "");

  select_id (self->owner_row, self->owner_ids, sales_deal_get_owner_id (self->deal));
  select_id (self->stage_row, self->stage_ids, sales_deal_get_stage_id (self->deal));
  self->no_contract_offer = won_stage_selected (self) ||
                            sales_store_get_deal_contract_id (self->store,
                                                              sales_record_get_id (
                                                                SALES_RECORD (self->deal))) != 0;
  select_id (self->reason_row, self->reason_ids, sales_deal_get_lost_reason_id (self->deal));
  gtk_editable_set_text (GTK_EDITABLE (self->note_row),
                         sales_deal_get_lost_note (self->deal) != NULL
                           ? sales_deal_get_lost_note (self->deal) : "");
}

static void
sales_deal_editor_constructed (GObject *object)
{
  SalesDealEditor *self = (SalesDealEditor *)object;

  G_OBJECT_CLASS (sales_deal_editor_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);
  g_assert (self->deal != NULL);

  self->completion = sales_customer_completion_new (self->store, GTK_WIDGET (self->customer_row));
  g_signal_connect_object (self->completion, "notify::customer", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);

  self->loading = TRUE;
  fill_choices (self);
  fill_fields (self);
  self->loading = FALSE;

  validate (self);
}

static void
sales_deal_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_DEAL_EDITOR);

  G_OBJECT_CLASS (sales_deal_editor_parent_class)->dispose (object);
}

static void
sales_deal_editor_finalize (GObject *object)
{
  SalesDealEditor *self = (SalesDealEditor *)object;

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->stage_ids, g_array_unref);
  g_clear_pointer (&self->stage_kinds, g_array_unref);
  g_clear_pointer (&self->reason_ids, g_array_unref);
  g_clear_object (&self->deal);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_deal_editor_parent_class)->finalize (object);
}

static void
sales_deal_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesDealEditor *self = SALES_DEAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_DEAL:
      g_value_set_object (value, self->deal);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesDealEditor *self = SALES_DEAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_DEAL:
      self->deal = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_editor_class_init (SalesDealEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_deal_editor_constructed;
  object_class->dispose = sales_deal_editor_dispose;
  object_class->finalize = sales_deal_editor_finalize;
  object_class->get_property = sales_deal_editor_get_property;
  object_class->set_property = sales_deal_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DEAL] =
    g_param_spec_object ("deal", NULL, NULL,
                         SALES_TYPE_DEAL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-deal-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, customer_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, amount_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, currency_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, close_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, main_errors);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, contract_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, contract_switch);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, lost_group);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, reason_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, note_row);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, lost_errors);
  gtk_widget_class_bind_template_child (widget_class, SalesDealEditor, save_error);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_log_followup_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sales_deal_editor_init (SalesDealEditor *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stage_kinds = g_array_new (FALSE, FALSE, sizeof (SalesStageKind));
  self->reason_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sales_deal_editor_new:
 * @parent: (nullable): the window the editor belongs to
 */
GtkWidget *
sales_deal_editor_new (GtkWindow     *parent,
                       SalesStore    *store,
                       SalesSettings *settings,
                       SalesDeal     *deal)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SALES_IS_DEAL (deal), NULL);

  return g_object_new (SALES_TYPE_DEAL_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "settings", settings,
                       "deal", deal,
                       NULL);
}

SalesDeal *
sales_deal_editor_get_deal (SalesDealEditor *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_EDITOR (self), NULL);

  return self->deal;
}

/**
 * sales_deal_editor_is_valid:
 *
 * Returns: %TRUE when every field is right and Save is possible
 */
gboolean
sales_deal_editor_is_valid (SalesDealEditor *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_EDITOR (self), FALSE);

  return validate (self);
}

/**
 * sales_deal_editor_save:
 *
 * Writes the form to the deal in one store update, as Save does.
 *
 * Returns: %TRUE when the deal was saved; %FALSE with the reason shown in the form
 */
gboolean
sales_deal_editor_save (SalesDealEditor *self)
{
  g_autoptr(SalesDeal) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *close = NULL;
  gint64 amount = 0;

  g_return_val_if_fail (SALES_IS_DEAL_EDITOR (self), FALSE);

  if (!validate (self))
    return FALSE;

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  close = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->close_row))));
  sales_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount, NULL);

  draft = sales_deal_dup (self->deal);
  sales_deal_set_title (draft, title);
  sales_deal_set_customer_id (draft, sales_record_get_id (SALES_RECORD (
                                sales_customer_completion_get_customer (self->completion))));
  sales_deal_set_amount_cents (draft, amount);
  sales_deal_set_currency (draft, gtk_editable_get_text (GTK_EDITABLE (self->currency_row)));
  sales_deal_set_expected_close (draft, *close != '\0' ? close : NULL);
  sales_deal_set_owner_id (draft, selected_id (self->owner_row, self->owner_ids));
  sales_deal_set_stage_id (draft, selected_id (self->stage_row, self->stage_ids));

  if (lost_stage_selected (self))
    {
      const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));

      sales_deal_set_lost_reason_id (draft, selected_id (self->reason_row, self->reason_ids));
      sales_deal_set_lost_note (draft, sales_text_is_blank (note) ? NULL : note);
    }

  if (!sales_store_update (self->store, SALES_RECORD (draft), &error))
    {
      gtk_label_set_label (self->save_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->save_error), TRUE);
      return FALSE;
    }

  return TRUE;
}

/**
 * sales_deal_editor_get_offers_contract:
 *
 * Returns: whether saving goes on to the contract: the deal is being won
 *   here and the user left "Then Create Its Contract" on
 */
gboolean
sales_deal_editor_get_offers_contract (SalesDealEditor *self)
{
  g_return_val_if_fail (SALES_IS_DEAL_EDITOR (self), FALSE);

  return gtk_widget_get_visible (self->contract_row) &&
         gtk_switch_get_active (self->contract_switch);
}
