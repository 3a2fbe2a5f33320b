/* test-followups-view.c: the Follow-ups view on a small fixture
 *
 * The clock stands at Wednesday 2026-11-25 10:00 in Asia/Shanghai (the test environment's
 * zone). Reps: 1 Zhang Wei, 2 Li Na, 3 Wang Fang (nothing planned). Customers: 1 华为技术有限公司
 * (deal 1 "ERP 升级"), 2 Globex, 3 北京华信科技. Planned follow-ups, worked out by hand:
 *
 *   a1  华为 · ERP 升级  call     "报价确认"           Tue 11-24 23:30  Zhang Wei  Overdue, 1 day
 *   a2  Globex           visit    —                    Wed 11-25 00:10  Li Na      Today
 *   a3  北京华信科技     meeting  "Demo of the new line" Wed 11-25 15:00  Zhang Wei  Today
 *   a4  Globex           email    "Send the brochure"  Thu 11-26 09:00  Li Na      This week
 *   a5  华为             service  —                    Mon 11-30 09:30  Zhang Wei  Later
 *   a6  华为             call     —, done at 09:00 today: nowhere
 *
 * So the view lists: Overdue 1, Today 2, This Week 1, Later 1.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "gui-test-util.h"
#include "sales-application.h"
#include "sales-customer-page.h"
#include "sales-followup-row.h"
#include "sales-followups-view.h"
#include "sales-window.h"

typedef struct
{
  GuiFixture          gui;
  gint64              now;
  GtkWidget          *window;
  SalesFollowupsView *view;
} ViewFixture;

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static gint64
fixture_clock (gpointer user_data)
{
  ViewFixture *fixture = user_data;

  return fixture->now;
}

static gint64
create (ViewFixture *fixture,
        gpointer     draft)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesRecord) record = sales_store_create (fixture->gui.store, draft, &error);

  g_assert_no_error (error);
  g_object_unref (draft);
  return sales_record_get_id (record);
}

static void
add_rep (ViewFixture *fixture,
         const char  *name)
{
  SalesRep *rep = sales_rep_new ();

  sales_rep_set_name (rep, name);
  create (fixture, rep);
}

static void
add_customer (ViewFixture *fixture,
              const char  *name,
              gint64       owner_id)
{
  SalesCustomer *customer = sales_customer_new ();

  sales_customer_set_name (customer, name);
  sales_customer_set_owner_id (customer, owner_id);
  create (fixture, customer);
}

static void
add_followup (ViewFixture       *fixture,
              gint64             customer_id,
              gint64             deal_id,
              gint64             owner_id,
              SalesActivityKind  kind,
              const char        *note,
              gint64             due_at,
              gint64             done_at)
{
  SalesActivity *activity = sales_activity_new ();

  sales_activity_set_customer_id (activity, customer_id);
  sales_activity_set_deal_id (activity, deal_id);
  sales_activity_set_owner_id (activity, owner_id);
  sales_activity_set_kind (activity, kind);
  sales_activity_set_note (activity, note);
  sales_activity_set_due_at (activity, due_at);
  sales_activity_set_done_at (activity, done_at);
  create (fixture, activity);
}

static void
view_fixture_set_up (ViewFixture   *fixture,
                     gconstpointer  data)
{
  SalesStore *store;
  SalesDeal *deal;
  GtkWidget *overlay;

  gui_fixture_set_up (&fixture->gui, data);
  store = fixture->gui.store;
  fixture->now = local_time (2026, 11, 25, 10, 0);
  sales_store_set_clock (store, fixture_clock, fixture, NULL);

  add_rep (fixture, "Zhang Wei");
  add_rep (fixture, "Li Na");
  add_rep (fixture, "Wang Fang");
  add_customer (fixture, "华为技术有限公司", 1);
  add_customer (fixture, "Globex", 2);
  add_customer (fixture, "北京华信科技", 1);

  deal = sales_deal_new ();
  sales_deal_set_title (deal, "ERP 升级");
  sales_deal_set_customer_id (deal, 1);
  sales_deal_set_stage_id (deal, 1);
  create (fixture, deal);

  add_followup (fixture, 1, 1, 1, SALES_ACTIVITY_KIND_CALL, "报价确认",
                local_time (2026, 11, 24, 23, 30), 0);
  add_followup (fixture, 2, 0, 2, SALES_ACTIVITY_KIND_VISIT, NULL,
                local_time (2026, 11, 25, 0, 10), 0);
  add_followup (fixture, 3, 0, 1, SALES_ACTIVITY_KIND_MEETING, "Demo of the new line",
                local_time (2026, 11, 25, 15, 0), 0);
  add_followup (fixture, 2, 0, 2, SALES_ACTIVITY_KIND_EMAIL, "Send the brochure",
                local_time (2026, 11, 26, 9, 0), 0);
  add_followup (fixture, 1, 0, 1, SALES_ACTIVITY_KIND_SERVICE, NULL,
                local_time (2026, 11, 30, 9, 30), 0);
  add_followup (fixture, 1, 0, 1, SALES_ACTIVITY_KIND_CALL, NULL,
                local_time (2026, 11, 25, 8, 0), local_time (2026, 11, 25, 9, 0));

  fixture->view = SALES_FOLLOWUPS_VIEW (sales_followups_view_new (store, fixture->gui.settings));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->view));
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1098, 698);
  gtk_window_set_child (GTK_WINDOW (fixture->window), overlay);
  gui_test_wait_for_frame (GTK_WIDGET (fixture->view));
}

static void
view_fixture_tear_down (ViewFixture   *fixture,
                        gconstpointer  data)
{
  gui_test_destroy_window (fixture->window);
  gui_fixture_tear_down (&fixture->gui, data);
}

static void
collect_labels (GtkWidget *widget,
                GString   *text)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s|", gtk_label_get_label (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, text);
}

static gpointer
template_child (ViewFixture *fixture,
                const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->view),
                                                  SALES_TYPE_FOLLOWUPS_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

/* What the list shows, its labels in order, "|" after each. */
static char *
shown (ViewFixture *fixture)
{
  g_autoptr(GString) text = g_string_new (NULL);

  gui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  collect_labels (template_child (fixture, "list_view"), text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
n_items (ViewFixture        *fixture,
         SalesFollowupGroup  group)
{
  return g_list_model_get_n_items (G_LIST_MODEL (sales_followups_view_get_list (fixture->view,
                                                                                group)));
}

static const char all_rows[] =
  "Overdue|1|"
  "华为技术有限公司 · ERP 升级|报价确认|1 day overdue|Zhang Wei|"
  "Today|2|"
  "Globex|today 00:10|Li Na|"
  "北京华信科技|Demo of the new line|today 15:00|Zhang Wei|"
  "This Week|1|"
  "Globex|Send the brochure|tomorrow 09:00|Li Na|"
  "Later|1|"
  "华为技术有限公司|Nov 30, 09:30|Zhang Wei|";

static void
test_sections (ViewFixture   *fixture,
               gconstpointer  data)
{
  g_autofree char *text = shown (fixture);
  GtkWidget *item, *row, *header;

  g_assert_cmpstr (text, ==, all_rows);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture, "stack")), ==,
                   "list");
  g_assert_cmpstr (gtk_label_get_label (template_child (fixture, "summary_label")), ==,
                   "5 planned, 1 overdue");

  /* The overdue header is in the error colour. */
  item = gtk_widget_get_first_child (template_child (fixture, "list_view"));
  row = gtk_widget_get_first_child (item);
  g_assert_true (SALES_IS_FOLLOWUP_ROW (row));
  g_assert_null (sales_followup_row_get_activity (SALES_FOLLOWUP_ROW (row)));
  header = gtk_widget_get_first_child (row);
  g_assert_true (gtk_widget_has_css_class (header, "overdue"));
}

static void
test_owner_filter (ViewFixture   *fixture,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *all = NULL;
  GtkDropDown *dropdown = template_child (fixture, "owner_dropdown");

  /* All, then the reps by name: Li Na, Wang Fang, Zhang Wei. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 4);

  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (sales_followups_view_get_owner_id (fixture->view), ==, 2);
  text = shown (fixture);
  g_assert_cmpstr (text, ==,
                   "Today|1|Globex|today 00:10|Li Na|"
                   "This Week|1|Globex|Send the brochure|tomorrow 09:00|Li Na|");
  g_clear_pointer (&text, g_free);

  /* Nothing planned for Wang Fang. */
  sales_followups_view_set_owner_id (fixture->view, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 2);
  gui_test_wait_for_frame (GTK_WIDGET (fixture->view));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (fixture, "stack")), ==,
                   "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (gtk_stack_get_child_by_name (
                     template_child (fixture, "stack"), "empty"))), ==,
                   "No follow-ups planned");

  /* With a current rep, "My Follow-ups" comes second and is chosen by a new view. */
  sales_followups_view_set_owner_id (fixture->view, 0);
  sales_settings_set_current_rep_id (fixture->gui.settings, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 5);
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_cmpint (sales_followups_view_get_owner_id (fixture->view), ==, 2);
  g_assert_cmpuint (n_items (fixture, SALES_FOLLOWUP_GROUP_TODAY), ==, 1);

  gtk_drop_down_set_selected (dropdown, 0);
  all = shown (fixture);
  g_assert_cmpstr (all, ==, all_rows);
}

static void
test_done_and_undo (ViewFixture   *fixture,
                    gconstpointer  data)
{
  GtkSelectionModel *selection;
  g_autofree char *text = NULL;

  /* The row's Done button activates this, with the follow-up's id. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.done", "x",
                                             G_GINT64_CONSTANT (3)));
  text = shown (fixture);
  g_assert_null (strstr (text, "Demo of the new line"));
  g_assert_nonnull (strstr (text, "Today|1|Globex|today 00:10|Li Na|This Week|"));
  g_assert_cmpuint (n_items (fixture, SALES_FOLLOWUP_GROUP_TODAY), ==, 1);
  g_assert_cmpstr (sales_store_get_undo_label (fixture->gui.store), ==,
                   "Follow-up with “北京华信科技” done");
  g_clear_pointer (&text, g_free);

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.undo", NULL));
  text = shown (fixture);
  g_assert_cmpstr (text, ==, all_rows);
  g_clear_pointer (&text, g_free);

  /* Ctrl+D works on the selected row: a2, after the Overdue header, a1 and the Today
   * header; the selection then rests on a3, which moved up into its place. */
  selection = gtk_list_view_get_model (template_child (fixture, "list_view"));
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view),
                                             "followups.done-selected", NULL));
  text = shown (fixture);
  g_assert_nonnull (strstr (text, "Today|1|北京华信科技|"));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)), ==, 3);
  {
    g_autoptr(SalesActivity) a2 = sales_store_get_activity (fixture->gui.store, 2, NULL);

    g_assert_cmpint (sales_activity_get_done_at (a2), ==, fixture->now);
  }
}

static void
test_reschedule (ViewFixture   *fixture,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  gint64 next_week = local_time (2026, 12, 1, 15, 0);

  /* What the popover's calendar sends: a3 to Tuesday 12-01 at its own 15:00, after a5. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.reschedule",
                                             "(xx)", G_GINT64_CONSTANT (3), next_week));
  text = shown (fixture);
  g_assert_nonnull (strstr (text, "Later|2|华为技术有限公司|Nov 30, 09:30|Zhang Wei|"
                                  "北京华信科技|Demo of the new line|Dec 1, 15:00|Zhang Wei|"));
  g_assert_cmpuint (n_items (fixture, SALES_FOLLOWUP_GROUP_TODAY), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.undo", NULL));
  g_clear_pointer (&text, g_free);
  text = shown (fixture);
  g_assert_cmpstr (text, ==, all_rows);
}

static SalesFollowupRow *
find_row (GtkWidget *widget,
          gint64     activity_id)
{
  if (SALES_IS_FOLLOWUP_ROW (widget))
    {
      SalesActivity *activity = sales_followup_row_get_activity (SALES_FOLLOWUP_ROW (widget));

      if (activity != NULL && sales_record_get_id (SALES_RECORD (activity)) == activity_id)
        return SALES_FOLLOWUP_ROW (widget);
      return NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SalesFollowupRow *row = find_row (child, activity_id);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static void
click_row_button (ViewFixture *fixture,
                  gint64       activity_id,
                  const char  *name)
{
  SalesFollowupRow *row = find_row (template_child (fixture, "list_view"), activity_id);
  GObject *button;

  g_assert_nonnull (row);
  button = gtk_widget_get_template_child (GTK_WIDGET (row), SALES_TYPE_FOLLOWUP_ROW, name);
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
test_reschedule_presets (ViewFixture   *fixture,
                         gconstpointer  data)
{
  g_autoptr(SalesActivity) a3 = sales_store_get_activity (fixture->gui.store, 3, NULL);
  g_autofree char *text = NULL;

  /* Tomorrow keeps the time of day: Thursday 15:00. */
  click_row_button (fixture, 3, "tomorrow_button");
  g_assert_cmpint (sales_activity_get_due_at (a3), ==, local_time (2026, 11, 26, 15, 0));
  text = shown (fixture);
  g_assert_nonnull (strstr (text, "This Week|2|Globex|Send the brochure|tomorrow 09:00|Li Na|"
                                  "北京华信科技|Demo of the new line|tomorrow 15:00|Zhang Wei|"));
  g_clear_pointer (&text, g_free);

  /* Next week is next Monday, the week starting on Monday. */
  click_row_button (fixture, 3, "next_week_button");
  g_assert_cmpint (sales_activity_get_due_at (a3), ==, local_time (2026, 11, 30, 15, 0));
  text = shown (fixture);
  g_assert_nonnull (strstr (text, "Later|2|华为技术有限公司|Nov 30, 09:30|Zhang Wei|"
                                  "北京华信科技|Demo of the new line|Nov 30, 15:00|Zhang Wei|"));
}

static void
test_screenshot (ViewFixture   *fixture,
                 gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("followups-%s", language != NULL ? language : "C");
  g_autofree char *path = NULL;

  gui_test_wait_for_animations (fixture->window);
  path = gui_test_save_screenshot (fixture->window, name);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Instalments of 25 November 2026: 华为技术有限公司 (Zhang Wei's) owes 500.00 since 20 November,
 * 300.00 on 27 November and 200.00 on 20 December; Globex (Li Na's) 100.00 on 28 November.
 * The reminders look 3 days ahead, to 28 November; the Receivables list 30 days. */
static void
add_receivables (ViewFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  static const struct {
    gint64      customer_id;
    const char *number;
    const char *due_on[3];
    gint64      amounts[3];
  } contracts[] = {
    { 1, "HT-2026-0101", { "2026-11-20", "2026-11-27", "2026-12-20" }, { 50000, 30000, 20000 } },
    { 2, "HT-2026-0102", { "2026-11-28" }, { 10000 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (contracts); i++)
    {
      g_autoptr(SalesContract) draft = sales_contract_new ();
      g_autoptr(SalesContract) contract = NULL;
      g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 total = 0;

      for (guint j = 0; j < 3 && contracts[i].due_on[j] != NULL; j++)
        {
          SalesPaymentPlan *instalment = sales_payment_plan_new ();

          sales_payment_plan_set_due_on (instalment, contracts[i].due_on[j]);
          sales_payment_plan_set_amount_cents (instalment, contracts[i].amounts[j]);
          g_ptr_array_add (plan, instalment);
          total += contracts[i].amounts[j];
        }

      sales_contract_set_customer_id (draft, contracts[i].customer_id);
      sales_contract_set_number (draft, contracts[i].number);
      sales_contract_set_amount_cents (draft, total);
      sales_contract_set_signed_on (draft, "2026-10-01");
      contract = sales_store_create_contract (fixture->gui.store, draft, plan,
                                              SALES_PLAN_FLAGS_NONE, &error);
      g_assert_no_error (error);
    }
}

static void
test_receivables (ViewFixture   *fixture,
                  gconstpointer  data)
{
  SalesCollectionBar *bar = sales_followups_view_get_collection_bar (fixture->view);
  SalesReceivablesView *receivables;

  /* Nothing owed: no bar. */
  g_assert_cmpstr (sales_collection_bar_get_text (bar), ==, "");

  add_receivables (fixture);
  g_assert_cmpstr (sales_collection_bar_get_text (bar), ==,
                   "¥900 to collect: 1 instalment overdue, 2 due by 2026-11-28");

  /* Li Na's only, as the view's choice of rep says. */
  sales_followups_view_set_owner_id (fixture->view, 2);
  g_assert_cmpstr (sales_collection_bar_get_text (bar), ==,
                   "¥100 to collect: 1 due by 2026-11-28");

  /* Reminders 30 days ahead: the same instalment, counted up to a later day. */
  sales_settings_set_payment_reminder_days (fixture->gui.settings, 30);
  g_assert_cmpstr (sales_collection_bar_get_text (bar), ==,
                   "¥100 to collect: 1 due by 2026-12-25");
  sales_settings_set_payment_reminder_days (fixture->gui.settings, 3);

  /* Show Receivables: the list beside the follow-ups, 30 days ahead, for the same rep. */
  g_assert_null (sales_followups_view_get_receivables (fixture->view));
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.show-receivables", NULL);
  g_assert_cmpstr (sales_followups_view_get_mode (fixture->view), ==, "receivables");
  receivables = sales_followups_view_get_receivables (fixture->view);
  g_assert_nonnull (receivables);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      sales_receivables_view_get_list (receivables))), ==, 1);
  sales_followups_view_set_owner_id (fixture->view, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                      sales_receivables_view_get_list (receivables))), ==, 4);

  /* And back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->view), "followups.mode", "s", "follow-ups");
  g_assert_cmpstr (sales_followups_view_get_mode (fixture->view), ==, "follow-ups");
}

/* The Receivables list for a person to look at, in the test's language. */
static void
test_receivables_screenshot (ViewFixture   *fixture,
                             gconstpointer  data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("receivables-%s", language != NULL ? language : "C");
  g_autofree char *bar_name = g_strdup_printf ("collection-bar-%s",
                                               language != NULL ? language : "C");

  add_receivables (fixture);
  gui_test_wait_for_animations (fixture->window);
  g_free (gui_test_save_screenshot (fixture->window, bar_name));
  sales_followups_view_set_mode (fixture->view, "receivables");
  gui_test_wait_for_animations (fixture->window);
  g_free (gui_test_save_screenshot (fixture->window, name));
}

static SalesWindow *
main_window (SalesApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    {
      if (SALES_IS_WINDOW (l->data))
        return l->data;
    }

  g_assert_not_reached ();
}

/* What a click on a notification does, once the window is up. */
static void
check_notification_actions (SalesApplication *app)
{
  GActionGroup *group = G_ACTION_GROUP (app);
  SalesWindow *window = main_window (app);
  SalesCustomerPage *page;

  /* The actions activate the application again, as a click from the desktop would. */
  g_signal_handlers_disconnect_by_func (app, check_notification_actions, NULL);

  g_assert_cmpstr (sales_window_get_page (window), ==, "views");
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "pipeline");
  g_assert_true (g_action_group_has_action (group, "show-follow-ups"));

  /* Several follow-ups due: the Follow-ups view. */
  g_action_group_activate_action (group, "show-follow-ups", NULL);
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "follow-ups");

  /* One: its customer. */
  g_action_group_activate_action (group, "show-customer", g_variant_new_int64 (2));
  page = SALES_CUSTOMER_PAGE (sales_window_get_customer_page (window));
  g_assert_nonnull (page);
  g_assert_nonnull (sales_customer_page_get_customer (page));
  g_assert_cmpstr (sales_customer_get_name (sales_customer_page_get_customer (page)), ==,
                   "Globex");

  /* Several customers' instalments due: the Receivables list, beside the follow-ups. */
  g_action_group_activate_action (group, "show-receivables", NULL);
  g_assert_null (sales_window_get_customer_page (window));
  g_assert_cmpstr (sales_window_get_visible_view (window), ==, "follow-ups");
  g_assert_cmpstr (sales_followups_view_get_mode (SALES_FOLLOWUPS_VIEW (
                     adw_bin_get_child (ADW_BIN (gtk_widget_get_template_child (
                       GTK_WIDGET (window), SALES_TYPE_WINDOW, "follow_ups_page"))))),
                   ==, "receivables");

  g_action_group_activate_action (group, "quit", NULL);
}

static void
test_notification_actions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("sales-desk-followups-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "sales.db", NULL);
  g_autoptr(SalesApplication) app = NULL;

  g_assert_no_error (error);
  gui_test_reset_settings ();

  {
    g_autoptr(SalesDb) db = sales_db_open (path, &error);
    g_autoptr(SalesStore) store = NULL;
    g_autoptr(SalesCustomer) huawei = sales_customer_new ();
    g_autoptr(SalesCustomer) globex = sales_customer_new ();
    g_autoptr(SalesRecord) created = NULL;

    g_assert_no_error (error);
    store = sales_store_new (db);
    sales_customer_set_name (huawei, "华为技术有限公司");
    sales_customer_set_name (globex, "Globex");
    created = sales_store_create (store, SALES_RECORD (huawei), &error);
    g_assert_no_error (error);
    g_clear_object (&created);
    created = sales_store_create (store, SALES_RECORD (globex), &error);
    g_assert_no_error (error);
  }

  app = sales_application_new (path);
  g_signal_connect_after (app, "activate", G_CALLBACK (check_notification_actions), NULL);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 0, NULL), ==, 0);
  g_clear_object (&app);

  for (guint i = 0; i < 4; i++)
    {
      static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("SALES_DESK_LOCALEDIR");
  g_autoptr(GtkCssProvider) provider = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!gui_test_init (&argc, &argv))
    return 0;

  /* What AdwApplication loads from the resources for the app. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, ViewFixture, NULL, view_fixture_set_up, func, view_fixture_tear_down)

  ADD ("/followups-view/sections", test_sections);
  ADD ("/followups-view/owner-filter", test_owner_filter);
  ADD ("/followups-view/done-and-undo", test_done_and_undo);
  ADD ("/followups-view/reschedule", test_reschedule);
  ADD ("/followups-view/reschedule-presets", test_reschedule_presets);
  ADD ("/followups-view/screenshot", test_screenshot);
  ADD ("/followups-view/receivables", test_receivables);
  ADD ("/followups-view/receivables-screenshot", test_receivables_screenshot);

#undef ADD

  g_test_add_func ("/followups-view/notification-actions", test_notification_actions);

  return g_test_run ();
}
