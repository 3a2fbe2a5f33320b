/* sales-customer-page.c: everything about one customer, on one page
 *
 * The window slides this page in over its views (win.show-customer) and out again
 * with Back. The customer's own fields are edited in place, like the deal editor's:
 * nothing reaches the customer until Save, which is one store write after the
 * duplicate check; each change re-checks the fields, a field in error is marked and
 * the reason is written under the group, and Save stays off until the fields are
 * right. Cancel puts the stored values back. A new customer (win.new-customer) is the
 * same page with only its fields, until it is saved.
 *
 * The sections below the fields (contacts, deals, contracts, timeline) are in
 * sales-customer-sections.c; they show what the store has and change it directly, one
 * undoable action at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customer-page-private.h"
#include "sales-duplicate-dialog.h"
#include "sales-duplicates.h"
#include "sales-followup-dialog.h"
#include "sales-pool.h"

/* Long enough to notice a mistake and take it back. */
#define UNDO_TIMEOUT_S 10

G_DEFINE_FINAL_TYPE (SalesCustomerPage, sales_customer_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CUSTOMER,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  BACK,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

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

/* Toasts */

static void
add_toast (SalesCustomerPage *self,
           AdwToast          *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
sales_customer_page_show_error (SalesCustomerPage *self,
                                const GError      *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  add_toast (self, toast);
}

static void
on_undo_clicked (SalesCustomerPage *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (sales_store_can_undo (self->store) && !sales_store_undo (self->store, &error))
    sales_customer_page_show_error (self, error);
}

static void
on_toast_dismissed (SalesCustomerPage *self,
                    AdwToast          *toast)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

/* After a change the store can undo: a toast names it, with Undo. */
void
sales_customer_page_show_undo_toast (SalesCustomerPage *self)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  if (!sales_store_can_undo (self->store))
    return;

  /* The toast's title is markup in libadwaita 1.2, and names are anything. */
  title = g_markup_escape_text (sales_store_get_undo_label (self->store), -1);

  /* The store undoes the newest action only: a toast still up names it instead. (Dismissing
   * a toast while libadwaita 1.2 still slides it in frees it under its animation.) */
  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, UNDO_TIMEOUT_S);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self,
                           G_CONNECT_SWAPPED);

  self->toast = g_object_ref_sink (toast);
  add_toast (self, toast);
}

GtkWindow *
sales_customer_page_get_window (SalesCustomerPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Opens tel: and mailto: links with the launcher GTK 4.8 has, which needs no portal. */
void
sales_customer_page_open_uri (SalesCustomerPage *self,
                              const char        *scheme,
                              const char        *address)
{
  g_autoptr(GString) uri = g_string_new (scheme);

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  if (sales_text_is_blank (address))
    return;

  g_string_append_c (uri, ':');
  for (const char *p = address; *p != '\0'; p++)
    {
      /* A phone number as people write it ("138 0013 8000") is not a URI yet. */
      if (g_str_equal (scheme, "tel") && (g_ascii_isspace (*p) || *p == '-'))
        continue;
      g_string_append_c (uri, *p);
    }

  gtk_show_uri (sales_customer_page_get_window (self), uri->str, GDK_CURRENT_TIME);
}

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

static void
set_modified (SalesCustomerPage *self,
              gboolean           modified)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_buttons (SalesCustomerPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean creating = self->customer == NULL;
  gboolean valid;
  gint64 rep_id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  valid = validate (self);
  gtk_widget_set_visible (self->save_button, creating || self->modified);
  gtk_widget_set_visible (self->cancel_button, !creating && self->modified);
  gtk_widget_set_visible (self->log_button, !creating);
  gtk_widget_action_set_enabled (widget, "customer.save", valid && (creating || self->modified));
  gtk_widget_action_set_enabled (widget, "customer.revert", !creating && self->modified);
  gtk_widget_action_set_enabled (widget, "customer.log-followup", !creating);

  /* Claiming is for a stored customer in the pool, by the rep using this computer. */
  rep_id = sales_settings_get_current_rep_id (self->settings);
  gtk_widget_set_visible (self->claim_button, !creating && rep_id > 0 &&
                          sales_customer_get_owner_id (self->customer) == 0);
  gtk_widget_action_set_enabled (widget, "customer.claim", gtk_widget_get_visible (self->claim_button));

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
  set_modified (self, form_differs (self, draft));
  update_buttons (self);
}

static void
update_title (SalesCustomerPage *self)
{
  g_autoptr(SalesRep) owner = NULL;
  const char *owner_name;
  g_autofree char *subtitle = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Customer"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  if (sales_customer_get_owner_id (self->customer) > 0)
    owner = sales_store_get_rep (self->store, sales_customer_get_owner_id (self->customer), NULL);
  owner_name = owner != NULL ? sales_rep_get_name (owner) : _("Public pool");

  /* Translators: under a customer's name: its tier (A, B or C) and who owns it */
  subtitle = g_strdup_printf (_("Tier %s · %s"),
                              sales_tier_to_string (sales_customer_get_tier (self->customer)),
                              owner_name);
  adw_window_title_set_title (self->window_title, sales_customer_get_name (self->customer));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The owner drop-down: the pool, the active reps, and the owner even when inactive. */
static void
fill_owners (SalesCustomerPage *self,
             gint64             owner_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) reps = sales_store_list_reps (self->store);
  gint64 none = 0;

  g_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (names, _("Public pool"));
  g_array_append_val (self->owner_ids, none);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      if (!sales_rep_get_active (rep) && id != owner_id)
        continue;
      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->owner_ids, id);
    }

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  for (guint i = 0; i < self->owner_ids->len; i++)
    {
      if (g_array_index (self->owner_ids, gint64, i) == owner_id)
        adw_combo_row_set_selected (self->owner_row, i);
    }
}

/* The source drop-down: none, the known codes, and a source typed elsewhere (an import)
 * as it is. */
static void
fill_sources (SalesCustomerPage *self,
              const char        *source)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  g_ptr_array_set_size (self->source_codes, 0);
  gtk_string_list_append (labels, C_("customer source", "None"));
  g_ptr_array_add (self->source_codes, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      gtk_string_list_append (labels, g_dpgettext2 (GETTEXT_PACKAGE, "customer source",
                                                    sources[i].label));
      g_ptr_array_add (self->source_codes, g_strdup (sources[i].code));
      if (g_strcmp0 (source, sources[i].code) == 0)
        selected = i + 1;
    }

  if (!sales_text_is_blank (source) && selected == 0)
    {
      gtk_string_list_append (labels, source);
      g_ptr_array_add (self->source_codes, g_strdup (source));
      selected = self->source_codes->len - 1;
    }

  adw_combo_row_set_model (self->source_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->source_row, selected);
}

/* Puts the stored values (or a new customer's defaults) into the form. */
static void
fill_form (SalesCustomerPage *self)
{
  SalesCustomer *c = self->customer;
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

  set_modified (self, FALSE);
  update_title (self);
  update_buttons (self);
}

/* Another view changed the customer: the form follows unless the user is editing it. */
static void
on_customer_notify (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  update_title (self);
  if (!self->modified)
    fill_form (self);
  else
    update_buttons (self);
}

static void
on_customer_deleted (SalesCustomerPage *self,
                     SalesRecordKind    kind,
                     gint64             id,
                     SalesChange        change)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  /* Deleted or merged into another: there is nothing left to show. */
  if (self->customer != NULL && change == SALES_CHANGE_DELETED &&
      id == sales_record_get_id (SALES_RECORD (self->customer)))
    g_signal_emit (self, signals[BACK], 0);
}

static void
set_customer (SalesCustomerPage *self,
              SalesCustomer     *customer)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer != NULL)
    g_signal_handlers_disconnect_by_func (self->customer, on_customer_notify, self);

  sales_customer_page_clear_sections (self);
  g_set_object (&self->customer, customer);

  if (customer != NULL)
    g_signal_connect_object (customer, "notify", G_CALLBACK (on_customer_notify), self,
                             G_CONNECT_SWAPPED);

  fill_form (self);

  gtk_widget_set_visible (self->tags_group, customer != NULL);
  gtk_widget_set_visible (self->contacts_group, customer != NULL);
  gtk_widget_set_visible (self->deals_group, customer != NULL);
  gtk_widget_set_visible (self->contracts_group, customer != NULL);
  gtk_widget_set_visible (self->timeline_group, customer != NULL);
  sales_customer_page_load_tags (self);
  if (customer != NULL)
    sales_customer_page_load_sections (self);

  /* Each customer opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (self->scroller)), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
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
      set_customer (self, created);
      return TRUE;
    }

  if (!sales_store_update (self->store, SALES_RECORD (draft), &error))
    {
      sales_customer_page_show_error (self, error);
      return FALSE;
    }

  *id = sales_record_get_id (SALES_RECORD (draft));
  fill_form (self);
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

  fill_form (self);
}

static void
on_followup_logged (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  sales_customer_page_show_undo_toast (self);
}

/**
 * sales_customer_page_log_followup:
 *
 * Opens the dialog that logs a follow-up with the customer, as Log Follow-up… does.
 *
 * Returns: (transfer none) (nullable): the dialog, presented; %NULL on a new customer
 */
GtkWidget *
sales_customer_page_log_followup (SalesCustomerPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SALES_IS_CUSTOMER_PAGE (self), NULL);

  if (self->customer == NULL)
    return NULL;

  dialog = sales_followup_dialog_new (sales_customer_page_get_window (self), self->store,
                                      self->settings,
                                      sales_record_get_id (SALES_RECORD (self->customer)), 0);
  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_followup_logged), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

/* Actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  g_signal_emit (widget, signals[BACK], 0);
}

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
log_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  sales_customer_page_log_followup (SALES_CUSTOMER_PAGE (widget));
}

static void
claim_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->customer == NULL)
    return;

  if (!sales_store_claim_customer (self->store, self->customer,
                                   sales_settings_get_current_rep_id (self->settings), &error))
    sales_customer_page_show_error (self, error);
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

/* GObject */

static void
sales_customer_page_constructed (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  G_OBJECT_CLASS (sales_customer_page_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  g_signal_connect_object (self->store, "changed::customer", G_CALLBACK (on_customer_deleted),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "notify::current-rep-id",
                           G_CALLBACK (update_buttons), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_field_changed), self, G_CONNECT_SWAPPED);
  sales_customer_page_init_tags (self);
}

static void
sales_customer_page_dispose (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  if (self->toast != NULL)
    g_signal_handlers_disconnect_by_data (self->toast, self);
  g_clear_object (&self->toast);
  sales_customer_page_clear_sections (self);
  g_clear_object (&self->customer);

  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_CUSTOMER_PAGE);

  G_OBJECT_CLASS (sales_customer_page_parent_class)->dispose (object);
}

static void
sales_customer_page_finalize (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  g_clear_pointer (&self->owner_ids, g_array_unref);
  g_clear_pointer (&self->source_codes, g_ptr_array_unref);
  g_clear_object (&self->tag_names);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_customer_page_parent_class)->finalize (object);
}

static void
sales_customer_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_page_class_init (SalesCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_customer_page_constructed;
  object_class->dispose = sales_customer_page_dispose;
  object_class->finalize = sales_customer_page_finalize;
  object_class->get_property = sales_customer_page_get_property;
  object_class->set_property = sales_customer_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* NULL while a new customer is written. */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         SALES_TYPE_CUSTOMER,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The form holds edits that are not saved. */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SalesCustomerPage::back:
   *
   * The user asked to leave the page (Back, Escape), or its customer is gone.
   */
  signals[BACK] =
    g_signal_new ("back",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, log_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, tier_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, industry_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, claim_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, field_errors);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, tags_group);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, tags_box);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, contacts_group);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, deals_group);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, deals_list);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, contracts_group);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, contracts_list);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, SalesCustomerPage, all_deals_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "customer.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "customer.log-followup", NULL,
                                   log_followup_action);
  gtk_widget_class_install_action (widget_class, "customer.claim", NULL, claim_action);
  gtk_widget_class_install_action (widget_class, "customer.call", NULL, call_action);
  gtk_widget_class_install_action (widget_class, "customer.mail", NULL, mail_action);
  sales_customer_page_class_add_section_actions (widget_class);
  sales_customer_page_class_add_tag_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save", NULL);
}

static void
sales_customer_page_init (SalesCustomerPage *self)
{
  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->source_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_customer_page_new (SalesStore    *store,
                         SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_CUSTOMER_PAGE,
                       "store", store,
                       "settings", settings,
                       NULL);
}

/**
 * sales_customer_page_show_customer:
 *
 * Shows the customer @customer_id in place of what the page showed; unsaved edits are
 * dropped. A customer that does not exist shows an error and leaves the page as it was.
 */
void
sales_customer_page_show_customer (SalesCustomerPage *self,
                                   gint64             customer_id)
{
  g_autoptr(SalesCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  customer = sales_store_get_customer (self->store, customer_id, &error);
  if (customer == NULL)
    {
      sales_customer_page_show_error (self, error);
      return;
    }

  set_customer (self, customer);
}

/* An empty form for a new customer, owned by the current rep. */
void
sales_customer_page_show_new (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  set_customer (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * sales_customer_page_get_customer:
 *
 * Returns: (transfer none) (nullable): the customer shown; %NULL for a new one
 */
SalesCustomer *
sales_customer_page_get_customer (SalesCustomerPage *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_PAGE (self), NULL);

  return self->customer;
}

gboolean
sales_customer_page_get_modified (SalesCustomerPage *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER_PAGE (self), FALSE);

  return self->modified;
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
