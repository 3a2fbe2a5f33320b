/* test-dashboard.c: the Dashboard view on a small fixture, worked out by hand below
 *
 * The clock stands at Wednesday 2026-11-25 10:00 in Asia/Shanghai (the test environment's
 * zone), so the view opens on November 2026 and compares it with October. Stages are the
 * defaults (1 Lead 10 %, 2 Initial contact 20 %, 3 Needs confirmed 40 %, 4 Proposal 60 %,
 * 5 Negotiation 80 %, 6 Won, 7 Lost); lost reasons 1 Price too high, 2 Chose a competitor.
 *
 * Reps: 1 Zhang Wei, 2 Li Na. Targets for 2026-11: the team ¥20,000 base, ¥30,000 stretch,
 * 4 new customers; Zhang Wei ¥12,000, Li Na ¥6,000.
 * Customers: c1 华为 (Zhang, referral, created 10-05), c2 Globex (Li, website, 11-03),
 * c3 Acme (Zhang, website, 11-10).
 * Deals (times at noon):
 *   d1 Zhang c1 ¥10,000  11-02 Lead, 11-05 Proposal, 11-12 Won          (cycle 10 days)
 *   d2 Li    c2  ¥5,000  11-04 Lead, 11-08 Initial contact, 11-20 Won  (cycle 16 days)
 *   d3 Zhang c3  ¥3,000  11-11 Lead, 11-15 Lost (price)
 *   d4 Li    c2  ¥8,000  11-06 Lead, 11-16 Needs confirmed             open
 *   d5 Zhang c1  ¥4,000  10-10 Lead, 10-20 Won                          (cycle 10 days)
 *   d6 Li    c2  ¥2,000  10-12 Lead, 10-25 Lost (competitor)
 * Follow-ups: a1 Zhang c1 call due 11-10 10:00, done 09:00 (on time); a2 Li c2 visit due 11-12
 * 10:00, done 11-14 (late); a3 Zhang c1 service done 11-18, rated 4; a4 Li c2 service done
 * 11-19, rated 5.
 * Contract k1 of d5 (c1, ¥4,000, signed 10-21): ¥2,000 due 10-31 and ¥2,000 due 11-15;
 * ¥2,000 received 11-02.
 *
 * So November, for the team:
 *   won        ¥15,000 (d1 + d2), 2 deals; 75% of ¥20,000, 50% of ¥30,000;
 *              October ¥4,000: +275%
 *   pipeline   d4 open in Needs confirmed: ¥8,000 × 40% = ¥3,200; October none: +¥3,200
 *   win rate   2 won of 3 closed: 67%; October 1 of 2, 50%: +16.7 pts
 *   cycle      (10 + 16) / 2 = 13.0 days; October 10.0: +3.0 days, for the worse
 *   new cust.  c2 and c3: 2, 50% of 4; October c1: 1, +100%
 *   on time    a1 and a2 due, a1 on time: 50%; October none due: nothing to compare with
 *   collected  ¥2,000; October nothing: +¥2,000
 *   overdue    due by 11-30 ¥4,000, received ¥2,000: ¥2,000; October ¥2,000 due, none
 *              received: ¥2,000, the same
 *   satisf.    (4 + 5) / 2 = 4.5 of 5
 *   churn      c1 had a deal won before November and was in touch since: 0.0%
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "gui-test-util.h"
#include "sales-board.h"
#include "sales-dashboard.h"
#include "sales-window.h"

typedef struct
{
  GuiFixture      gui;
  gint64          now;
  GtkWidget      *window;
  SalesDashboard *dashboard;
} DashboardFixture;

static gint64
at (int month,
    int day,
    int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
fixture_clock (gpointer user_data)
{
  return ((DashboardFixture *)user_data)->now;
}

static void
exec (DashboardFixture *fixture,
      const char       *format,
      ...) G_GNUC_PRINTF (2, 3);

static void
exec (DashboardFixture *fixture,
      const char       *format,
      ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  sales_db_exec (fixture->gui.db, sql, &error);
  g_assert_no_error (error);
}

/* A deal and its history: stage, day, stage, day, … 0; months and days of 2026 at noon. */
static void
add_deal (DashboardFixture *fixture,
          int               id,
          int               owner,
          int               customer,
          gint64            cents,
          int               lost_reason,
          ...)
{
  gint64 created = 0, changed = 0;
  int stage, from = 0;
  va_list args;

  va_start (args, lost_reason);
  while ((stage = va_arg (args, int)) != 0)
    {
      int month = va_arg (args, int);
      int day = va_arg (args, int);

      changed = at (month, day, 12);
      if (created == 0)
        {
          created = changed;
          exec (fixture, "INSERT INTO deal (id, title, customer_id, owner_id, stage_id, "
                "amount_cents, created_at, stage_changed_at) VALUES (%d, 'Deal %d', %d, %d, "
                "%d, %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                id, id, customer, owner, stage, cents, created, created);
        }
      exec (fixture, "INSERT INTO deal_stage_history (deal_id, from_stage_id, to_stage_id, "
            "changed_at) VALUES (%d, nullif(%d, 0), %d, %" G_GINT64_FORMAT ")",
            id, from, stage, changed);
      from = stage;
    }
  va_end (args);

  exec (fixture, "UPDATE deal SET stage_id = %d, stage_changed_at = %" G_GINT64_FORMAT ", "
        "closed_at = CASE WHEN %d >= 6 THEN %" G_GINT64_FORMAT " END, "
        "lost_reason_id = nullif(%d, 0) WHERE id = %d",
        from, changed, from, changed, lost_reason, id);
}

static void
build_fixture (DashboardFixture *fixture)
{
  exec (fixture, "INSERT INTO rep (id, name) VALUES (1, 'Zhang Wei'), (2, 'Li Na')");
  exec (fixture, "INSERT INTO target (owner_id, month, amount_cents, stretch_cents, "
        "new_customers) VALUES (NULL, '2026-11', 2000000, 3000000, 4), "
        "(1, '2026-11', 1200000, 0, 0), (2, '2026-11', 600000, 0, 0)");
  exec (fixture, "INSERT INTO customer (id, name, owner_id, source, created_at, updated_at) "
        "VALUES (1, '华为', 1, 'referral', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), "
        "(2, 'Globex', 2, 'website', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "), "
        "(3, 'Acme', 1, 'website', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
        at (10, 5, 12), at (10, 5, 12), at (11, 3, 12), at (11, 3, 12), at (11, 10, 12),
        at (11, 10, 12));

  add_deal (fixture, 1, 1, 1, 1000000, 0, 1, 11, 2, 4, 11, 5, 6, 11, 12, 0);
  add_deal (fixture, 2, 2, 2, 500000, 0, 1, 11, 4, 2, 11, 8, 6, 11, 20, 0);
  add_deal (fixture, 3, 1, 3, 300000, 1, 1, 11, 11, 7, 11, 15, 0);
  add_deal (fixture, 4, 2, 2, 800000, 0, 1, 11, 6, 3, 11, 16, 0);
  add_deal (fixture, 5, 1, 1, 400000, 0, 1, 10, 10, 6, 10, 20, 0);
  add_deal (fixture, 6, 2, 2, 200000, 2, 1, 10, 12, 7, 10, 25, 0);

  exec (fixture, "INSERT INTO activity (customer_id, owner_id, kind, due_at, done_at, "
        "satisfaction) VALUES "
        "(1, 1, 'call', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL), "
        "(2, 2, 'visit', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", NULL), "
        "(1, 1, 'service', NULL, %" G_GINT64_FORMAT ", 4), "
        "(2, 2, 'service', NULL, %" G_GINT64_FORMAT ", 5)",
        at (11, 10, 10), at (11, 10, 9), at (11, 12, 10), at (11, 14, 10),
        at (11, 18, 10), at (11, 19, 10));

  exec (fixture, "INSERT INTO contract (id, customer_id, deal_id, number, amount_cents, "
        "signed_on) VALUES (1, 1, 5, 'K-1', 400000, '2026-10-21')");
  exec (fixture, "INSERT INTO payment_plan (contract_id, due_on, amount_cents) VALUES "
        "(1, '2026-10-31', 200000), (1, '2026-11-15', 200000)");
  exec (fixture, "INSERT INTO payment (contract_id, received_on, amount_cents) VALUES "
        "(1, '2026-11-02', 200000)");
}

static void
wait_until_loaded (DashboardFixture *fixture)
{
  /* The figures come from a worker thread; the view says when it has all it needs. */
  while (sales_dashboard_get_loading (fixture->dashboard) ||
         sales_dashboard_get_kpi (fixture->dashboard) == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_set_up (DashboardFixture *fixture,
                gconstpointer     data)
{
  gui_fixture_set_up (&fixture->gui, data);
  fixture->now = at (11, 25, 10);
  sales_store_set_clock (fixture->gui.store, fixture_clock, fixture, NULL);
  sales_settings_set_first_run_dismissed (fixture->gui.settings, TRUE);
  build_fixture (fixture);

  fixture->window = GTK_WIDGET (sales_window_new (NULL, fixture->gui.settings,
                                                  fixture->gui.store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1000);
  sales_window_set_visible_view (SALES_WINDOW (fixture->window), "dashboard");
  gui_test_wait_for_frame (fixture->window);
}

static gpointer
find_widget (GtkWidget *widget,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
open_dashboard (DashboardFixture *fixture)
{
  fixture->dashboard = find_widget (fixture->window, SALES_TYPE_DASHBOARD);
  g_assert_nonnull (fixture->dashboard);
  wait_until_loaded (fixture);
}

static void
fixture_tear_down (DashboardFixture *fixture,
                   gconstpointer     data)
{
  gui_test_destroy_window (fixture->window);
  gui_fixture_tear_down (&fixture->gui, data);
}

static void
assert_tile (DashboardFixture *fixture,
             const char       *name,
             const char       *value,
             const char       *change,
             SalesKpiTileMood  mood)
{
  SalesKpiTile *tile = sales_dashboard_get_tile (fixture->dashboard, name);

  g_assert_cmpstr (sales_kpi_tile_get_value (tile), ==, value);
  g_assert_cmpstr (sales_kpi_tile_get_change (tile), ==, change);
  g_assert_cmpint (sales_kpi_tile_get_mood (tile), ==, mood);
}

static void
test_tiles (DashboardFixture *fixture,
            gconstpointer     data)
{
  SalesKpiTile *won;

  open_dashboard (fixture);
  g_assert_cmpstr (sales_dashboard_get_period_label (fixture->dashboard), ==, "November 2026");

  assert_tile (fixture, "won", "¥15,000", "+275% vs. last month", SALES_KPI_TILE_GOOD);
  won = sales_dashboard_get_tile (fixture->dashboard, "won");
  g_assert_cmpfloat_with_epsilon (sales_kpi_tile_get_progress (won, 0), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (sales_kpi_tile_get_progress (won, 1), 0.5, 1e-9);
  g_assert_cmpstr (sales_kpi_tile_get_detail (won), ==, "2 deals won");

  assert_tile (fixture, "pipeline", "¥3,200", "+¥3,200 vs. last month", SALES_KPI_TILE_GOOD);
  assert_tile (fixture, "win-rate", "67%", "+16.7 pts vs. last month", SALES_KPI_TILE_GOOD);
  assert_tile (fixture, "cycle", "13.0 days", "+3.0 days vs. last month", SALES_KPI_TILE_BAD);
  assert_tile (fixture, "new-customers", "2", "+100% vs. last month", SALES_KPI_TILE_GOOD);
  g_assert_cmpfloat_with_epsilon (
    sales_kpi_tile_get_progress (sales_dashboard_get_tile (fixture->dashboard, "new-customers"),
                                 0), 0.5, 1e-9);
  assert_tile (fixture, "timeliness", "50%", "Nothing to compare with", SALES_KPI_TILE_NEUTRAL);
  assert_tile (fixture, "collected", "¥2,000", "+¥2,000 vs. last month", SALES_KPI_TILE_GOOD);
  assert_tile (fixture, "overdue", "¥2,000", "Same as last month", SALES_KPI_TILE_NEUTRAL);
  assert_tile (fixture, "satisfaction", "4.5 of 5", "Nothing to compare with",
               SALES_KPI_TILE_NEUTRAL);
  assert_tile (fixture, "churn", "0.0%", "Nothing to compare with", SALES_KPI_TILE_NEUTRAL);

  /* The ranking: Zhang Wei ¥10,000 of ¥12,000 first, then Li Na ¥5,000 of ¥6,000. */
  {
    SalesChart *ranking = sales_dashboard_get_chart (fixture->dashboard, "ranking");

    g_assert_cmpuint (sales_chart_get_n_items (ranking), ==, 2);
    g_assert_cmpstr (sales_chart_get_item (ranking, 0)->label, ==, "Zhang Wei");
    g_assert_cmpfloat (sales_chart_get_item (ranking, 0)->value, ==, 1000000);
    g_assert_cmpfloat (sales_chart_get_item (ranking, 0)->target, ==, 1200000);
    g_assert_cmpstr (sales_chart_get_item (ranking, 1)->summary, ==,
                     "Li Na: won ¥5,000 of target ¥6,000 (83%)");
  }
}

static void
test_navigation (DashboardFixture *fixture,
                 gconstpointer     data)
{
  GtkWidget *widget;

  open_dashboard (fixture);
  widget = GTK_WIDGET (fixture->dashboard);

  gtk_widget_activate_action (widget, "dashboard.previous", NULL);
  g_assert_cmpstr (sales_dashboard_get_period_label (fixture->dashboard), ==, "October 2026");
  wait_until_loaded (fixture);
  /* October's own figures, compared with September's. */
  assert_tile (fixture, "won", "¥4,000", "+¥4,000 vs. last month", SALES_KPI_TILE_GOOD);

  {
    SalesKpiPeriod quarter;

    sales_kpi_period_init (&quarter, SALES_KPI_QUARTER, 2026, 10);
    sales_dashboard_set_period (fixture->dashboard, &quarter);
  }
  g_assert_cmpstr (sales_dashboard_get_period_label (fixture->dashboard), ==, "Q4 2026");
  wait_until_loaded (fixture);
  /* October and November: ¥4,000 + ¥15,000. */
  assert_tile (fixture, "won", "¥19,000", "+¥19,000 vs. last quarter", SALES_KPI_TILE_GOOD);

  gtk_widget_activate_action (widget, "dashboard.next", NULL);
  g_assert_cmpstr (sales_dashboard_get_period_label (fixture->dashboard), ==, "Q1 2027");

  gtk_widget_activate_action (widget, "dashboard.this-month", NULL);
  g_assert_cmpstr (sales_dashboard_get_period_label (fixture->dashboard), ==, "November 2026");
  wait_until_loaded (fixture);
  assert_tile (fixture, "won", "¥15,000", "+275% vs. last month", SALES_KPI_TILE_GOOD);
}

static void
test_rep_and_stage (DashboardFixture *fixture,
                    gconstpointer     data)
{
  SalesChart *ranking, *funnel;
  SalesBoard *board;

  open_dashboard (fixture);

  /* A click on Li Na's bar: her figures. She won d2 in November and lost d6 in October. */
  ranking = sales_dashboard_get_chart (fixture->dashboard, "ranking");
  sales_chart_activate_item (ranking, 1);
  g_assert_cmpint (sales_dashboard_get_rep_id (fixture->dashboard), ==, 2);
  wait_until_loaded (fixture);
  assert_tile (fixture, "won", "¥5,000", "+¥5,000 vs. last month", SALES_KPI_TILE_GOOD);
  assert_tile (fixture, "win-rate", "100%", "+100.0 pts vs. last month", SALES_KPI_TILE_GOOD);

  /* A click on the funnel's second stage: the board, on Li Na's deals, at that stage. */
  funnel = sales_dashboard_get_chart (fixture->dashboard, "funnel");
  g_assert_cmpint (sales_chart_get_item (funnel, 1)->id, ==, 2);
  sales_chart_activate_item (funnel, 1);
  g_assert_cmpstr (sales_window_get_visible_view (SALES_WINDOW (fixture->window)), ==,
                   "pipeline");
  board = find_widget (fixture->window, SALES_TYPE_BOARD);
  g_assert_nonnull (board);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)),
                                         GTK_WIDGET (sales_board_get_column_for_stage (board,
                                                                                       2))));
  g_assert_cmpint (sales_deal_filter_get_owner_id (sales_board_get_filter (board)), ==, 2);

  /* The board shows that stage alone, and "All Stages" brings the others back. */
  g_assert_cmpint (sales_deal_filter_get_stage_id (sales_board_get_filter (board)), ==, 2);
  for (guint i = 0; i < sales_board_get_n_columns (board); i++)
    {
      SalesBoardColumn *column = sales_board_get_column (board, i);
      gint64 id = sales_record_get_id (SALES_RECORD (sales_board_column_get_stage (column)));

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (column)), ==, id == 2);
    }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (board),
                                                                            SALES_TYPE_BOARD,
                                                                            "stage_dropdown")),
                              0);
  g_assert_cmpint (sales_deal_filter_get_stage_id (sales_board_get_filter (board)), ==, 0);
  for (guint i = 0; i < sales_board_get_n_columns (board); i++)
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sales_board_get_column (board, i))));
}

static void
test_live_update (DashboardFixture *fixture,
                  gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDeal) deal = NULL;

  open_dashboard (fixture);

  /* d4 (¥8,000, Li Na) won today: ¥15,000 + ¥8,000, and nothing open any more. */
  deal = sales_store_get_deal (fixture->gui.store, 4, &error);
  g_assert_no_error (error);
  g_assert_true (sales_store_mark_won (fixture->gui.store, deal, 800000, &error));
  g_assert_no_error (error);

  while (!g_str_equal (sales_kpi_tile_get_value (sales_dashboard_get_tile (fixture->dashboard,
                                                                           "won")),
                       "¥23,000"))
    g_main_context_iteration (NULL, TRUE);
  wait_until_loaded (fixture);
  assert_tile (fixture, "pipeline", "¥0", "Same as last month", SALES_KPI_TILE_NEUTRAL);

  /* A new team target for November (Sales Targets window): ¥23,000 of ¥46,000 is half. */
  {
    const SalesTarget team = { 4600000, 6900000, 4 };
    SalesKpiTile *won = sales_dashboard_get_tile (fixture->dashboard, "won");

    /* Past the old target of ¥20,000: the bar is full. */
    g_assert_cmpfloat_with_epsilon (sales_kpi_tile_get_progress (won, 0), 1.0, 1e-9);
    g_assert_true (sales_store_set_targets (fixture->gui.store, 0, "2026-11", &team, 1,
                                            &error));
    g_assert_no_error (error);
    while (ABS (sales_kpi_tile_get_progress (won, 0) - 0.5) > 1e-9)
      g_main_context_iteration (NULL, TRUE);
    wait_until_loaded (fixture);
    g_assert_cmpfloat_with_epsilon (sales_kpi_tile_get_progress (won, 1), 23000.0 / 69000.0,
                                    1e-9);
  }
}

static void
test_screenshot (DashboardFixture *fixture,
                 gconstpointer     data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *light = g_strdup_printf ("dashboard-%s", language ? language : "en");
  g_autofree char *dark = g_strdup_printf ("dashboard-%s-dark", language ? language : "en");

  open_dashboard (fixture);
  gui_test_wait_for_animations (fixture->window);
  g_free (gui_test_save_screenshot (fixture->window, light));

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gui_test_wait_for_animations (fixture->window);
  g_free (gui_test_save_screenshot (fixture->window, dark));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* On the sample data, as a person first sees it: the pictures for the README. */
static void
demo_set_up (DashboardFixture *fixture,
             gconstpointer     data)
{
  g_autoptr(GError) error = NULL;
  SalesDemoOptions options;

  gui_fixture_set_up (&fixture->gui, data);
  fixture->now = at (11, 25, 10);
  sales_store_set_clock (fixture->gui.store, fixture_clock, fixture, NULL);
  sales_settings_set_first_run_dismissed (fixture->gui.settings, TRUE);

  sales_demo_options_init (&options);
  options.seed = 1;
  options.now = fixture->now;
  options.deals = 4000;
  options.reps = 8;
  g_assert_true (sales_store_seed_demo (fixture->gui.store, &options, NULL, NULL, NULL, NULL,
                                        &error));
  g_assert_no_error (error);

  fixture->window = GTK_WIDGET (sales_window_new (NULL, fixture->gui.settings,
                                                  fixture->gui.store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 1480);
  sales_window_set_visible_view (SALES_WINDOW (fixture->window), "dashboard");
  gui_test_wait_for_frame (fixture->window);
}

static void
test_demo_screenshot (DashboardFixture *fixture,
                      gconstpointer     data)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *name = g_strdup_printf ("dashboard-demo-%s", language ? language : "en");
  SalesChart *trend;

  open_dashboard (fixture);
  /* A year of history: every month of the trend has something won. */
  trend = sales_dashboard_get_chart (fixture->dashboard, "trend");
  g_assert_cmpuint (sales_chart_get_n_items (trend), ==, 12);
  for (guint i = 0; i < 12; i++)
    g_assert_cmpfloat (sales_chart_get_item (trend, i)->value, >, 0);

  gui_test_wait_for_animations (fixture->window);
  g_free (gui_test_save_screenshot (fixture->window, name));
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

  /* What GtkApplication loads for the app, so that the screenshots look like it. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, RESOURCE_PREFIX "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

#define ADD(path, func) \
  g_test_add (path, DashboardFixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/dashboard/tiles", test_tiles);
  ADD ("/dashboard/navigation", test_navigation);
  ADD ("/dashboard/rep-and-stage", test_rep_and_stage);
  ADD ("/dashboard/live-update", test_live_update);
  ADD ("/dashboard/screenshot/fixture", test_screenshot);
  g_test_add ("/dashboard/screenshot/demo", DashboardFixture, NULL, demo_set_up,
              test_demo_screenshot, fixture_tear_down);

  return g_test_run ();
}
