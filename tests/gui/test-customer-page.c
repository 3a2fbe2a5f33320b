/* test-customer-page.c: the customer page in the window, and logging a follow-up
 *
 * The fixture, with the store's clock at T0 = 2023-11-15 06:13:20 in Shanghai:
 *   rep 1 Zhang Wei; customer 1 华为 (tier A, owner 1, referral), customer 2 Globex (pool)
 *   contacts of 华为: Li Lei (primary, phone), Wang Tao
 *   deals of 华为: 1 ERP (Lead, created T0 - 10 d), 2 Cloud (created T0 - 9 d, won T0 - 5 d)
 *   follow-ups: a call about ERP done T0 - 2 d, a visit about ERP planned T0 + 3 d
 *   owner event: assigned to Zhang Wei at T0 - 10 d + 1 min
 *   contract HT-2023-000001 of Cloud: ¥5,000 signed 2023-11-10, ¥2,000 paid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-customer-page.h"
#include "sales-followup-dialog.h"
#include "sales-window.h"

#define T0   G_GINT64_CONSTANT (1700000000)
#define DAY  86400

static gint64 clock_now;

static gint64
fixed_clock (gpointer user_data)
{
  return clock_now;
}

static void
exec_sql (SalesDb    *db,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sales_db_exec (db, sql, &error));
  g_assert_no_error (error);
}

static char *
query_text (SalesDb    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text;

  g_assert_cmpint (sqlite3_prepare_v2 (sales_db_get_handle (db), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static gpointer
create (SalesStore  *store,
        gpointer     draft)
{
  g_autoptr(GError) error = NULL;
  gpointer record = sales_store_create (store, draft, &error);

  g_assert_no_error (error);
  g_object_unref (draft);
  return record;
}

static void
fill (GuiFixture *fixture)
{
  SalesStore *store = fixture->store;
  g_autoptr(SalesRep) rep = sales_rep_new ();
  g_autoptr(SalesCustomer) huawei = sales_customer_new ();
  g_autoptr(SalesCustomer) globex = sales_customer_new ();
  g_autoptr(SalesContact) li = sales_contact_new ();
  g_autoptr(SalesContact) wang = sales_contact_new ();
  g_autoptr(SalesDeal) erp = sales_deal_new ();
  g_autoptr(SalesDeal) cloud = sales_deal_new ();
  g_autoptr(SalesActivity) call = sales_activity_new ();
  g_autoptr(SalesActivity) visit = sales_activity_new ();
  g_autoptr(GError) error = NULL;

  sales_store_set_clock (store, fixed_clock, NULL, NULL);
  clock_now = T0 - 10 * DAY;

  sales_rep_set_name (rep, "Zhang Wei");
  g_object_unref (create (store, g_object_ref (rep)));

  sales_customer_set_name (huawei, "华为");
  sales_customer_set_tier (huawei, SALES_TIER_A);
  sales_customer_set_owner_id (huawei, 1);
  sales_customer_set_source (huawei, "referral");
  sales_customer_set_phone (huawei, "0755 2878 0808");
  sales_customer_set_email (huawei, "sales@huawei.example");
  g_object_unref (create (store, g_object_ref (huawei)));
  sales_customer_set_name (globex, "Globex");
  g_object_unref (create (store, g_object_ref (globex)));

  sales_contact_set_customer_id (li, 1);
  sales_contact_set_name (li, "Li Lei");
  sales_contact_set_phone (li, "138 0013 8000");
  sales_contact_set_is_primary (li, TRUE);
  g_object_unref (create (store, g_object_ref (li)));
  sales_contact_set_customer_id (wang, 1);
  sales_contact_set_name (wang, "Wang Tao");
  g_object_unref (create (store, g_object_ref (wang)));

  sales_deal_set_customer_id (erp, 1);
  sales_deal_set_stage_id (erp, 1);
  sales_deal_set_title (erp, "ERP");
  sales_deal_set_amount_cents (erp, 12000000);
  g_object_unref (create (store, g_object_ref (erp)));

  clock_now = T0 - 9 * DAY;
  sales_deal_set_customer_id (cloud, 1);
  sales_deal_set_stage_id (cloud, 1);
  sales_deal_set_title (cloud, "Cloud");
  sales_deal_set_amount_cents (cloud, 500000);
  {
    g_autoptr(SalesDeal) stored = create (store, g_object_ref (cloud));

    clock_now = T0 - 5 * DAY;
    g_assert_true (sales_store_mark_won (store, stored, -1, &error));
    g_assert_no_error (error);
  }

  clock_now = T0;
  sales_activity_set_customer_id (call, 1);
  sales_activity_set_deal_id (call, 1);
  sales_activity_set_kind (call, SALES_ACTIVITY_KIND_CALL);
  sales_activity_set_note (call, "Sent the quote");
  sales_activity_set_done_at (call, T0 - 2 * DAY);
  sales_activity_set_kind (visit, SALES_ACTIVITY_KIND_VISIT);
  sales_activity_set_due_at (visit, T0 + 3 * DAY);
  g_assert_true (sales_store_log_followup (store, call, visit, NULL, NULL, &error));
  g_assert_no_error (error);

  exec_sql (fixture->db,
            "INSERT INTO customer_event (customer_id, kind, to_owner_id, at) "
            "VALUES (1, 'assigned', 1, 1700000000 - 10 * 86400 + 60);"
            "INSERT INTO contract (customer_id, deal_id, number, amount_cents, signed_on) "
            "VALUES (1, 2, 'HT-2023-000001', 500000, '2023-11-10');"
            "INSERT INTO payment (contract_id, received_on, amount_cents) "
            "VALUES (1, '2023-11-12', 200000)");
}

static gpointer
page_child (SalesCustomerPage *page,
            const char        *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), SALES_TYPE_CUSTOMER_PAGE,
                                                  name);

  g_assert_nonnull (child);
  return child;
}

/* The titles of the rows of a section, joined with " | ". */
static char *
row_titles (SalesCustomerPage *page,
            const char        *list_name)
{
  GtkWidget *list = page_child (page, list_name);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_PREFERENCES_ROW (row))
        continue;
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? " | " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
first_subtitle (SalesCustomerPage *page,
                const char        *list_name)
{
  GtkWidget *list = page_child (page, list_name);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_ACTION_ROW (row))
        return g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
      if (ADW_IS_EXPANDER_ROW (row))
        return g_strdup (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)));
    }

  return NULL;
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SalesCustomerPage *
open_customer (SalesWindow *window,
               gint64       id)
{
  GtkWidget *page;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x", id);
  page = sales_window_get_customer_page (window);
  g_assert_nonnull (page);
  gui_test_wait_for_frame (page);
  settle ();
  return SALES_CUSTOMER_PAGE (page);
}

static SalesWindow *
new_window (GuiFixture *fixture)
{
  SalesWindow *window = sales_window_new (NULL, fixture->settings, fixture->store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 900);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

static void
test_shows_customer (GuiFixture    *fixture,
                     gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  g_autofree char *contacts = NULL;
  g_autofree char *deals = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *contracts = NULL;
  g_autofree char *contract_line = NULL;
  g_autofree char *deal_line = NULL;
  g_autofree char *screenshot = NULL;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);

  g_assert_cmpstr (adw_window_title_get_title (page_child (page, "window_title")), ==, "华为");
  g_assert_cmpstr (adw_window_title_get_subtitle (page_child (page, "window_title")), ==,
                   "Tier A · Zhang Wei");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "华为");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "phone_row")), ==, "0755 2878 0808");
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "tier_row")), ==, 0);
  /* None, then referral first. */
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "source_row")), ==, 1);
  /* The pool, then Zhang Wei. */
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "owner_row")), ==, 1);
  g_assert_false (gtk_widget_get_visible (page_child (page, "save_button")));
  g_assert_false (gtk_widget_get_visible (page_child (page, "claim_button")));

  contacts = row_titles (page, "contacts_list");
  g_assert_cmpstr (contacts, ==, "Li Lei | Wang Tao");
  /* Open deals first. */
  deals = row_titles (page, "deals_list");
  g_assert_cmpstr (deals, ==, "ERP | Cloud");
  deal_line = first_subtitle (page, "deals_list");
  g_assert_true (g_str_has_prefix (deal_line, "Lead · "));
  contracts = row_titles (page, "contracts_list");
  g_assert_cmpstr (contracts, ==, "HT-2023-000001");
  contract_line = first_subtitle (page, "contracts_list");
  g_assert_cmpstr (contract_line, ==,
                   "Signed 2023-11-10 · paid ¥2,000 / ¥5,000 · the rest is not planned yet");

  timeline = row_titles (page, "timeline_list");
  g_assert_cmpstr (timeline, ==,
                   "Planned: Visit about “ERP” | Call about “ERP” | "
                   "Deal “Cloud” moved from Lead to Won | Deal “Cloud” created in Lead | "
                   "Assigned to Zhang Wei | Deal “ERP” created in Lead");

  screenshot = gui_test_save_screenshot (GTK_WIDGET (window), "customer-page");

  /* Back returns to the views. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.back", NULL);
  g_assert_null (sales_window_get_customer_page (window));
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "pipeline");

  gui_test_destroy_window (window);
}

static void
test_edit_and_save (GuiFixture    *fixture,
                    gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  g_autofree char *stored = NULL;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);

  gtk_editable_set_text (page_child (page, "name_row"), "华为技术");
  gtk_editable_set_text (page_child (page, "address_row"), "深圳市龙岗区坂田");
  adw_combo_row_set_selected (page_child (page, "tier_row"), 1);
  g_assert_true (sales_customer_page_get_modified (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "save_button")));
  g_assert_true (gtk_widget_get_visible (page_child (page, "cancel_button")));

  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);
  settle ();

  stored = query_text (fixture->db, "SELECT name || '|' || tier || '|' || address || '|' || "
                                    "source || '|' || owner_id FROM customer WHERE id = 1");
  g_assert_cmpstr (stored, ==, "华为技术|B|深圳市龙岗区坂田|referral|1");
  g_assert_false (sales_customer_page_get_modified (page));
  g_assert_cmpstr (adw_window_title_get_title (page_child (page, "window_title")), ==,
                   "华为技术");

  /* Cancel puts the stored values back. */
  gtk_editable_set_text (page_child (page, "name_row"), "Something else");
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.revert", NULL);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "华为技术");
  g_assert_false (sales_customer_page_get_modified (page));

  gui_test_destroy_window (window);
}

/* The owner events written at T0, oldest first, as "kind:from>to". */
#define OWNER_EVENTS_SQL \
  "SELECT group_concat (kind || ':' || coalesce (from_owner_id, '-') || '>' || " \
  "                     coalesce (to_owner_id, '-'), ' ') " \
  "FROM (SELECT * FROM customer_event WHERE customer_id = 1 AND at = 1700000000 ORDER BY id)"

/* A new owner chosen in the form is on the customer's timeline once saved, as a bulk
 * assignment or a claim is. */
static void
test_owner_change (GuiFixture    *fixture,
                   gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  g_autofree char *returned = NULL;
  g_autofree char *assigned = NULL;
  g_autofree char *timeline = NULL;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);

  /* To the public pool: a 'returned' event. */
  adw_combo_row_set_selected (page_child (page, "owner_row"), 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);
  settle ();
  returned = query_text (fixture->db, OWNER_EVENTS_SQL);
  g_assert_cmpstr (returned, ==, "returned:1>-");

  /* Back to Zhang Wei: an 'assigned' event. */
  adw_combo_row_set_selected (page_child (page, "owner_row"), 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);
  settle ();
  assigned = query_text (fixture->db, OWNER_EVENTS_SQL);
  g_assert_cmpstr (assigned, ==, "returned:1>- assigned:->1");

  /* Both are on the timeline, newest first, after the visit planned for later. */
  timeline = row_titles (page, "timeline_list");
  g_assert_true (g_str_has_prefix (timeline,
                                   "Planned: Visit about “ERP” | Assigned to Zhang Wei | "
                                   "Returned to the public pool from Zhang Wei | "));

  gui_test_destroy_window (window);
}

static void
test_invalid_refused (GuiFixture    *fixture,
                      gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  GtkWidget *errors;
  g_autofree char *stored = NULL;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);
  errors = page_child (page, "field_errors");

  gtk_editable_set_text (page_child (page, "email_row"), "sales at huawei");
  g_assert_false (sales_customer_page_is_valid (page));
  g_assert_true (gtk_widget_get_visible (errors));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (errors)), ==,
                   "“sales at huawei” is not a valid email address");
  g_assert_true (gtk_widget_has_css_class (page_child (page, "email_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (page_child (page, "name_row"), "error"));

  gtk_editable_set_text (page_child (page, "name_row"), "  ");
  g_assert_true (gtk_widget_has_css_class (page_child (page, "name_row"), "error"));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (errors)), ==,
                   "Give the customer a name.\n“sales at huawei” is not a valid email address");

  /* Save is off, and saving anyway writes nothing. */
  sales_customer_page_save (page);
  settle ();
  stored = query_text (fixture->db, "SELECT name || '|' || email FROM customer WHERE id = 1");
  g_assert_cmpstr (stored, ==, "华为|sales@huawei.example");

  gtk_editable_set_text (page_child (page, "name_row"), "华为");
  gtk_editable_set_text (page_child (page, "email_row"), "sales@huawei.example");
  g_assert_true (sales_customer_page_is_valid (page));
  g_assert_false (gtk_widget_get_visible (errors));
  g_assert_false (sales_customer_page_get_modified (page));

  gui_test_destroy_window (window);
}

static void
test_log_followup (GuiFixture    *fixture,
                   gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  SalesFollowupDialog *dialog;
  g_autofree char *timeline = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *screenshot = NULL;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);

  dialog = SALES_FOLLOWUP_DIALOG (sales_customer_page_log_followup (page));
  g_assert_nonnull (dialog);
  gui_test_wait_for_frame (GTK_WIDGET (dialog));
  sales_followup_dialog_set_kind (dialog, SALES_ACTIVITY_KIND_MEETING);
  sales_followup_dialog_set_note (dialog, "Agreed the rollout plan");
  screenshot = gui_test_save_screenshot (GTK_WIDGET (dialog), "followup-dialog");

  /* A next follow-up before this one is refused, and nothing is written. */
  sales_followup_dialog_set_next_due (dialog, T0 - DAY);
  g_assert_false (sales_followup_dialog_is_valid (dialog));
  g_assert_false (sales_followup_dialog_save (dialog));

  sales_followup_dialog_set_next_due (dialog, T0 + DAY);
  g_assert_true (sales_followup_dialog_is_valid (dialog));
  g_assert_true (sales_followup_dialog_save (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();

  rows = query_text (fixture->db,
                     "SELECT group_concat (kind || ':' || coalesce (note, '-') || ':' || "
                     "  coalesce (done_at, '-') || ':' || coalesce (due_at, '-'), ' ') "
                     "FROM (SELECT * FROM activity WHERE id > 2 ORDER BY id)");
  /* The form holds minutes: now, 06:13:20, is logged as 06:13:00, T0 - 20 s, and the next
   * one a day later at 06:13. */
  g_assert_cmpstr (rows, ==,
                   "meeting:Agreed the rollout plan:1699999980:- call:-:-:1700086380");

  timeline = row_titles (page, "timeline_list");
  g_assert_true (g_str_has_prefix (timeline, "Planned: Visit about “ERP” | Planned: Call | "
                                             "Meeting | Call about “ERP” | "));

  /* Undo takes both back. */
  g_assert_true (sales_store_undo (fixture->store, NULL));
  settle ();
  g_clear_pointer (&timeline, g_free);
  timeline = row_titles (page, "timeline_list");
  g_assert_true (g_str_has_prefix (timeline, "Planned: Visit about “ERP” | Call about “ERP” | "));

  gui_test_destroy_window (window);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* The rows of a section, not its placeholder. */
static guint
count_rows (SalesCustomerPage *page,
            const char        *list_name)
{
  GtkWidget *list = page_child (page, list_name);
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    n += ADW_IS_PREFERENCES_ROW (c);
  return n;
}

static void
test_tags (GuiFixture    *fixture,
           gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  g_autofree char *tags = NULL;
  g_autofree char *left = NULL;
  GtkEntryCompletion *completion;
  gint64 tag_id;

  fill (fixture);
  window = new_window (fixture);
  page = open_customer (window, 1);
  g_assert_cmpuint (count_children (page_child (page, "tags_box")), ==, 0);
  /* The completion is made when the entry is first focused, not with the page. */
  g_assert_null (gtk_entry_get_completion (page_child (page, "tag_entry")));

  gtk_editable_set_text (page_child (page, "tag_entry"), " 重点客户 ");
  g_signal_emit_by_name (page_child (page, "tag_entry"), "activate");
  gtk_editable_set_text (page_child (page, "tag_entry"), "VIP");
  g_signal_emit_by_name (page_child (page, "tag_entry"), "activate");
  settle ();

  tags = query_text (fixture->db, "SELECT group_concat (name, ',') FROM (SELECT t.name "
                                  "FROM customer_tag ct JOIN tag t ON t.id = ct.tag_id "
                                  "WHERE ct.customer_id = 1 ORDER BY t.name)");
  g_assert_cmpstr (tags, ==, "VIP,重点客户");
  g_assert_cmpuint (count_children (page_child (page, "tags_box")), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "tag_entry")), ==, "");

  /* Focused, the entry completes the tags the database has. */
  gtk_widget_grab_focus (page_child (page, "tag_entry"));
  settle ();
  completion = gtk_entry_get_completion (page_child (page, "tag_entry"));
  g_assert_nonnull (completion);
  g_assert_cmpint (gtk_tree_model_iter_n_children (gtk_entry_completion_get_model (completion),
                                                   NULL), ==, 2);

  /* Remove one chip; Undo brings it back. */
  tag_id = sales_store_find_tag (fixture->store, "VIP");
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.remove-tag", "x", tag_id);
  settle ();
  left = query_text (fixture->db, "SELECT count(*) FROM customer_tag WHERE customer_id = 1");
  g_assert_cmpstr (left, ==, "1");
  g_assert_cmpuint (count_children (page_child (page, "tags_box")), ==, 1);
  g_assert_true (sales_store_undo (fixture->store, NULL));
  settle ();
  g_assert_cmpuint (count_children (page_child (page, "tags_box")), ==, 2);

  gui_test_destroy_window (window);
}

/* The page is made once and shown again for each customer: the other customer's fields,
 * contacts and timeline replace the first's, and the first's edit in progress is kept aside
 * until it is shown again. */
static void
test_rebind (GuiFixture    *fixture,
             gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  SalesCustomerPage *other;
  g_autoptr(SalesContact) jane = sales_contact_new ();
  g_autoptr(SalesContact) stored = NULL;
  g_autoptr(SalesActivity) intro = sales_activity_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contacts = NULL;
  g_autofree char *timeline = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *screenshot = NULL;

  fill (fixture);
  sales_contact_set_customer_id (jane, 2);
  sales_contact_set_name (jane, "Jane Roe");
  sales_contact_set_email (jane, "jane@globex.example");
  stored = create (fixture->store, g_object_ref (jane));
  sales_activity_set_customer_id (intro, 2);
  sales_activity_set_kind (intro, SALES_ACTIVITY_KIND_CALL);
  sales_activity_set_note (intro, "Introduced the catalogue");
  sales_activity_set_done_at (intro, T0 - DAY);
  g_assert_true (sales_store_log_followup (fixture->store, intro, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  window = new_window (fixture);
  page = open_customer (window, 1);
  gtk_editable_set_text (page_child (page, "name_row"), "华为技术");
  g_assert_true (sales_customer_page_get_modified (page));

  gtk_widget_activate_action (GTK_WIDGET (page), "customer.back", NULL);
  other = open_customer (window, 2);
  g_assert_true (other == page);
  g_assert_cmpstr (adw_window_title_get_title (page_child (page, "window_title")), ==, "Globex");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "Globex");
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "phone_row")), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "tier_row")), ==, SALES_TIER_B);
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "source_row")), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "owner_row")), ==, 0);
  g_assert_false (sales_customer_page_get_modified (page));
  g_assert_false (gtk_widget_get_visible (page_child (page, "save_button")));
  contacts = row_titles (page, "contacts_list");
  g_assert_cmpstr (contacts, ==, "Jane Roe");
  g_assert_cmpuint (count_rows (page, "deals_list"), ==, 0);
  g_assert_cmpuint (count_rows (page, "timeline_list"), ==, 1);
  latest = first_subtitle (page, "timeline_list");
  g_assert_true (g_str_has_suffix (latest, " · Introduced the catalogue"));
  g_assert_cmpuint (count_rows (page, "contracts_list"), ==, 0);
  screenshot = gui_test_save_screenshot (GTK_WIDGET (window), "customer-page-other");

  /* Back on the first customer: its edit is still there, and still not saved. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.back", NULL);
  page = open_customer (window, 1);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "华为技术");
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (page, "owner_row")), ==, 1);
  g_assert_true (sales_customer_page_get_modified (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "save_button")));
  name = query_text (fixture->db, "SELECT name FROM customer WHERE id = 1");
  g_assert_cmpstr (name, ==, "华为");
  g_clear_pointer (&contacts, g_free);
  contacts = row_titles (page, "contacts_list");
  g_assert_cmpstr (contacts, ==, "Li Lei | Wang Tao");
  timeline = row_titles (page, "timeline_list");
  g_assert_true (g_str_has_prefix (timeline, "Planned: Visit about “ERP” | Call about “ERP”"));

  /* Cancel drops the edit for good. */
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.revert", NULL);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "华为");
  open_customer (window, 2);
  page = open_customer (window, 1);
  g_assert_cmpstr (gtk_editable_get_text (page_child (page, "name_row")), ==, "华为");
  g_assert_false (sales_customer_page_get_modified (page));

  gui_test_destroy_window (window);
}

static void
test_new_customer (GuiFixture    *fixture,
                   gconstpointer  data)
{
  SalesWindow *window;
  SalesCustomerPage *page;
  g_autofree char *stored = NULL;

  fill (fixture);
  sales_settings_set_current_rep_id (fixture->settings, 1);
  window = new_window (fixture);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-customer", NULL);
  page = SALES_CUSTOMER_PAGE (sales_window_get_customer_page (window));
  g_assert_nonnull (page);
  g_assert_null (sales_customer_page_get_customer (page));
  g_assert_false (gtk_widget_get_visible (page_child (page, "timeline_group")));
  g_assert_false (sales_customer_page_is_valid (page));

  gtk_editable_set_text (page_child (page, "name_row"), "Initech");
  gtk_editable_set_text (page_child (page, "phone_row"), "+86 21 5555 0101");
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);
  settle ();

  stored = query_text (fixture->db, "SELECT id || '|' || name || '|' || tier || '|' || "
                                    "owner_id || '|' || phone FROM customer WHERE name = 'Initech'");
  g_assert_cmpstr (stored, ==, "3|Initech|B|1|+86 21 5555 0101");
  g_assert_nonnull (sales_customer_page_get_customer (page));
  g_assert_true (gtk_widget_get_visible (page_child (page, "timeline_group")));

  /* A customer in the pool can be claimed by the current rep. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-customer", "x", (gint64)2);
  g_assert_true (gtk_widget_get_visible (page_child (page, "claim_button")));

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

#define ADD(path, func) \
  g_test_add (path, GuiFixture, NULL, gui_fixture_set_up, func, gui_fixture_tear_down)

  ADD ("/customer-page/shows-customer", test_shows_customer);
  ADD ("/customer-page/edit-and-save", test_edit_and_save);
  ADD ("/customer-page/owner-change", test_owner_change);
  ADD ("/customer-page/invalid-refused", test_invalid_refused);
  ADD ("/customer-page/log-followup", test_log_followup);
  ADD ("/customer-page/tags", test_tags);
  ADD ("/customer-page/new-customer", test_new_customer);
  ADD ("/customer-page/rebind", test_rebind);

#undef ADD

  return g_test_run ();
}
