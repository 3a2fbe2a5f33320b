/* sales-customer-page-private.h: what the files of SalesCustomerPage share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-customer-page.h"
#include "sales-timeline.h"

G_BEGIN_DECLS

struct _SalesCustomerPage
{
  AdwBin           parent_instance;

  SalesStore      *store;
  SalesSettings   *settings;
  /* NULL while a new customer is being written. */
  SalesCustomer   *customer;
  GListModel      *contacts;
  GListModel      *deals;
  /* The first deals, and all of them after Show All Deals. */
  GtkSliceListModel *deal_slice;
  SalesTimeline   *timeline;
  /* The ids behind the owner and source drop-downs: owner 0 is the public pool. */
  GArray          *owner_ids;
  GPtrArray       *source_codes;
  AdwToast        *toast;
  /* gint64 id → SalesCustomer: the edits not saved of the customers shown before. */
  GHashTable      *drafts;

  AdwWindowTitle  *window_title;
  GtkWidget       *cancel_button;
  GtkWidget       *save_button;
  GtkWidget       *log_button;
  GtkWidget       *scroller;
  AdwEntryRow     *name_row;
  AdwComboRow     *tier_row;
  AdwEntryRow     *industry_row;
  AdwComboRow     *source_row;
  AdwComboRow     *owner_row;
  GtkWidget       *claim_button;
  AdwEntryRow     *phone_row;
  AdwEntryRow     *email_row;
  AdwEntryRow     *address_row;
  GtkLabel        *field_errors;
  GtkTextView     *notes_view;
  GtkWidget       *tags_group;
  GtkFlowBox      *tags_box;
  GtkEntry        *tag_entry;
  /* Every tag's name, for the entry's completion; NULL until the entry is first focused. */
  GtkListStore    *tag_names;
  GtkWidget       *contacts_group;
  GtkListBox      *contacts_list;
  GtkWidget       *deals_group;
  GtkListBox      *deals_list;
  GtkWidget       *contracts_group;
  GtkListBox      *contracts_list;
  /* Reads the contracts again once an action's changes are all in. */
  guint            contracts_reload;
  GtkWidget       *timeline_group;
  GtkListBox      *timeline_list;
  GtkWidget       *more_button;
  GtkWidget       *all_deals_button;

  /* The sections below the fold are filled after the page's first frame. */
  GdkFrameClock   *frame_clock;
  gulong           after_paint_id;
  guint            load_source;

  guint            loading : 1;
  guint            modified : 1;
  /* The completion's tag names are read again when the tag entry is next focused. */
  guint            tag_names_stale : 1;
};

/* sales-customer-page.c */
void       sales_customer_page_show_undo_toast (SalesCustomerPage *self);
void       sales_customer_page_show_error      (SalesCustomerPage *self,
                                                const GError      *error);
GtkWindow *sales_customer_page_get_window      (SalesCustomerPage *self);
void       sales_customer_page_open_uri        (SalesCustomerPage *self,
                                                const char        *scheme,
                                                const char        *address);

void       sales_customer_page_set_customer    (SalesCustomerPage *self,
                                                SalesCustomer     *customer);
void       sales_customer_page_set_modified    (SalesCustomerPage *self,
                                                gboolean           modified);
void       sales_customer_page_update_title    (SalesCustomerPage *self);

/* sales-customer-form.c: the customer's own fields */
void       sales_customer_page_init_form       (SalesCustomerPage *self);
void       sales_customer_page_fill_form       (SalesCustomerPage *self);
void       sales_customer_page_update_buttons  (SalesCustomerPage *self);
void       sales_customer_page_stash_draft     (SalesCustomerPage *self);
void       sales_customer_page_restore_draft   (SalesCustomerPage *self);
void       sales_customer_page_class_add_form_actions (GtkWidgetClass *widget_class);

/* sales-customer-sections.c: contacts, deals, contracts and the timeline */
void       sales_customer_page_load_sections   (SalesCustomerPage *self);
void       sales_customer_page_clear_sections  (SalesCustomerPage *self);
void       sales_customer_page_edit_contact    (SalesCustomerPage *self,
                                                SalesContact      *contact);
void       sales_customer_page_class_add_section_actions (GtkWidgetClass *widget_class);

/* sales-customer-contracts.c */
void       sales_customer_page_load_contracts  (SalesCustomerPage *self);
void       sales_customer_page_clear_contracts (SalesCustomerPage *self);
void       sales_customer_page_class_add_contract_actions (GtkWidgetClass *widget_class);

/* sales-customer-tags.c */
void       sales_customer_page_init_tags       (SalesCustomerPage *self);
void       sales_customer_page_load_tags       (SalesCustomerPage *self);
void       sales_customer_page_class_add_tag_actions (GtkWidgetClass *widget_class);

G_END_DECLS
