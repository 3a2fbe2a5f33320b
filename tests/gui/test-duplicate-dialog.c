/* test-duplicate-dialog.c: the duplicate warning on save, "Find Duplicates", the pool's page
 *
 * A small company where three customers look alike:
 *   rep 1 Zhang Wei
 *   customer 1 华为技术有限公司, owner 1, phone +86 138-0013-8000
 *   customer 2 ACME Co., Ltd., public pool, e-mail sales@acme.com
 *   customer 3 華為技術 (the first one again, in Traditional characters), public pool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "sales-duplicate-dialog.h"
#include "sales-duplicate-pair-item.h"
#include "sales-duplicates-window.h"
#include "sales-pool-preferences.h"

static SalesCustomer *
add_customer (GuiFixture *f,
              const char *name,
              const char *phone,
              const char *email,
              gint64      owner_id)
{
  g_autoptr(SalesCustomer) draft = sales_customer_new ();
  g_autoptr(GError) error = NULL;
  SalesCustomer *customer;

  sales_customer_set_name (draft, name);
  sales_customer_set_phone (draft, phone);
  sales_customer_set_email (draft, email);
  sales_customer_set_owner_id (draft, owner_id);
  customer = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return customer;
}

static void
company_set_up (GuiFixture    *f,
                gconstpointer  data)
{
  g_autoptr(SalesRep) draft = sales_rep_new ();
  g_autoptr(SalesRep) rep = NULL;
  g_autoptr(SalesCustomer) c1 = NULL, c2 = NULL, c3 = NULL;
  g_autoptr(GError) error = NULL;

  gui_fixture_set_up (f, data);

  sales_rep_set_name (draft, "Zhang Wei");
  rep = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  c1 = add_customer (f, "华为技术有限公司", "+86 138-0013-8000", NULL, 1);
  c2 = add_customer (f, "ACME Co., Ltd.", NULL, "sales@acme.com", 0);
  c3 = add_customer (f, "華為技術", NULL, NULL, 0);
}

/* A new customer typed with the first one's phone and a form of its name. */
static GArray *
check_draft (GuiFixture     *f,
             SalesCustomer **draft)
{
  g_autoptr(GError) error = NULL;
  GArray *matches;

  *draft = sales_customer_new ();
  sales_customer_set_name (*draft, "华为技术");
  sales_customer_set_phone (*draft, "13800138000");
  matches = sales_duplicates_check (f->db, *draft, NULL, 0, &error);
  g_assert_no_error (error);

  return matches;
}

static void
on_chosen (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gint64 *answer = user_data;
  gint64 id = -1;

  answer[0] = sales_duplicate_dialog_run_finish (result, &id);
  answer[1] = id;
}

static gint64 *
run (GuiFixture    *f,
     SalesCustomer *draft,
     GArray        *matches,
     GtkWidget    **dialog)
{
  gint64 *answer = g_new (gint64, 2);
  GList *windows;

  answer[0] = answer[1] = -1;
  sales_duplicate_dialog_run_async (NULL, f->store, draft, matches, NULL, on_chosen, answer);

  windows = gtk_window_list_toplevels ();
  *dialog = NULL;
  for (GList *l = windows; l != NULL; l = l->next)
    if (SALES_IS_DUPLICATE_DIALOG (l->data))
      *dialog = l->data;
  g_list_free (windows);
  g_assert_nonnull (*dialog);

  return answer;
}

/* Until the callback has run; then the dialogs are closed, as a click on a
 * button would (adw_message_dialog_response() only emits the signal). */
static void
wait_for_answer (gint64 *answer)
{
  GList *windows;

  while (answer[0] == -1)
    g_main_context_iteration (NULL, TRUE);

  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gui_test_destroy_window (l->data);
  g_list_free (windows);
}

static void
test_dialog_lists_matches (GuiFixture    *f,
                           gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = NULL;
  g_autoptr(GArray) matches = check_draft (f, &draft);
  g_autofree char *screenshot = NULL;
  g_autofree gint64 *answer = NULL;
  GtkWidget *dialog;
  GtkWidget *list;
  GtkListBoxRow *row;

  /* 1 by phone and name first, then 3 by name only. */
  g_assert_cmpuint (matches->len, ==, 2);
  g_assert_cmpint (g_array_index (matches, SalesDuplicateMatch, 0).customer_id, ==, 1);
  g_assert_cmpint (g_array_index (matches, SalesDuplicateMatch, 1).customer_id, ==, 3);

  answer = run (f, draft, matches, &dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  gui_test_wait_for_frame (dialog);

  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Customer May Already Exist");
  g_assert_cmpstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "“华为技术” looks like 2 customers you already have. Open one of them "
                   "instead, merge into it, or save a new customer anyway.");

  list = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  list = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (list));
  if (GTK_IS_VIEWPORT (list))
    list = gtk_viewport_get_child (GTK_VIEWPORT (list));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "华为技术有限公司");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Same phone, same name · Owner: Zhang Wei · +86 138-0013-8000");
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Same name · Public pool");
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));

  /* The first match is chosen until another is. */
  g_assert_cmpint (sales_duplicate_dialog_get_selected (SALES_DUPLICATE_DIALOG (dialog)), ==, 1);
  screenshot = gui_test_save_screenshot (dialog, "duplicate-dialog");

  sales_duplicate_dialog_set_selected (SALES_DUPLICATE_DIALOG (dialog), 3);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "open");
  wait_for_answer (answer);
  g_assert_cmpint (answer[0], ==, SALES_DUPLICATE_CHOICE_OPEN);
  g_assert_cmpint (answer[1], ==, 3);
}

static void
test_dialog_choices (GuiFixture    *f,
                     gconstpointer  data)
{
  static const struct {
    const char           *response;
    SalesDuplicateChoice  choice;
    gint64                id;
  } cases[] = {
    { "save", SALES_DUPLICATE_CHOICE_SAVE_ANYWAY, 0 },
    { "cancel", SALES_DUPLICATE_CHOICE_CANCEL, 0 },
    { "open", SALES_DUPLICATE_CHOICE_OPEN, 1 },
  };
  g_autoptr(SalesCustomer) draft = NULL;
  g_autoptr(GArray) matches = check_draft (f, &draft);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gint64 *answer = NULL;
      GtkWidget *dialog;

      answer = run (f, draft, matches, &dialog);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), cases[i].response);
      wait_for_answer (answer);
      g_assert_cmpint (answer[0], ==, cases[i].choice);
      g_assert_cmpint (answer[1], ==, cases[i].id);
    }
}

static AdwMessageDialog *
find_confirmation (void)
{
  AdwMessageDialog *found = NULL;
  GList *windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && !SALES_IS_DUPLICATE_DIALOG (l->data) &&
        gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (windows);

  return found;
}

/* Merge… asks which record stays before answering; declining is Cancel. */
static void
test_dialog_merge (GuiFixture    *f,
                   gconstpointer  data)
{
  g_autoptr(SalesCustomer) draft = NULL;
  g_autoptr(GArray) matches = check_draft (f, &draft);

  for (guint confirm = 0; confirm < 2; confirm++)
    {
      g_autofree gint64 *answer = NULL;
      AdwMessageDialog *confirmation;
      GtkWidget *dialog;

      answer = run (f, draft, matches, &dialog);
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "merge");
      confirmation = find_confirmation ();
      g_assert_nonnull (confirmation);
      g_assert_cmpstr (adw_message_dialog_get_heading (confirmation), ==,
                       "Merge Into “华为技术有限公司”?");
      g_assert_cmpint (answer[0], ==, -1);

      adw_message_dialog_response (confirmation, confirm ? "merge" : "cancel");
      wait_for_answer (answer);
      g_assert_cmpint (answer[0], ==, confirm ? SALES_DUPLICATE_CHOICE_MERGE
                                              : SALES_DUPLICATE_CHOICE_CANCEL);
      g_assert_cmpint (answer[1], ==, confirm ? 1 : 0);
    }
}

static void
wait_for_search (SalesDuplicatesWindow *window)
{
  while (sales_duplicates_window_is_searching (window))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_duplicates_window (GuiFixture    *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *screenshot = NULL;
  SalesDuplicatesWindow *window;
  GListModel *pairs;
  g_autoptr(SalesDuplicatePairItem) item = NULL;

  window = SALES_DUPLICATES_WINDOW (sales_duplicates_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_search (window);

  /* Only 1 and 3 look alike (the same name in two scripts). */
  pairs = sales_duplicates_window_get_pairs (window);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 1);
  item = g_list_model_get_item (pairs, 0);
  g_assert_cmpint (sales_duplicate_pair_item_get_pair (item)->a_id, ==, 1);
  g_assert_cmpint (sales_duplicate_pair_item_get_pair (item)->b_id, ==, 3);
  g_assert_cmpint (sales_duplicate_pair_item_get_pair (item)->reasons, ==, SALES_DUPLICATE_NAME);
  screenshot = gui_test_save_screenshot (GTK_WIDGET (window), "duplicates-window");

  /* Merging takes the pair off the list; undo in the store brings 3 back. */
  g_assert_true (sales_duplicates_window_merge (window, 1, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 0);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.undo", NULL);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 3);
  wait_for_search (window);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 1);

  sales_duplicates_window_ignore (window, 1, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pairs), ==, 0);

  gui_test_destroy_window (window);
}

/* A toast's title is markup in libadwaita 1.2: a name with "&" and a tag in it is shown as
 * typed, not taken for markup (which would show "Wang" in bold, or nothing at all). */
static void
test_duplicates_window_toast_text (GuiFixture    *f,
                                   gconstpointer  data)
{
  g_autoptr(SalesCustomer) odd = add_customer (f, "Li & <b>Wang</b>", NULL, NULL, 0);
  g_autoptr(GError) error = NULL;
  SalesDuplicatesWindow *window;
  gint64 odd_id = sales_record_get_id (SALES_RECORD (odd));

  window = SALES_DUPLICATES_WINDOW (sales_duplicates_window_new (NULL, f->store));
  gtk_window_present (GTK_WINDOW (window));
  wait_for_search (window);

  g_assert_true (sales_duplicates_window_merge (window, 1, odd_id, &error));
  g_assert_no_error (error);
  gui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpstr (gui_test_get_toast_text (GTK_WIDGET (window)), ==,
                   "Merged “Li & <b>Wang</b>” into “华为技术有限公司”");

  /* Undo brings the customer back. */
  gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.undo", NULL);
  g_assert_cmpint (sales_db_count (f->db, "customer"), ==, 4);

  gui_test_destroy_window (window);
}

static void
test_pool_preferences (GuiFixture    *f,
                       gconstpointer  data)
{
  g_autoptr(GSettings) gsettings = g_settings_new (APPLICATION_ID);
  g_autofree char *screenshot = NULL;
  g_autofree char *assign = NULL;
  SalesPoolRules rules;
  GtkWidget *window;
  GtkWidget *page;

  page = sales_pool_preferences_new (f->settings);
  window = adw_preferences_window_new ();
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (window), ADW_PREFERENCES_PAGE (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 620);
  gtk_window_present (GTK_WINDOW (window));

  /* The schema's defaults, as the issue names them. */
  sales_settings_get_pool_rules (f->settings, &rules);
  g_assert_cmpuint (rules.followup_days, ==, 30);
  g_assert_cmpuint (rules.won_days, ==, 90);
  g_assert_cmpuint (rules.warn_days, ==, 3);
  g_assert_cmpuint (rules.max_per_rep, ==, 0);
  g_assert_cmpint (rules.assign, ==, SALES_ASSIGN_NONE);
  screenshot = gui_test_save_screenshot (window, "pool-preferences");

  /* The page writes what the settings hold… */
  rules.followup_days = 14;
  rules.assign = SALES_ASSIGN_ROUND_ROBIN;
  rules.max_per_rep = 200;
  sales_settings_set_pool_rules (f->settings, &rules);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "pool-followup-days"), ==, 14);
  g_assert_cmpuint (g_settings_get_uint (gsettings, "pool-max-customers"), ==, 200);
  assign = g_settings_get_string (gsettings, "lead-assignment");
  g_assert_cmpstr (assign, ==, "round-robin");

  /* …and a key changed elsewhere shows on the page and back. */
  g_settings_set_uint (gsettings, "pool-warn-days", 5);
  sales_settings_get_pool_rules (f->settings, &rules);
  g_assert_cmpuint (rules.warn_days, ==, 5);
  g_assert_cmpuint (rules.followup_days, ==, 14);

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    return 0;

  g_test_add ("/duplicate-dialog/lists-matches", GuiFixture, NULL,
              company_set_up, test_dialog_lists_matches, gui_fixture_tear_down);
  g_test_add ("/duplicate-dialog/choices", GuiFixture, NULL,
              company_set_up, test_dialog_choices, gui_fixture_tear_down);
  g_test_add ("/duplicate-dialog/merge", GuiFixture, NULL,
              company_set_up, test_dialog_merge, gui_fixture_tear_down);
  g_test_add ("/duplicates-window/merge-undo-ignore", GuiFixture, NULL,
              company_set_up, test_duplicates_window, gui_fixture_tear_down);
  g_test_add ("/duplicates-window/toast-text", GuiFixture, NULL,
              company_set_up, test_duplicates_window_toast_text, gui_fixture_tear_down);
  g_test_add ("/pool-preferences/settings", GuiFixture, NULL,
              gui_fixture_set_up, test_pool_preferences, gui_fixture_tear_down);

  return g_test_run ();
}
