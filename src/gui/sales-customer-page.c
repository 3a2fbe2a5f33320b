/* sales-customer-page.c: everything about one customer, on one page
 *
 * The window slides this page in over its views (win.show-customer) and out again
 * with Back. A new customer (win.new-customer) is the same page with only its fields,
 * until it is saved. The fields, their checks and Save are in sales-customer-form.c.
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
#include "sales-read-only.h"
#include "sales-followup-dialog.h"
#include "sales-pool.h"
#include "sales-toast.h"
#include "sales-undo-toast.h"

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

/* Toasts */

void
sales_customer_page_show_error (SalesCustomerPage *self,
                                const GError      *error)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  sales_toast_show_error (GTK_WIDGET (self), error);
}

/* After a change the store can undo: a toast names it, with Undo. */
void
sales_customer_page_show_undo_toast (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  sales_undo_toast_show (GTK_WIDGET (self), self->store, UNDO_TIMEOUT_S, &self->toast);
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

void
sales_customer_page_set_modified (SalesCustomerPage *self,
                                  gboolean           modified)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->modified == !!modified)
    return;

  self->modified = !!modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
sales_customer_page_update_title (SalesCustomerPage *self)
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

/* Another view changed the customer: the form follows unless the user is editing it. */
static void
on_customer_notify (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  sales_customer_page_update_title (self);
  if (!self->modified)
    sales_customer_page_fill_form (self);
  else
    sales_customer_page_update_buttons (self);
}

static void
on_customer_deleted (SalesCustomerPage *self,
                     SalesRecordKind    kind,
                     gint64             id,
                     SalesChange        change)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (change != SALES_CHANGE_DELETED)
    return;

  g_hash_table_remove (self->drafts, &id);

  /* Deleted or merged into another: there is nothing left to show. */
  if (self->customer != NULL && id == sales_record_get_id (SALES_RECORD (self->customer)))
    g_signal_emit (self, signals[BACK], 0);
}

/* Another file, or the same one restored: the drafts were of customers it may not have. */
static void
on_store_reset (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  g_hash_table_remove_all (self->drafts);
}

void
sales_customer_page_set_customer (SalesCustomerPage *self,
                                  SalesCustomer     *customer)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (self->customer != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->customer, on_customer_notify, self);
      sales_customer_page_stash_draft (self);
    }

  /* Another customer's sections are replaced in place (sales-customer-sections.c); a new
   * customer has none. */
  if (customer == NULL)
    sales_customer_page_clear_sections (self);
  g_set_object (&self->customer, customer);

  if (customer != NULL)
    g_signal_connect_object (customer, "notify", G_CALLBACK (on_customer_notify), self,
                             G_CONNECT_SWAPPED);

  sales_customer_page_fill_form (self);
  sales_customer_page_restore_draft (self);

  gtk_widget_set_visible (self->tags_group, customer != NULL);
  gtk_widget_set_visible (self->contacts_group, customer != NULL);
  sales_customer_page_load_tags (self);
  if (customer != NULL)
    sales_customer_page_load_sections (self);
  else
    {
      gtk_widget_set_visible (self->deals_group, FALSE);
      gtk_widget_set_visible (self->contracts_group, FALSE);
      gtk_widget_set_visible (self->timeline_group, FALSE);
    }

  /* Each customer opens at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (self->scroller)), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
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

/* GObject */

/* What changes data: off for a file opened read-only. */
static const char * const edit_actions[] = {
  "customer.add-contact",
  "customer.delete-contract",
  "customer.edit-contact",
  "customer.make-primary",
  "customer.new-contract",
  "customer.record-payment",
  "customer.remove-contact",
  "customer.remove-tag",
  NULL,
};

static void
sales_customer_page_constructed (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  G_OBJECT_CLASS (sales_customer_page_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  g_signal_connect_object (self->store, "changed::customer", G_CALLBACK (on_customer_deleted),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset), self,
                           G_CONNECT_SWAPPED);
  sales_customer_page_init_form (self);
  sales_customer_page_init_tags (self);

  sales_read_only_disable_actions (GTK_WIDGET (self), self->store, edit_actions);
}

static void
sales_customer_page_dispose (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  sales_undo_toast_forget (GTK_WIDGET (self), &self->toast);
  sales_customer_page_clear_sections (self);
  g_clear_object (&self->customer);

  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_CUSTOMER_PAGE);

  G_OBJECT_CLASS (sales_customer_page_parent_class)->dispose (object);
}

static void
sales_customer_page_finalize (GObject *object)
{
  SalesCustomerPage *self = (SalesCustomerPage *)object;

  g_clear_pointer (&self->drafts, g_hash_table_unref);
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

  gtk_widget_class_install_action (widget_class, "customer.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customer.log-followup", NULL,
                                   log_followup_action);
  gtk_widget_class_install_action (widget_class, "customer.claim", NULL, claim_action);
  sales_customer_page_class_add_form_actions (widget_class);
  sales_customer_page_class_add_section_actions (widget_class);
  sales_customer_page_class_add_contract_actions (widget_class);
  sales_customer_page_class_add_tag_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "customer.save", NULL);
}

static void
sales_customer_page_init (SalesCustomerPage *self)
{
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
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
 * Shows the customer @customer_id in place of what the page showed. Edits not saved of the
 * customer shown before are kept aside and are back when it is shown again. A customer that
 * does not exist shows an error and leaves the page as it was.
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

  sales_customer_page_set_customer (self, customer);
}

/* An empty form for a new customer, owned by the current rep. */
void
sales_customer_page_show_new (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  sales_customer_page_set_customer (self, NULL);
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
