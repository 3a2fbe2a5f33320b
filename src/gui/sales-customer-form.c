/* sales-customer-form.c: the customer page's own fields, checked and saved
 *
 * The fields are edited in place, like the deal editor's: nothing reaches the
 * customer until Save, which is one store write after the duplicate check. Each
 * change re-checks the fields, a field in error is marked and the reason is written
 * under the group, and Save stays off until the fields are right. Cancel puts the
 * stored values back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sales-customer-page-private.h"
#include "sales-duplicate-dialog.h"
#include "sales-duplicates.h"

/* The codes customer.source holds (see sales-demo.h), in the order of the drop-down
 * after "None". */
static const struct {
  const char *code;
  const char *label;
} sources[] = {
  { "referral", NC_("customer source", "Referral") },
  { "exhibition", NC_("customer source", "Exhibition") },
  { "website", NC_("customer source", "Website") },
  { "cold_call", NC_("customer source", "Cold call") },
  { "wechat", NC_("customer source", "WeChat") },
  { "partner", NC_("customer source", "Partner") },
};

/* The form */

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static char *
notes_text (SalesCustomerPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
selected_owner (SalesCustomerPage *self)
{
  guint selected = adw_combo_row_get_selected (self->owner_row);

  return selected < self->owner_ids->len ? g_array_index (self->owner_ids, gint64, selected) : 0;
}

static const char *
selected_source (SalesCustomerPage *self)
{
  guint selected = adw_combo_row_get_selected (self->source_row);

  return selected < self->source_codes->len ? g_ptr_array_index (self->source_codes, selected)
                                            : NULL;
}

/* Blank text is no value, as the store writes it. */
static const char *
or_null (const char *text)
{
  return sales_text_is_blank (text) ? NULL : text;
}

/* The customer as the form has it: a copy of the stored one with the form's fields. */
static SalesCustomer *
build_draft (SalesCustomerPage *self)
{
  SalesCustomer *draft;
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  g_autofree char *email = g_strstrip (g_strdup (row_text (self->email_row)));
  g_autofree char *notes = notes_text (self);

  draft = self->customer != NULL ? sales_customer_dup (self->customer) : sales_customer_new ();
  sales_customer_set_name (draft, name);
  sales_customer_set_tier (draft, (SalesTier)adw_combo_row_get_selected (self->tier_row));
  sales_customer_set_industry (draft, or_null (row_text (self->industry_row)));
  sales_customer_set_source (draft, selected_source (self));
  sales_customer_set_owner_id (draft, selected_owner (self));
  sales_customer_set_phone (draft, or_null (row_text (self->phone_row)));
  sales_customer_set_email (draft, or_null (email));
  sales_customer_set_address (draft, or_null (row_text (self->address_row)));
  sales_customer_set_notes (draft, or_null (notes));

  return draft;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (or_null (a), or_null (b)) == 0;
}

static gboolean
form_differs (SalesCustomerPage *self,
              SalesCustomer     *draft)
{
  SalesCustomer *c = self->customer;

  if (c == NULL)
    return TRUE;

  return !same_text (sales_customer_get_name (c), sales_customer_get_name (draft)) ||
         sales_customer_get_tier (c) != sales_customer_get_tier (draft) ||
         !same_text (sales_customer_get_industry (c), sales_customer_get_industry (draft)) ||
         !same_text (sales_customer_get_source (c), sales_customer_get_source (draft)) ||
         sales_customer_get_owner_id (c) != sales_customer_get_owner_id (draft) ||
         !same_text (sales_customer_get_phone (c), sales_customer_get_phone (draft)) ||
         !same_text (sales_customer_get_email (c), sales_customer_get_email (draft)) ||
         !same_text (sales_customer_get_address (c), sales_customer_get_address (draft)) ||
         !same_text (sales_customer_get_notes (c), sales_customer_get_notes (draft));
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

/* Checks the fields and shows what is wrong; the rules are the customer's own
 * (sales_record_validate()), read field by field. */
static gboolean
validate (SalesCustomerPage *self)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autoptr(SalesCustomer) draft = build_draft (self);
  g_autoptr(GError) error = NULL;
  gboolean named = !sales_text_is_blank (sales_customer_get_name (draft));

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  mark (GTK_WIDGET (self->name_row), messages, named ? NULL : _("Give the customer a name."));

  /* With a name, what the customer still refuses is its email address. */
  if (!named)
    sales_customer_set_name (draft, "-");
  mark (GTK_WIDGET (self->email_row), messages,
        !sales_record_validate (SALES_RECORD (draft), &error) ? error->message : NULL);

  gtk_label_set_label (self->field_errors, messages->str);
  gtk_widget_set_visible (GTK_WIDGET (self->field_errors), messages->len > 0);

  return messages->len == 0;
}

void
sales_customer_page_update_buttons (SalesCustomerPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean creating = self->customer == NULL;
  gboolean writable = !sales_db_is_read_only (sales_store_get_db (self->store));
  gboolean valid;
  gint64 rep_id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  valid = validate (self);
  gtk_widget_set_visible (self->save_button, creating || self->modified);
  gtk_widget_set_visible (self->cancel_button, !creating && self->modified);
  gtk_widget_set_visible (self->log_button, !creating);
  gtk_widget_action_set_enabled (widget, "customer.save",
                                 writable && valid && (creating || self->modified));
  gtk_widget_action_set_enabled (widget, "customer.revert", !creating && self->modified);
  gtk_widget_action_set_enabled (widget, "customer.log-followup", writable && !creating);

  /* Claiming is for a stored customer in the pool, by the rep using this computer. */
  rep_id = sales_settings_get_current_rep_id (self->settings);
  gtk_widget_set_visible (self->claim_button, !creating && rep_id > 0 &&
                          sales_customer_get_owner_id (self->customer) == 0);
  gtk_widget_action_set_enabled (widget, "customer.claim",
                                 writable && gtk_widget_get_visible (self->claim_button));

  gtk_widget_action_set_enabled (widget, "customer.call",
                                 !sales_text_is_blank (row_text (self->phone_row)));
  gtk_widget_action_set_enabled (widget, "customer.mail",
                                 !sales_text_is_blank (row_text (self->email_row)));
}

static void
on_field_changed (SalesCustomerPage *self)
{
  g_autoptr(SalesCustomer) draft = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->loading)
    return;

  draft = build_draft (self);
  sales_customer_page_set_modified (self, form_differs (self, draft));
  sales_customer_page_update_buttons (self);
}

/* The drop-downs keep their models from one customer to the next and change them only where
 * they differ: a new model makes the drop-down's list build and measure all its rows again,
 * which is most of what opening another customer would cost. */

/* The owner drop-down: the pool, the active reps, and the owner even when inactive. */
static void
fill_owners (SalesCustomerPage *self,
             gint64             owner_id)
{
  g_autoptr(GListModel) reps = sales_store_list_reps (self->store);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GListModel *shown = adw_combo_row_get_model (self->owner_row);
  gboolean same;
  gint64 none = 0;

  g_ptr_array_add (names, g_strdup (_("Public pool")));
  g_array_append_val (ids, none);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      if (!sales_rep_get_active (rep) && id != owner_id)
        continue;
      g_ptr_array_add (names, g_strdup (sales_rep_get_name (rep)));
      g_array_append_val (ids, id);
    }
  g_ptr_array_add (names, NULL);

  same = shown != NULL && self->owner_ids->len == ids->len &&
         memcmp (ids->data, self->owner_ids->data, ids->len * sizeof (gint64)) == 0;
  for (guint i = 0; same && i < ids->len; i++)
    same = g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (shown), i),
                        g_ptr_array_index (names, i));

  if (!same)
    {
      g_autoptr(GtkStringList) model = gtk_string_list_new ((const char * const *) names->pdata);

      g_array_set_size (self->owner_ids, 0);
      g_array_append_vals (self->owner_ids, ids->data, ids->len);
      adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (model));
    }

  for (guint i = 0; i < self->owner_ids->len; i++)
    {
      if (g_array_index (self->owner_ids, gint64, i) == owner_id)
        adw_combo_row_set_selected (self->owner_row, i);
    }
}

/* The source drop-down: none, the known codes, and a source typed elsewhere (an import)
 * as it is, last. */
static void
fill_sources (SalesCustomerPage *self,
              const char        *source)
{
  GtkStringList *labels = GTK_STRING_LIST (adw_combo_row_get_model (self->source_row));
  guint n_known = G_N_ELEMENTS (sources) + 1;
  guint selected = 0;

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      if (g_strcmp0 (source, sources[i].code) == 0)
        selected = i + 1;
    }

  if (!sales_text_is_blank (source) && selected == 0)
    {
      if (self->source_codes->len > n_known &&
          !g_str_equal (source, g_ptr_array_index (self->source_codes, n_known)))
        {
          gtk_string_list_remove (labels, n_known);
          g_ptr_array_set_size (self->source_codes, n_known);
        }
      if (self->source_codes->len == n_known)
        {
          gtk_string_list_append (labels, source);
          g_ptr_array_add (self->source_codes, g_strdup (source));
        }
      selected = n_known;
    }
  else if (self->source_codes->len > n_known)
    {
      /* Selected first, so that the selection does not follow the removed row. */
      adw_combo_row_set_selected (self->source_row, selected);
      gtk_string_list_remove (labels, n_known);
      g_ptr_array_set_size (self->source_codes, n_known);
    }

  adw_combo_row_set_selected (self->source_row, selected);
}

/* Puts @c's values (or a new customer's defaults, for %NULL) into the form. */
static void
put_values (SalesCustomerPage *self,
            SalesCustomer     *c)
{
  gint64 owner_id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  self->loading = TRUE;

  owner_id = c != NULL ? sales_customer_get_owner_id (c)
                       : sales_settings_get_current_rep_id (self->settings);
  set_row_text (self->name_row, c != NULL ? sales_customer_get_name (c) : NULL);
  adw_combo_row_set_selected (self->tier_row, c != NULL ? sales_customer_get_tier (c)
                                                        : SALES_TIER_B);
  set_row_text (self->industry_row, c != NULL ? sales_customer_get_industry (c) : NULL);
  fill_sources (self, c != NULL ? sales_customer_get_source (c) : NULL);
  fill_owners (self, owner_id);
  set_row_text (self->phone_row, c != NULL ? sales_customer_get_phone (c) : NULL);
  set_row_text (self->email_row, c != NULL ? sales_customer_get_email (c) : NULL);
  set_row_text (self->address_row, c != NULL ? sales_customer_get_address (c) : NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            c != NULL && sales_customer_get_notes (c) != NULL
                              ? sales_customer_get_notes (c) : "", -1);

  self->loading = FALSE;
}

/* Puts the stored values (or a new customer's defaults) into the form. */
void
sales_customer_page_fill_form (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  put_values (self, self->customer);
  sales_customer_page_set_modified (self, FALSE);
  sales_customer_page_update_title (self);
  sales_customer_page_update_buttons (self);
}

/* Drafts: the page is one for every customer, so the edits not saved of the customer it
 * leaves are kept aside, and are back in the form when that customer is shown again. */

void
sales_customer_page_stash_draft (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL || !self->modified)
    return;

  g_hash_table_replace (self->drafts,
                        g_memdup2 (&(gint64) { sales_record_get_id (SALES_RECORD (self->customer)) },
                                   sizeof (gint64)),
                        build_draft (self));
}

/* Puts the shown customer's draft, if it has one, back into the form. */
void
sales_customer_page_restore_draft (SalesCustomerPage *self)
{
  g_autoptr(SalesCustomer) draft = NULL;
  g_autofree gint64 *key = NULL;
  gint64 id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL)
    return;

  id = sales_record_get_id (SALES_RECORD (self->customer));
  if (!g_hash_table_steal_extended (self->drafts, &id, (gpointer *) &key, (gpointer *) &draft))
    return;

  put_values (self, draft);
  on_field_changed (self);
}

/* Saving */

static gboolean
write_draft (SalesCustomerPage *self,
             SalesCustomer     *draft,
             gint64            *id)
{
  g_autoptr(GError) error = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL)
    {
      g_autoptr(SalesCustomer) created = sales_store_create (self->store, SALES_RECORD (draft),
                                                             &error);

      if (created == NULL)
        {
          sales_customer_page_show_error (self, error);
          return FALSE;
        }
      *id = sales_record_get_id (SALES_RECORD (created));
      sales_customer_page_set_customer (self, created);
      return TRUE;
    }

  if (!sales_store_update (self->store, SALES_RECORD (draft), &error))
    {
      sales_customer_page_show_error (self, error);
      return FALSE;
    }

  *id = sales_record_get_id (SALES_RECORD (draft));
  sales_customer_page_fill_form (self);
  return TRUE;
}

typedef struct
{
  SalesCustomerPage *self;
  SalesCustomer     *draft;
} PendingSave;

static void
pending_save_free (PendingSave *pending)
{
  g_object_unref (pending->self);
  g_object_unref (pending->draft);
  g_free (pending);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PendingSave, pending_save_free)

static void
on_duplicate_chosen (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PendingSave) pending = user_data;
  SalesCustomerPage *self = pending->self;
  SalesCustomer *draft = pending->draft;
  g_autoptr(GError) error = NULL;
  gint64 existing_id = 0;
  gint64 id = 0;

  switch (sales_duplicate_dialog_run_finish (result, &existing_id))
    {
    case SALES_DUPLICATE_CHOICE_OPEN:
      sales_customer_page_show_customer (self, existing_id);
      break;

    case SALES_DUPLICATE_CHOICE_MERGE:
      if (!write_draft (self, draft, &id))
        break;
      if (!sales_store_merge_customers (self->store, existing_id, id, &error))
        sales_customer_page_show_error (self, error);
      else
        {
          sales_customer_page_show_customer (self, existing_id);
          sales_customer_page_show_undo_toast (self);
        }
      break;

    case SALES_DUPLICATE_CHOICE_SAVE_ANYWAY:
      write_draft (self, draft, &id);
      break;

    case SALES_DUPLICATE_CHOICE_CANCEL:
    default:
      break;
    }
}

/**
 * sales_customer_page_save:
 *
 * Saves the form as Save does: checks the fields, then looks for likely duplicates and,
 * when there are some, asks what to do before writing anything.
 */
void
sales_customer_page_save (SalesCustomerPage *self)
{
  g_autoptr(SalesCustomer) draft = NULL;
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GError) error = NULL;
  PendingSave *pending;
  gint64 exclude_id;
  gint64 id = 0;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  if (!validate (self))
    return;

  draft = build_draft (self);
  exclude_id = self->customer != NULL ? sales_record_get_id (SALES_RECORD (self->customer)) : 0;
  /* The contacts are stored as they are edited: the ones the check should see are in the
   * database already. */
  matches = sales_duplicates_check (sales_store_get_db (self->store), draft, NULL, exclude_id,
                                    &error);
  if (matches == NULL)
    {
      sales_customer_page_show_error (self, error);
      return;
    }

  if (matches->len == 0)
    {
      write_draft (self, draft, &id);
      return;
    }

  pending = g_new0 (PendingSave, 1);
  pending->self = g_object_ref (self);
  pending->draft = g_object_ref (draft);
  sales_duplicate_dialog_run_async (sales_customer_page_get_window (self), self->store, draft,
                                    matches, NULL, on_duplicate_chosen, pending);
}

/**
 * sales_customer_page_revert:
 *
 * Puts the stored values back into the form, as Cancel does.
 */
void
sales_customer_page_revert (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  sales_customer_page_fill_form (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  sales_customer_page_save (SALES_CUSTOMER_PAGE (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  sales_customer_page_revert (SALES_CUSTOMER_PAGE (widget));
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  sales_customer_page_open_uri (self, "tel", row_text (self->phone_row));
}

static void
mail_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autofree char *email = g_strstrip (g_strdup (row_text (self->email_row)));

  sales_customer_page_open_uri (self, "mailto", email);
}

/**
 * sales_customer_page_is_valid:
 *
 * Returns: %TRUE when the fields are right; otherwise the reasons are shown
 */
gboolean
sales_customer_page_is_valid (SalesCustomerPage *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_PAGE (self), FALSE);

  return validate (self);
}

void
sales_customer_page_init_form (SalesCustomerPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, C_("customer source", "None"));
  g_ptr_array_add (self->source_codes, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      gtk_string_list_append (labels, g_dpgettext2 (GETTEXT_PACKAGE, "customer source",
                                                    sources[i].label));
      g_ptr_array_add (self->source_codes, g_strdup (sources[i].code));
    }
  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (labels));

  g_signal_connect_object (self->settings, "notify::current-rep-id",
                           G_CALLBACK (sales_customer_page_update_buttons), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
}

void
sales_customer_page_class_add_form_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "customer.call", NULL, call_action);
  gtk_widget_class_install_action (widget_class, "customer.mail", NULL, mail_action);
}
