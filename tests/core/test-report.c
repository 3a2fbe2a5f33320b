/* test-report.c: the monthly summary, through the built sales-desk and the renderer
 *
 * The sample data of a fixed day (2026-11-15) gives October 2026 a full month of deals,
 * follow-ups and payments. The summary's PDF (read back with poppler's pdftotext and pdffonts)
 * must show the figures `--kpi 2026-10 --json` prints, written here by hand in the forms the
 * summary uses; tables must continue on the next page under their header; and no box may
 * leave the margins. Pages are also rendered to PNG (tests/report-pages in the build folder)
 * for a person to look at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "test-util.h"

static void
seed (Fixture *f,
      guint    reps,
      guint    deals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 11, 15, 12, 0, 0);
  SalesDemoOptions options;

  sales_demo_options_init (&options);
  options.reps = reps;
  options.deals = deals;
  options.now = g_date_time_to_unix (now);
  g_assert_true (sales_store_seed_demo (f->store, &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* The command line's output; stderr in @err. */
static char *
run (int         *status,
     char       **err,
     const char  *first,
     ...) G_GNUC_NULL_TERMINATED;

static char *
run (int         *status,
     char       **err,
     const char  *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, err,
                status, &error);
  g_assert_no_error (error);
  return out;
}

static char *
pdf_text (const char *pdf,
          int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  int status;

  if (page > 0)
    return run (&status, NULL, "pdftotext", "-layout", "-f", first, "-l", first, pdf, "-", NULL);
  return run (&status, NULL, "pdftotext", "-layout", pdf, "-", NULL);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = NULL;
  int status;
  const char *line;

  info = run (&status, NULL, "pdfinfo", pdf, NULL);
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* Amounts as a person writes them: ¥, thousands by commas, cents only when there are some. */
static char *
money (gint64 cents)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autofree char *whole = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (cents) / 100);
  int len = strlen (whole);

  for (int i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (digits, ',');
      g_string_append_c (digits, whole[i]);
    }
  if (ABS (cents) % 100 != 0)
    g_string_append_printf (digits, ".%02d", (int)(ABS (cents) % 100));
  return g_strdup_printf ("%s¥%s", cents < 0 ? "-" : "", digits->str);
}

static char *
count (gint64 n)
{
  g_autofree char *amount = money (n * 100);

  return g_strdup (amount + strlen ("¥"));
}

static char *
percent (JsonObject *o,
         const char *key)
{
  double rate;

  if (json_object_get_null_member (o, key))
    return g_strdup ("—");
  rate = json_object_get_double_member (o, key);
  return fabs (rate) < 0.1 ? g_strdup_printf ("%.1f%%", rate * 100)
                           : g_strdup_printf ("%.0f%%", rate * 100);
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the summary's text:\n%s", part, text);
}

/* The line of the reps' table that starts with @name after the rank. */
static const char *
find_row (char       **lines,
          const char  *rank,
          const char  *name)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (lines[i]));
      g_autofree char *start = g_strdup_printf ("%s %s ", rank, name);

      if (g_str_has_prefix (stripped, start))
        return lines[i];
    }
  return NULL;
}

static JsonObject *
kpi_json (JsonParser *parser,
          const char *db,
          const char *rep)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  out = rep != NULL
        ? run (&status, NULL, g_getenv ("SALES_DESK"), "--db", db, "--kpi", "2026-10", "--rep",
               rep, "--json", NULL)
        : run (&status, NULL, g_getenv ("SALES_DESK"), "--db", db, "--kpi", "2026-10", "--json",
               NULL);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
expect_figures (const char *text,
                JsonObject *k)
{
  struct { const char *key; gboolean amount; } whole[] = {
    { "won_amount", TRUE }, { "target_amount", TRUE }, { "stretch_target_amount", TRUE },
    { "weighted_open_amount", TRUE }, { "open_amount", TRUE }, { "collected_amount", TRUE },
    { "overdue_amount", TRUE }, { "won_count", FALSE }, { "lost_count", FALSE },
    { "new_deals", FALSE }, { "new_customers", FALSE }, { "activities_done", FALSE },
  };
  const char *rates[] = { "win_rate", "attainment", "stretch_attainment",
                          "followup_on_time_rate", "new_customers_attainment" };

  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      gint64 value = json_object_get_int_member (k, whole[i].key);
      g_autofree char *written = whole[i].amount ? money (value) : count (value);

      assert_contains (text, written);
    }
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    {
      g_autofree char *written = percent (k, rates[i]);

      assert_contains (text, written);
    }
  if (!json_object_get_null_member (k, "avg_cycle_days"))
    {
      g_autofree char *days = g_strdup_printf ("%.1f days",
                                               json_object_get_double_member (k, "avg_cycle_days"));

      assert_contains (text, days);
    }
  if (!json_object_get_null_member (k, "avg_satisfaction"))
    {
      g_autofree char *score = g_strdup_printf ("%.1f of 5",
                                                json_object_get_double_member (k,
                                                                               "avg_satisfaction"));

      assert_contains (text, score);
    }
}

/* Every figure of `--kpi --json` is in the PDF of `--report`, the reps' ones on their rows. */
static void
test_figures (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "october.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *k;
  JsonArray *reps;
  int status;

  if (g_getenv ("SALES_DESK") == NULL)
    {
      g_test_skip ("SALES_DESK is not set to the built sales-desk");
      return;
    }
  seed (f, 5, 1500);

  g_free (run (&status, &err, g_getenv ("SALES_DESK"), "--db", f->path, "--report", "2026-10",
               "--output", pdf, NULL));
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  text = pdf_text (pdf, 0);
  k = kpi_json (parser, f->path, NULL);
  g_assert_cmpint (json_object_get_int_member (k, "won_count"), >, 0);
  assert_contains (text, "October 2026");
  assert_contains (text, "Whole team");
  expect_figures (text, k);

  reps = json_object_get_array_member (k, "by_rep");
  g_assert_cmpuint (json_array_get_length (reps), ==, 5);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; i < json_array_get_length (reps); i++)
    {
      JsonObject *rep = json_array_get_object_element (reps, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);
      g_autofree char *won = money (json_object_get_int_member (rep, "won_amount"));
      g_autofree char *collected = money (json_object_get_int_member (rep, "collected_amount"));
      g_autofree char *attainment = percent (rep, "attainment");
      g_autofree char *win_rate = percent (rep, "win_rate");
      const char *row = find_row (lines, rank, json_object_get_string_member (rep, "name"));

      /* Ranked as the JSON ranks them, by the amount won. */
      g_assert_nonnull (row);
      assert_contains (row, won);
      assert_contains (row, collected);
      assert_contains (row, attainment);
      assert_contains (row, win_rate);
    }
  {
    const char *total = strstr (text, "Team total");
    g_autofree char *won = money (json_object_get_int_member (k, "won_amount"));
    g_autofree char *line = NULL;

    g_assert_nonnull (total);
    line = g_strndup (total, strcspn (total, "\n"));
    assert_contains (line, won);
  }
}

/* The summary of one rep has that rep's figures. */
static void
test_one_rep (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "rep.pdf", NULL);
  g_autofree char *text = NULL;
  JsonObject *k;
  int status;

  if (g_getenv ("SALES_DESK") == NULL)
    {
      g_test_skip ("SALES_DESK is not set to the built sales-desk");
      return;
    }
  seed (f, 5, 1500);
  g_free (run (&status, NULL, g_getenv ("SALES_DESK"), "--db", f->path, "--report", "2026-10",
               "--rep", "2", "--output", pdf, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  text = pdf_text (pdf, 0);
  k = kpi_json (parser, f->path, "2");
  assert_contains (text, "Sales rep");
  expect_figures (text, k);
  g_assert_null (strstr (text, "Team total"));
}

static SalesReport *
make_report (Fixture    *f,
             gint64      rep_id,
             const char *month)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesReportData) data = NULL;
  g_autoptr(GDateTime) printed = g_date_time_new_local (2026, 11, 16, 9, 0, 0);
  SalesKpiPeriod period;
  SalesReport *report;

  g_assert_true (sales_kpi_period_parse (&period, month, NULL));
  data = sales_report_data_collect (f->db, &period, rep_id, &error);
  g_assert_no_error (error);
  report = sales_report_new (data);
  sales_report_set_company_name (report, "Acme Trading 上海贸易有限公司");
  sales_report_set_printed_at (report, printed);
  return report;
}

/* Every box on every page lies within the margins. */
static void
assert_inside_margins (SalesReport *report,
                       double       width,
                       double       height)
{
  const double m = SALES_REPORT_MARGIN;
  guint n_boxes = 0;

  for (guint page = 0; page < sales_report_get_n_pages (report); page++)
    {
      g_autoptr(GArray) boxes = sales_report_get_boxes (report, page);

      for (guint i = 0; i < boxes->len; i++)
        {
          const SalesReportBox *b = &g_array_index (boxes, SalesReportBox, i);

          if (b->x < m - 0.01 || b->y < m - 0.01 || b->x + b->width > width - m + 0.01 ||
              b->y + b->height > height - m + 0.01)
            g_error ("page %u: a %s box at %.2f, %.2f, %.2f × %.2f leaves the margins",
                     page + 1, b->role, b->x, b->y, b->width, b->height);
          n_boxes++;
        }
    }
  g_assert_cmpuint (n_boxes, >, 100);
}

static void
write_pages (SalesReport *report,
             const char  *pdf,
             const char  *name)
{
  g_autofree char *dir = g_build_filename (g_getenv ("SALES_DESK_TEST_OUTPUT") != NULL
                                           ? g_getenv ("SALES_DESK_TEST_OUTPUT") : ".",
                                           "report-pages", NULL);
  g_autofree char *prefix = g_build_filename (dir, name, NULL);
  int status;

  g_mkdir_with_parents (dir, 0755);
  g_free (run (&status, NULL, "pdftoppm", "-r", "80", "-png", pdf, prefix, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

/* With 60 reps the reps' table continues on the next page under its header, every page says
 * "Page i of n", and nothing leaves the margins, on A4 and Letter. */
static void
test_page_breaks (Fixture       *f,
                  gconstpointer  data)
{
  guint n_reps = GPOINTER_TO_UINT (data);
  SalesReportPaper papers[] = { SALES_REPORT_PAPER_A4, SALES_REPORT_PAPER_LETTER };
  g_autoptr(SalesReport) report = NULL;
  g_autoptr(GError) error = NULL;

  seed (f, n_reps, n_reps * 60);
  report = make_report (f, 0, "2026-10");
  sales_report_set_language (report, "en");

  for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
    {
      g_autofree char *name = g_strdup_printf ("en-%ureps-%s", n_reps, p == 0 ? "a4" : "letter");
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", f->dir, name);
      g_autofree char *first = NULL;
      guint table_page = 0;
      guint total_page = 0;
      double width, height;
      int n_pages;

      g_assert_true (sales_report_write_pdf (report, papers[p], pdf, &error));
      g_assert_no_error (error);
      sales_report_paper_size (papers[p], &width, &height);
      assert_inside_margins (report, width, height);
      n_pages = pdf_pages (pdf);
      g_assert_cmpint (n_pages, ==, (int)sales_report_get_n_pages (report));
      write_pages (report, pdf, name);

      for (int page = 1; page <= n_pages; page++)
        {
          g_autofree char *text = pdf_text (pdf, page);
          g_autofree char *footer = g_strdup_printf ("Page %d of %d", page, n_pages);

          assert_contains (text, footer);
          if (strstr (text, "Team total") != NULL)
            total_page = page;
          if (strstr (text, "Sales Reps, by Amount Won") != NULL)
            table_page = page;
          /* A page with rows of the reps' table has the table's header. */
          if (table_page > 0 && total_page == 0 && page > (int)table_page)
            {
              assert_contains (text, "Attainment");
              assert_contains (text, "Collected");
            }
        }
      g_assert_cmpuint (table_page, >, 0);
      if (n_reps <= 5)
        {
          /* Five reps: the table on one page, the whole summary on three. */
          g_assert_cmpuint (total_page, ==, table_page);
          g_assert_cmpint (n_pages, <=, 3);
        }
      else
        {
          g_assert_cmpuint (total_page, >, table_page);
        }
      if (n_reps > 5)
        g_assert_cmpint (n_pages, >=, 4);
    }

  /* Every rep is in the table once, whichever page it is on. */
  {
    g_autofree char *pdf = g_build_filename (f->dir, "en-60reps-a4.pdf", NULL);

    if (n_reps > 5)
      {
        g_autofree char *text = pdf_text (pdf, 0);
        g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
        SalesKpi *kpi = sales_report_get_data (report)->kpi;

        for (guint i = 0; i < kpi->by_rep->len; i++)
          {
            const SalesKpiFigures *rep = g_ptr_array_index (kpi->by_rep, i);
            g_autofree char *rank = g_strdup_printf ("%u", i + 1);

            g_assert_nonnull (find_row (lines, rank, rep->rep_name));
          }
      }
  }
}

/* Chinese summaries embed subsets of the Simplified or Traditional Noto Sans CJK. */
static void
test_chinese (Fixture       *f,
              gconstpointer  data)
{
  const char *languages[] = { "zh_CN", "zh_TW" };
  const char *fonts[] = { "NotoSansCJKsc", "NotoSansCJKtc" };
  g_autoptr(SalesReport) report = NULL;
  g_autoptr(GError) error = NULL;

  seed (f, 8, 2000);
  report = make_report (f, 0, "2026-10");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s-8reps-a4", languages[i]);
      g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", f->dir, name);
      g_autofree char *listing = NULL;
      g_autofree char *text = NULL;
      g_auto(GStrv) lines = NULL;
      gboolean embedded = FALSE;
      int status;

      sales_report_set_language (report, languages[i]);
      g_assert_true (sales_report_write_pdf (report, SALES_REPORT_PAPER_A4, pdf, &error));
      g_assert_no_error (error);
      assert_inside_margins (report, 595.27, 841.88);

      listing = run (&status, NULL, "pdffonts", pdf, NULL);
      lines = g_strsplit (listing, "\n", -1);
      for (guint l = 2; lines[l] != NULL; l++)
        {
          if (*lines[l] == '\0')
            continue;
          /* Every font is embedded ("emb" and "sub" say yes) as a subset (ABCDEF+Name). */
          g_assert_nonnull (strchr (lines[l], '+'));
          g_assert_nonnull (strstr (lines[l], " yes yes "));
          if (strstr (lines[l], fonts[i]) != NULL)
            embedded = TRUE;
        }
      g_assert_true (embedded);

      text = pdf_text (pdf, 1);
      assert_contains (text, i == 0 ? "月度销售总结" : "月度銷售總結");
      assert_contains (text, "2026年10月");
      write_pages (report, pdf, name);
    }
}

/* A month with nothing in it still gives a document, which says so. */
static void
test_empty_month (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SalesReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *text = NULL;

  seed (f, 3, 300);
  report = make_report (f, 0, "2020-01");
  sales_report_set_language (report, "en");
  g_assert_true (sales_report_write_pdf (report, SALES_REPORT_PAPER_A4, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), >=, 1);
  text = pdf_text (pdf, 0);
  assert_contains (text, "Nothing happened in January 2020");
  assert_contains (text, "No deal was won this month.");
  assert_contains (text, "Page 1 of");
}

static void
assert_fails (const char *dir,
              const char *expected,
              const char *first,
              ...) G_GNUC_NULL_TERMINATED;

/* The command line fails with one line that mentions @expected, and leaves no file in @dir but
 * the database's. */
static void
assert_fails (const char *dir,
              const char *expected,
              const char *first,
              ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *name;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("SALES_DESK"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, NULL, 0, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, expected) == NULL)
    g_error ("“%s” is not in the error “%s”", expected, err);
  g_assert_cmpint (strchr (err, '\n') - err, ==, strlen (err) - 1);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_true (g_str_equal (name, "data") || g_str_equal (name, "folder.pdf"));
}

static void
test_cli_errors (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "out.pdf", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *unwritable = g_build_filename (f->dir, "no", "such", "folder", "x.pdf", NULL);

  if (g_getenv ("SALES_DESK") == NULL)
    {
      g_test_skip ("SALES_DESK is not set to the built sales-desk");
      return;
    }
  seed (f, 3, 300);
  g_mkdir (folder, 0755);

  assert_fails (f->dir, "2026-13", "--db", f->path, "--report", "2026-13", "--output", pdf, NULL);
  assert_fails (f->dir, "2026-Q4", "--db", f->path, "--report", "2026-Q4", "--output", pdf, NULL);
  assert_fails (f->dir, "99", "--db", f->path, "--report", "2026-10", "--rep", "99", "--output",
                pdf, NULL);
  assert_fails (f->dir, "--output", "--db", f->path, "--report", "2026-10", NULL);
  assert_fails (f->dir, "x.pdf", "--db", f->path, "--report", "2026-10", "--output", unwritable,
                NULL);
  assert_fails (f->dir, "folder.pdf", "--db", f->path, "--report", "2026-10", "--output", folder,
                NULL);
  assert_fails (f->dir, "missing.db", "--db", missing, "--report", "2026-10", "--output", pdf,
                NULL);
  assert_fails (f->dir, "legal", "--db", f->path, "--report", "2026-10", "--paper", "legal",
                "--output", pdf, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/report/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/report/one-rep", Fixture, NULL, fixture_set_up, test_one_rep, fixture_tear_down);
  g_test_add ("/report/page-breaks/5", Fixture, GUINT_TO_POINTER (5), fixture_set_up,
              test_page_breaks, fixture_tear_down);
  g_test_add ("/report/page-breaks/60", Fixture, GUINT_TO_POINTER (60), fixture_set_up,
              test_page_breaks, fixture_tear_down);
  g_test_add ("/report/chinese", Fixture, NULL, fixture_set_up, test_chinese, fixture_tear_down);
  g_test_add ("/report/empty-month", Fixture, NULL, fixture_set_up, test_empty_month,
              fixture_tear_down);
  g_test_add ("/report/cli-errors", Fixture, NULL, fixture_set_up, test_cli_errors,
              fixture_tear_down);

  return g_test_run ();
}
