/* sales-customer-sections.c: the contacts, deals, contracts and timeline of the customer page
 *
 * Each section is a boxed list bound to a model of core: the customer's contacts and
 * deals (kept up to date by the store), its contracts (sales-customer-contracts.c) and
 * its timeline (the first page of it; older rows on demand, so that a customer with
 * years of history opens as fast as a new one). Rows follow their objects' properties,
 * so an edit elsewhere (a deal moved on the board) shows here at once.
 *
 * Contacts are changed here directly, one store action each: add and edit through a
 * small form, make primary with the star, remove with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customer-page-private.h"
#include "sales-deal-editor.h"
#include "sales-money.h"
#include "sales-record-list.h"

/* How many timeline rows the page reads at first, and each time Show Older is pressed:
 * a screenful and some. */
#define TIMELINE_PAGE 20

/* Deals shown before Show All Deals: a long-standing customer may have hundreds. */
#define FIRST_DEALS 10

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  return label;
}

/* The tooltip is set while the button is hidden: set on a visible widget, GTK 4.8 asks the
 * X server where the pointer is, a round trip for each button of each row. */
static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_visible (button, TRUE);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  return button;
}

/* Contacts */

static void
update_contact_row (GtkWidget    *row,
                    GParamSpec   *pspec,
                    SalesContact *contact)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *subtitle = NULL;
  GtkWidget *star = g_object_get_data (G_OBJECT (row), "star");
  GtkWidget *call = g_object_get_data (G_OBJECT (row), "call");
  GtkWidget *mail = g_object_get_data (G_OBJECT (row), "mail");
  gboolean primary = sales_contact_get_is_primary (contact);

  if (!sales_text_is_blank (sales_contact_get_title (contact)))
    g_ptr_array_add (parts, g_markup_escape_text (sales_contact_get_title (contact), -1));
  if (!sales_text_is_blank (sales_contact_get_phone (contact)))
    g_ptr_array_add (parts, g_markup_escape_text (sales_contact_get_phone (contact), -1));
  if (!sales_text_is_blank (sales_contact_get_email (contact)))
    g_ptr_array_add (parts, g_markup_escape_text (sales_contact_get_email (contact), -1));
  if (!sales_text_is_blank (sales_contact_get_wechat (contact)))
    /* Translators: a contact's WeChat ID on the customer page */
    g_ptr_array_add (parts, g_markup_printf_escaped (_("WeChat %s"),
                                                     sales_contact_get_wechat (contact)));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sales_contact_get_name (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_button_set_icon_name (GTK_BUTTON (star), primary ? "starred-symbolic"
                                                       : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (star, primary ? _("Primary Contact") : _("Make Primary"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (star), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  primary ? _("Primary Contact") : _("Make Primary"), -1);
  gtk_widget_set_visible (call, !sales_text_is_blank (sales_contact_get_phone (contact)));
  gtk_widget_set_visible (mail, !sales_text_is_blank (sales_contact_get_email (contact)));
}

static GtkWidget *
contact_button (GtkWidget    *row,
                const char   *icon_name,
                const char   *tooltip,
                const char   *action,
                SalesContact *contact)
{
  GtkWidget *button = icon_button (icon_name, tooltip);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_int64 (sales_record_get_id (
                                                                 SALES_RECORD (contact))));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return button;
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  SalesContact *contact = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *star = icon_button ("non-starred-symbolic", NULL);
  gint64 id = sales_record_get_id (SALES_RECORD (contact));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (star), "customer.make-primary");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (star), g_variant_new_int64 (id));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), star);
  g_object_set_data (G_OBJECT (row), "star", star);
  g_object_set_data (G_OBJECT (row), "call",
                     contact_button (row, "call-start-symbolic", _("Call"),
                                     "customer.call-contact", contact));
  g_object_set_data (G_OBJECT (row), "mail",
                     contact_button (row, "mail-send-symbolic", _("Write an Email"),
                                     "customer.mail-contact", contact));
  contact_button (row, "document-edit-symbolic", _("Edit Contact"), "customer.edit-contact",
                  contact);
  contact_button (row, "user-trash-symbolic", _("Remove Contact"), "customer.remove-contact",
                  contact);

  /* Hidden while its tooltip is set, as in icon_button(). */
  gtk_widget_set_visible (star, FALSE);
  update_contact_row (row, NULL, contact);
  gtk_widget_set_visible (star, TRUE);
  g_signal_connect_object (contact, "notify", G_CALLBACK (update_contact_row), row,
                           G_CONNECT_SWAPPED);
  return row;
}

/* Deals */

static void
update_deal_row (GtkWidget  *row,
                 GParamSpec *pspec,
                 SalesDeal  *deal)
{
  SalesStore *store = g_object_get_data (G_OBJECT (row), "store");
  g_autoptr(SalesStage) stage = sales_store_get_stage (store, sales_deal_get_stage_id (deal), NULL);
  g_autofree char *amount = sales_money_format (sales_deal_get_amount_cents (deal),
                                                sales_deal_get_currency (deal));
  g_autofree char *subtitle = NULL;

  /* Translators: under a deal's title on the customer page: its stage and amount */
  subtitle = g_markup_printf_escaped (C_("deal row", "%s · %s"),
                                      stage != NULL ? sales_stage_get_name (stage) : "",
                                      amount);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sales_deal_get_title (deal));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (stage != NULL && sales_stage_is_closed (stage))
    gtk_widget_add_css_class (row, "dim-label");
  else
    gtk_widget_remove_css_class (row, "dim-label");
}

static GtkWidget *
create_deal_row (gpointer item,
                 gpointer user_data)
{
  SalesCustomerPage *self = user_data;
  SalesDeal *deal = item;
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data (G_OBJECT (row), "store", self->store);
  g_object_set_data_full (G_OBJECT (row), "deal", g_object_ref (deal), g_object_unref);

  update_deal_row (row, NULL, deal);
  g_signal_connect_object (deal, "notify", G_CALLBACK (update_deal_row), row,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
on_deal_activated (SalesCustomerPage *self,
                   GtkListBoxRow     *row)
{
  SalesDeal *deal = g_object_get_data (G_OBJECT (row), "deal");

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  if (deal != NULL)
    gtk_window_present (GTK_WINDOW (sales_deal_editor_new (sales_customer_page_get_window (self),
                                                           self->store, self->settings, deal)));
}

/* The timeline */

static const char *
timeline_icon (SalesTimelineItem *item)
{
  static const char * const activity_icons[] = {
    "call-start-symbolic",
    "mark-location-symbolic",
    "system-users-symbolic",
    "mail-unread-symbolic",
    "chat-bubbles-text-symbolic",
    "accessories-text-editor-symbolic",
    "emblem-system-symbolic",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (activity_icons) == SALES_ACTIVITY_KIND_SERVICE + 1);

  switch (sales_timeline_item_get_kind (item))
    {
    case SALES_TIMELINE_FOLLOWUP_PLANNED:
      return "alarm-symbolic";
    case SALES_TIMELINE_STAGE_CHANGE:
      return "view-dual-symbolic";
    case SALES_TIMELINE_OWNER_EVENT:
      return "avatar-default-symbolic";
    case SALES_TIMELINE_FOLLOWUP_DONE:
    default:
      return activity_icons[sales_timeline_item_get_activity_kind (item)];
    }
}

static GtkWidget *
create_timeline_row (gpointer item,
                     gpointer user_data)
{
  SalesTimelineItem *line = item;
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (sales_timeline_item_get_at (line));
  g_autofree char *when = g_date_time_format (local, "%Y-%m-%d %H:%M");
  g_autofree char *subtitle = NULL;
  const char *detail = sales_timeline_item_get_detail (line);
  GtkWidget *row = adw_action_row_new ();

  if (sales_text_is_blank (detail))
    subtitle = g_markup_escape_text (when, -1);
  else
    /* Translators: under a line of the timeline: when, and the note that goes with it */
    subtitle = g_markup_printf_escaped (C_("timeline", "%s · %s"), when, detail);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sales_timeline_item_get_title (line));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (timeline_icon (line)));
  if (sales_timeline_item_get_kind (line) == SALES_TIMELINE_FOLLOWUP_PLANNED)
    gtk_widget_add_css_class (row, "planned");
  return row;
}

static void
on_has_more (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  gtk_widget_set_visible (self->more_button, self->timeline != NULL &&
                          sales_timeline_get_has_more (self->timeline));
}

/* Loading */

static void
update_all_deals (SalesCustomerPage *self)
{
  guint n;
  g_autofree char *label = NULL;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  n = self->deals != NULL ? g_list_model_get_n_items (self->deals) : 0;
  gtk_widget_set_visible (self->all_deals_button, self->deal_slice != NULL &&
                          n > gtk_slice_list_model_get_size (self->deal_slice));
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show _All %u Deal",
                                        "Show _All %u Deals", n), n);
  gtk_button_set_label (GTK_BUTTON (self->all_deals_button), label);
}

static void
cancel_load (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  g_clear_handle_id (&self->load_source, g_source_remove);
  /* A window that goes away takes its frame clock's handlers with it. */
  if (self->frame_clock != NULL &&
      g_signal_handler_is_connected (self->frame_clock, self->after_paint_id))
    g_signal_handler_disconnect (self->frame_clock, self->after_paint_id);
  self->after_paint_id = 0;
  g_clear_object (&self->frame_clock);
}

/* Drops the deals, contracts and timeline of the customer shown before. */
static void
clear_lower_sections (SalesCustomerPage *self)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  sales_customer_page_clear_contracts (self);

  /* Unbinding first drops the rows, which hold on to the objects. */
  if (self->deals_list != NULL)
    {
      gtk_list_box_bind_model (self->deals_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->timeline_list, NULL, NULL, NULL, NULL);
    }

  if (self->timeline != NULL)
    g_signal_handlers_disconnect_by_data (self->timeline, self);
  g_clear_object (&self->timeline);
  if (self->deals != NULL)
    g_signal_handlers_disconnect_by_data (self->deals, self);
  g_clear_object (&self->deal_slice);
  g_clear_object (&self->deals);
}

void
sales_customer_page_clear_sections (SalesCustomerPage *self)
{
  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));

  cancel_load (self);
  clear_lower_sections (self);

  if (self->contacts_list != NULL)
    gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->contacts);
}

/* Deals, contracts and the timeline: below the fold, filled once the page is painted. Until
 * then their groups are hidden, still holding the rows of the customer shown before, so that
 * neither taking those rows down nor making the new ones holds back the first frame. */
static void
load_lower_sections (SalesCustomerPage *self)
{
  gint64 id;

  g_assert (SALES_IS_CUSTOMER_PAGE (self));
  g_assert (self->customer != NULL);

  clear_lower_sections (self);
  id = sales_record_get_id (SALES_RECORD (self->customer));

  /* Open deals first, then the closed ones, each newest first. */
  self->deals = G_LIST_MODEL (sales_record_list_new_filtered (self->store, SALES_RECORD_DEAL,
                                                              "customer_id", id,
                                                              "closed_at IS NOT NULL, "
                                                              "created_at DESC, id DESC"));
  self->deal_slice = gtk_slice_list_model_new (g_object_ref (self->deals), 0, FIRST_DEALS);
  g_signal_connect_object (self->deals, "items-changed", G_CALLBACK (update_all_deals), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->deals_list, G_LIST_MODEL (self->deal_slice), create_deal_row,
                           self, NULL);
  gtk_list_box_set_placeholder (self->deals_list, placeholder (_("No deals yet")));
  update_all_deals (self);

  sales_customer_page_load_contracts (self);

  self->timeline = sales_timeline_new (self->store, id, TIMELINE_PAGE);
  g_signal_connect_object (self->timeline, "notify::has-more", G_CALLBACK (on_has_more), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->timeline_list, G_LIST_MODEL (self->timeline),
                           create_timeline_row, self, NULL);
  gtk_list_box_set_placeholder (self->timeline_list,
                                placeholder (_("Nothing has happened with this customer yet")));
  on_has_more (self);

  gtk_widget_set_visible (self->deals_group, TRUE);
  gtk_widget_set_visible (self->contracts_group, TRUE);
  gtk_widget_set_visible (self->timeline_group, TRUE);
}

static gboolean
load_lower_sections_cb (gpointer user_data)
{
  SalesCustomerPage *self = user_data;

  self->load_source = 0;
  load_lower_sections (self);
  return G_SOURCE_REMOVE;
}

static void
on_after_paint (SalesCustomerPage *self,
                GdkFrameClock     *frame_clock)
{
  g_assert (SALES_IS_CUSTOMER_PAGE (self));

  g_clear_signal_handler (&self->after_paint_id, frame_clock);
  g_clear_object (&self->frame_clock);
  self->load_source = g_idle_add (load_lower_sections_cb, self);
}

void
sales_customer_page_load_sections (SalesCustomerPage *self)
{
  GtkRoot *root;
  gint64 id;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->customer != NULL);

  id = sales_record_get_id (SALES_RECORD (self->customer));

  cancel_load (self);
  gtk_widget_set_visible (self->deals_group, FALSE);
  gtk_widget_set_visible (self->contracts_group, FALSE);
  gtk_widget_set_visible (self->timeline_group, FALSE);

  /* Unbinding first drops the rows, which hold on to the objects. */
  gtk_list_box_bind_model (self->contacts_list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->contacts);
  self->contacts = G_LIST_MODEL (sales_record_list_new_filtered (self->store,
                                                                 SALES_RECORD_CONTACT,
                                                                 "customer_id", id,
                                                                 "is_primary DESC, name, id"));
  gtk_list_box_bind_model (self->contacts_list, self->contacts, create_contact_row, self, NULL);
  gtk_list_box_set_placeholder (self->contacts_list, placeholder (_("No contacts yet")));

  /* The first frame shows the fields and the contacts; a busy customer's deals and
   * history come in the frames after it instead of holding it back. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root == NULL || !gtk_widget_get_realized (GTK_WIDGET (root)))
    {
      load_lower_sections (self);
      return;
    }

  self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (root)));
  self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                   G_CALLBACK (on_after_paint), self);
  gdk_frame_clock_request_phase (self->frame_clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

/* Editing contacts */

static SalesContact *
lookup_contact (SalesCustomerPage *self,
                GVariant          *param)
{
  g_autoptr(GError) error = NULL;
  SalesContact *contact = sales_store_get_contact (self->store, g_variant_get_int64 (param),
                                                   &error);

  if (contact == NULL)
    sales_customer_page_show_error (self, error);
  return contact;
}

typedef struct
{
  SalesCustomerPage *page;
  SalesContact      *contact;  /* NULL for a new one */
  AdwEntryRow       *rows[5];
  GtkLabel          *error;
} ContactForm;

enum { FORM_NAME, FORM_TITLE, FORM_PHONE, FORM_EMAIL, FORM_WECHAT };

static void
contact_form_free (gpointer data)
{
  ContactForm *form = data;

  g_clear_object (&form->contact);
  g_object_unref (form->page);
  g_free (form);
}

static SalesContact *
contact_form_draft (ContactForm *form)
{
  SalesContact *draft = form->contact != NULL ? sales_contact_dup (form->contact)
                                              : sales_contact_new ();
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                  GTK_EDITABLE (form->rows[FORM_NAME]))));
  g_autofree char *email = g_strstrip (g_strdup (gtk_editable_get_text (
                                                   GTK_EDITABLE (form->rows[FORM_EMAIL]))));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (form->rows[FORM_TITLE]));
  const char *phone = gtk_editable_get_text (GTK_EDITABLE (form->rows[FORM_PHONE]));
  const char *wechat = gtk_editable_get_text (GTK_EDITABLE (form->rows[FORM_WECHAT]));

  sales_contact_set_customer_id (draft, sales_record_get_id (SALES_RECORD (form->page->customer)));
  sales_contact_set_name (draft, name);
  sales_contact_set_title (draft, sales_text_is_blank (title) ? NULL : title);
  sales_contact_set_phone (draft, sales_text_is_blank (phone) ? NULL : phone);
  sales_contact_set_email (draft, *email != '\0' ? email : NULL);
  sales_contact_set_wechat (draft, sales_text_is_blank (wechat) ? NULL : wechat);
  return draft;
}

static void
contact_form_validate (AdwMessageDialog *dialog)
{
  ContactForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(SalesContact) draft = contact_form_draft (form);
  g_autoptr(GError) error = NULL;
  gboolean valid = sales_record_validate (SALES_RECORD (draft), &error);

  gtk_label_set_label (form->error, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (form->error), !valid);
  adw_message_dialog_set_response_enabled (dialog, "save", valid);
}

static void
on_contact_response (AdwMessageDialog *dialog,
                     const char       *response)
{
  ContactForm *form = g_object_get_data (G_OBJECT (dialog), "form");
  g_autoptr(SalesContact) draft = NULL;
  g_autoptr(SalesContact) created = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;

  draft = contact_form_draft (form);
  if (form->contact != NULL)
    sales_store_update (form->page->store, SALES_RECORD (draft), &error);
  else
    created = sales_store_create (form->page->store, SALES_RECORD (draft), &error);

  if (error != NULL)
    sales_customer_page_show_error (form->page, error);
}

/**
 * sales_customer_page_edit_contact:
 * @contact: (nullable): the contact to edit; %NULL adds one
 *
 * Presents the small form that adds or edits a contact of the customer.
 */
void
sales_customer_page_edit_contact (SalesCustomerPage *self,
                                  SalesContact      *contact)
{
  static const char * const titles[] = {
    NC_("contact", "Name"),
    NC_("contact", "Title"),
    NC_("contact", "Phone"),
    NC_("contact", "Email"),
    NC_("contact", "WeChat"),
  };
  ContactForm *form;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *list;

  g_return_if_fail (SALES_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->customer != NULL);

  dialog = adw_message_dialog_new (sales_customer_page_get_window (self),
                                   contact != NULL ? _("Edit Contact") : _("Add Contact"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  form = g_new0 (ContactForm, 1);
  form->page = g_object_ref (self);
  form->contact = contact != NULL ? g_object_ref (contact) : NULL;
  g_object_set_data_full (G_OBJECT (dialog), "form", form, contact_form_free);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      form->rows[i] = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (form->rows[i]),
                                     g_dpgettext2 (GETTEXT_PACKAGE, "contact", titles[i]));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (form->rows[i]));
    }
  form->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (form->error, TRUE);
  gtk_label_set_xalign (form->error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (form->error), "error");
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (form->error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  if (contact != NULL)
    {
      const char *values[] = {
        sales_contact_get_name (contact), sales_contact_get_title (contact),
        sales_contact_get_phone (contact), sales_contact_get_email (contact),
        sales_contact_get_wechat (contact),
      };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        gtk_editable_set_text (GTK_EDITABLE (form->rows[i]), values[i] != NULL ? values[i] : "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (form->rows); i++)
    g_signal_connect_swapped (form->rows[i], "changed", G_CALLBACK (contact_form_validate),
                              dialog);
  contact_form_validate (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (on_contact_response), NULL);

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  sales_customer_page_edit_contact (SALES_CUSTOMER_PAGE (widget), NULL);
}

static void
edit_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(SalesContact) contact = lookup_contact (self, param);

  if (contact != NULL)
    sales_customer_page_edit_contact (self, contact);
}

static void
remove_contact_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(SalesContact) contact = lookup_contact (self, param);
  g_autoptr(GError) error = NULL;

  if (contact == NULL)
    return;

  if (!sales_store_delete (self->store, SALES_RECORD (contact), &error))
    sales_customer_page_show_error (self, error);
  else
    sales_customer_page_show_undo_toast (self);
}

static void
make_primary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(SalesContact) contact = lookup_contact (self, param);
  g_autoptr(SalesContact) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (contact == NULL || sales_contact_get_is_primary (contact))
    return;

  /* The store takes the star from the customer's other contacts. */
  draft = sales_contact_dup (contact);
  sales_contact_set_is_primary (draft, TRUE);
  if (!sales_store_update (self->store, SALES_RECORD (draft), &error))
    sales_customer_page_show_error (self, error);
}

static void
call_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(SalesContact) contact = lookup_contact (self, param);

  if (contact != NULL)
    sales_customer_page_open_uri (self, "tel", sales_contact_get_phone (contact));
}

static void
mail_contact_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);
  g_autoptr(SalesContact) contact = lookup_contact (self, param);

  if (contact != NULL)
    sales_customer_page_open_uri (self, "mailto", sales_contact_get_email (contact));
}

static void
show_all_deals_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  if (self->deal_slice != NULL)
    gtk_slice_list_model_set_size (self->deal_slice, G_MAXUINT);
  update_all_deals (self);
}

static void
show_older_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesCustomerPage *self = SALES_CUSTOMER_PAGE (widget);

  if (self->timeline != NULL)
    sales_timeline_load_more (self->timeline);
}

void
sales_customer_page_class_add_section_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_deal_activated);

  gtk_widget_class_install_action (widget_class, "customer.add-contact", NULL,
                                   add_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.edit-contact", "x",
                                   edit_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.remove-contact", "x",
                                   remove_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.make-primary", "x",
                                   make_primary_action);
  gtk_widget_class_install_action (widget_class, "customer.call-contact", "x",
                                   call_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.mail-contact", "x",
                                   mail_contact_action);
  gtk_widget_class_install_action (widget_class, "customer.show-older", NULL,
                                   show_older_action);
  gtk_widget_class_install_action (widget_class, "customer.show-all-deals", NULL,
                                   show_all_deals_action);
}
