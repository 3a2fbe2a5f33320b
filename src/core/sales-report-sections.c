/* sales-report-sections.c: the header, the targets, the key figures and the tables
 *
 * Every number comes from the SalesKpi of the month (the dashboard's and `--kpi --json`'s
 * figures) or from the lists of SalesReportData, and is written by sales-report-format.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sales-report-private.h"

#define SECTION_GAP 16.0
#define BAR_HEIGHT  10.0

void
report_add_heading (SalesReport *self,
                    const char  *text,
                    double       keep_with)
{
  double height = report_text_height (self, text, REPORT_SIZE_HEADING, TEXT_BOLD,
                                      report_content_width (self));

  /* A heading goes to the next page with the first lines of what it heads. */
  report_ensure_space (self, height + 6 + keep_with);
  self->y += report_add_text (self, report_left (self), self->y, report_content_width (self),
                              text, REPORT_SIZE_HEADING, TEXT_BOLD, REPORT_INK);
  self->y += 6;
}

static void
add_note (SalesReport *self,
          const char  *text)
{
  double height = report_text_height (self, text, REPORT_SIZE_BODY, TEXT_WRAP,
                                      report_content_width (self));

  report_ensure_space (self, height);
  self->y += report_add_text (self, report_left (self), self->y, report_content_width (self),
                              text, REPORT_SIZE_BODY, TEXT_WRAP, REPORT_MUTED);
}

void
report_add_header (SalesReport *self)
{
  SalesKpi *kpi = self->data->kpi;
  double left = report_left (self);
  double width = report_content_width (self);
  g_autofree char *day = g_date_time_format (self->printed_at, "%Y-%m-%d");
  g_autofree char *printed = g_strdup_printf (report_tr (self, N_("Printed on %s")), day);
  g_autofree char *month = report_month_name (self, &kpi->period, FALSE);
  g_autofree char *subtitle = NULL;
  double top = self->y;
  double height;

  /* Translators: at the top right of a printed summary; %s is a date such as 2026-11-23 */
  height = report_add_text (self, left + width / 2, top, width / 2, printed, REPORT_SIZE_SMALL,
                            TEXT_RIGHT, REPORT_MUTED);
  if (self->company_name != NULL && *self->company_name != '\0')
    height = MAX (height, report_add_text (self, left, top, width * 0.6, self->company_name,
                                           REPORT_SIZE_VALUE, TEXT_BOLD, REPORT_MUTED));
  self->y += height + 4;

  self->y += report_add_text (self, left, self->y, width,
                              report_tr (self, N_("Monthly Sales Summary")), REPORT_SIZE_TITLE,
                              TEXT_BOLD, REPORT_INK);
  if (kpi->rep_id != 0)
    /* Translators: under the title of a printed summary of one rep: the month, then the rep */
    subtitle = g_strdup_printf (report_tr (self, N_("%s · Sales rep %s")), month,
                                kpi->figures->rep_name != NULL ? kpi->figures->rep_name : "");
  else
    /* Translators: under the title of a printed summary of the whole team; %s is the month */
    subtitle = g_strdup_printf (report_tr (self, N_("%s · Whole team")), month);
  self->y += 2;
  self->y += report_add_text (self, left, self->y, width, subtitle, REPORT_SIZE_HEADING,
                              TEXT_LEFT, REPORT_INK);
  self->y += 6;
  report_add_line (self, left, self->y, left + width, self->y, 1.5, REPORT_ACCENT);
  self->y += SECTION_GAP;

  if (sales_report_data_is_empty (self->data))
    {
      g_autofree char *text = g_strdup_printf (report_tr (self, N_("Nothing happened in %s: no "
                                                                   "deal was won, lost or "
                                                                   "opened, no follow-up was "
                                                                   "done and no money came in "
                                                                   "or fell overdue.")),
                                               month);
      double text_height = report_text_height (self, text, REPORT_SIZE_BODY,
                                               TEXT_WRAP | TEXT_BOLD, width - 16);

      report_add_rect (self, left, self->y, width, text_height + 16, REPORT_SHADE);
      report_add_text (self, left + 8, self->y + 8, width - 16, text, REPORT_SIZE_BODY,
                       TEXT_WRAP | TEXT_BOLD, REPORT_INK);
      self->y += text_height + 16 + SECTION_GAP;
    }
}

/* The bar from nothing to the larger of the won amount and the targets, with a mark at each
 * target. */
static void
add_target_bar (SalesReport           *self,
                const SalesKpiFigures *f)
{
  double left = report_left (self);
  double width = report_content_width (self);
  double scale = MAX (f->won_amount, MAX (f->target_amount, f->stretch_target_amount));
  gint64 marks[] = { f->target_amount, f->stretch_target_amount };
  guint32 colours[] = { REPORT_INK, REPORT_STRETCH };

  report_add_rect (self, left, self->y + 3, width, BAR_HEIGHT, REPORT_BAR_EMPTY);
  if (scale > 0 && f->won_amount > 0)
    report_add_rect (self, left, self->y + 3, width * f->won_amount / scale, BAR_HEIGHT,
                     REPORT_ACCENT);
  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    {
      /* A mark at the very end stays inside the bar's box, not half outside the margin. */
      double x = scale > 0 ? MIN (left + width * marks[i] / scale, left + width - 1) : left;

      if (marks[i] > 0)
        report_add_line (self, x, self->y, x, self->y + BAR_HEIGHT + 6, 2, colours[i]);
    }
  self->y += BAR_HEIGHT + 10;
}

void
report_add_targets (SalesReport *self)
{
  const SalesKpiFigures *f = self->data->kpi->figures;
  double left = report_left (self);
  double width = report_content_width (self);
  g_autofree char *won = report_money (self, f->won_amount);
  g_autofree char *count = report_count (f->won_count);
  g_autofree char *detail = NULL;
  double height;

  report_add_heading (self, report_tr (self, N_("Won against Targets")), 60);
  height = report_add_text (self, left, self->y, width * 0.45, won, REPORT_SIZE_BIG, TEXT_BOLD,
                            REPORT_ACCENT);
  /* Translators: beside the amount won in a month on a printed summary; %s is a count */
  detail = g_strdup_printf (report_tr (self, N_("won in %s deals")), count);
  report_add_text (self, left + width * 0.45, self->y + height - 12, width * 0.55, detail,
                   REPORT_SIZE_BODY, TEXT_RIGHT, REPORT_MUTED);
  self->y += height + 2;

  if (f->target_amount <= 0 && f->stretch_target_amount <= 0)
    {
      add_target_bar (self, f);
      self->y += report_add_text (self, left, self->y, width, report_tr (self, N_("No target set")),
                                  REPORT_SIZE_BODY, TEXT_LEFT, REPORT_MUTED);
    }
  else
    {
      g_autofree char *base = report_money (self, f->target_amount);
      g_autofree char *base_rate = report_percent (self, f->attainment);
      g_autofree char *stretch = report_money (self, f->stretch_target_amount);
      g_autofree char *stretch_rate = report_percent (self, f->stretch_attainment);
      g_autofree char *base_text = NULL;
      g_autofree char *stretch_text = NULL;

      add_target_bar (self, f);
      /* Translators: under the bar of the amount won; the base target (保底目标), then the
       * share of it won, such as "Base target ¥200,000: 62% reached" */
      base_text = g_strdup_printf (report_tr (self, N_("Base target %s: %s reached")), base,
                                   base_rate);
      /* Translators: the same for the stretch target (挑战目标) */
      stretch_text = f->stretch_target_amount > 0
                     ? g_strdup_printf (report_tr (self, N_("Stretch target %s: %s reached")),
                                        stretch, stretch_rate)
                     : g_strdup (report_tr (self, N_("No stretch target")));
      height = report_add_text (self, left, self->y, width / 2, base_text, REPORT_SIZE_BODY,
                                TEXT_BOLD, REPORT_INK);
      report_add_text (self, left + width / 2, self->y, width / 2, stretch_text,
                       REPORT_SIZE_BODY, TEXT_RIGHT | TEXT_BOLD, REPORT_STRETCH);
      self->y += height;
    }
  self->y += SECTION_GAP;
}

/* g_strv_builder_take() is newer than GLib 2.74. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

typedef struct
{
  const char *label;
  char       *value;
  char       *detail;
} KpiCell;

#define KPI_COLUMNS 4

void
report_add_kpis (SalesReport *self)
{
  const SalesKpiFigures *f = self->data->kpi->figures;
  double width = report_content_width (self);
  double cell_width = width / KPI_COLUMNS;
  g_autofree char *won = report_count (f->won_count);
  g_autofree char *lost = report_count (f->lost_count);
  g_autofree char *open = report_money (self, f->open_amount);
  g_autofree char *target = report_count (f->new_customers_target);
  g_autofree char *target_rate = report_percent (self, f->new_customers_attainment);
  g_autofree char *done = report_count (f->activities_done);
  KpiCell cells[] = {
    { N_("Deals Won"), report_count (f->won_count), NULL },
    { N_("Deals Lost"), report_count (f->lost_count), NULL },
    { N_("Win Rate"), report_percent (self, f->win_rate),
      g_strdup_printf (report_tr (self, N_("%s won, %s lost")), won, lost) },
    { N_("New Deals"), report_count (f->new_deals), NULL },
    { N_("New Customers"), report_count (f->new_customers),
      f->new_customers_target > 0
        ? g_strdup_printf (report_tr (self, N_("%s of target %s")), target_rate, target)
        : g_strdup (report_tr (self, N_("No target set"))) },
    { N_("Average Sales Cycle"), report_days (self, f->avg_cycle_days),
      g_strdup (report_tr (self, N_("From new deal to won"))) },
    { N_("Weighted Pipeline"), report_money (self, f->weighted_open_amount),
      g_strdup_printf (report_tr (self, N_("%s open, unweighted")), open) },
    { N_("Collected"), report_money (self, f->collected_amount),
      isnan (f->avg_collection_days) ? NULL
        : g_strdup_printf (report_tr (self, N_("Paid in full after %.0f days on average")),
                           f->avg_collection_days) },
    { N_("Overdue Receivables"), report_money (self, f->overdue_amount),
      g_strdup (report_tr (self, N_("Due and unpaid at the end of the period"))) },
    { N_("Follow-ups on Time"), report_percent (self, f->followup_on_time_rate), NULL },
    { N_("Follow-ups Done"), g_strdup (done), NULL },
    { N_("Customer Satisfaction"),
      isnan (f->avg_satisfaction) ? g_strdup ("—")
        : g_strdup_printf (report_tr (self, N_("%.1f of 5")), f->avg_satisfaction),
      g_strdup (report_tr (self, N_("Rated on service visits"))) },
  };
  double label_height = report_text_height (self, "Ag", REPORT_SIZE_SMALL, TEXT_LEFT, 100);
  double value_height = report_text_height (self, "Ag", REPORT_SIZE_VALUE, TEXT_BOLD, 100);
  double text_width = cell_width - 12;

  report_add_heading (self, report_tr (self, N_("Key Figures")),
                      2 * label_height + value_height + 10);
  for (guint row = 0; row < G_N_ELEMENTS (cells); row += KPI_COLUMNS)
    {
      double detail_height = label_height;
      double cell_height;

      /* Details wrap; the cells of a row are as tall as its longest. */
      for (guint i = row; i < MIN (row + KPI_COLUMNS, G_N_ELEMENTS (cells)); i++)
        if (cells[i].detail != NULL)
          detail_height = MAX (detail_height,
                               report_text_height (self, cells[i].detail, REPORT_SIZE_SMALL,
                                                   TEXT_WRAP, text_width));
      cell_height = label_height + value_height + detail_height + 10;
      report_ensure_space (self, cell_height);

      for (guint i = row; i < MIN (row + KPI_COLUMNS, G_N_ELEMENTS (cells)); i++)
        {
          double x = report_left (self) + (i - row) * cell_width;

          report_add_rect (self, x + 1, self->y, cell_width - 2, cell_height - 4, REPORT_SHADE);
          report_add_text (self, x + 6, self->y + 3, text_width, report_tr (self, cells[i].label),
                           REPORT_SIZE_SMALL, TEXT_LEFT, REPORT_MUTED);
          report_add_text (self, x + 6, self->y + 3 + label_height, text_width, cells[i].value,
                           REPORT_SIZE_VALUE, TEXT_BOLD, REPORT_INK);
          if (cells[i].detail != NULL)
            report_add_text (self, x + 6, self->y + 4 + label_height + value_height, text_width,
                             cells[i].detail, REPORT_SIZE_SMALL, TEXT_WRAP, REPORT_MUTED);
        }
      self->y += cell_height;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_free (cells[i].value);
      g_free (cells[i].detail);
    }
  self->y += SECTION_GAP - 4;
}

static const ReportColumn rep_columns[] = {
  { N_("#"), 0.035, TRUE },
  { N_("Sales Rep"), 0.135, FALSE },
  { N_("Won"), 0.135, TRUE },
  { N_("Target"), 0.13, TRUE },
  { N_("Attainment"), 0.09, TRUE },
  { N_("Deals Won"), 0.065, TRUE },
  { N_("Win Rate"), 0.065, TRUE },
  { N_("New Customers"), 0.09, TRUE },
  { N_("Follow-ups Done"), 0.09, TRUE },
  { N_("Collected"), 0.135, TRUE },
};

static GStrv
rep_row (SalesReport           *self,
         const char            *rank,
         const char            *name,
         const SalesKpiFigures *f)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv row;

  g_strv_builder_add (builder, rank);
  g_strv_builder_add (builder, name);
  builder_take (builder, report_money (self, f->won_amount));
  builder_take (builder, f->target_amount > 0 ? report_money (self, f->target_amount)
                                                      : g_strdup ("—"));
  builder_take (builder, report_percent (self, f->attainment));
  builder_take (builder, report_count (f->won_count));
  builder_take (builder, report_percent (self, f->win_rate));
  builder_take (builder, report_count (f->new_customers));
  builder_take (builder, report_count (f->activities_done));
  builder_take (builder, report_money (self, f->collected_amount));
  row = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return row;
}

void
report_add_reps (SalesReport *self)
{
  SalesKpi *kpi = self->data->kpi;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_auto(GStrv) total = NULL;

  for (guint i = 0; i < kpi->by_rep->len; i++)
    {
      const SalesKpiFigures *f = g_ptr_array_index (kpi->by_rep, i);
      g_autofree char *rank = g_strdup_printf ("%u", i + 1);

      g_ptr_array_add (rows, rep_row (self, rank, f->rep_name, f));
    }
  total = rep_row (self, "", report_tr (self, N_("Team total")), kpi->figures);

  report_add_heading (self, report_tr (self, N_("Sales Reps, by Amount Won")), 40);
  report_add_table (self, rep_columns, G_N_ELEMENTS (rep_columns), rows, total);
  self->y += SECTION_GAP;
}

static const ReportColumn won_columns[] = {
  { N_("Deal"), 0.31, FALSE },
  { N_("Customer"), 0.26, FALSE },
  { N_("Sales Rep"), 0.14, FALSE },
  { N_("Won on"), 0.12, FALSE },
  { N_("Amount"), 0.17, TRUE },
};

static const ReportColumn lost_columns[] = {
  { N_("Deal"), 0.22, FALSE },
  { N_("Customer"), 0.19, FALSE },
  { N_("Sales Rep"), 0.12, FALSE },
  { N_("Reason"), 0.30, FALSE },
  { N_("Amount"), 0.17, TRUE },
};

static void
add_deals (SalesReport        *self,
           const char         *heading,
           const char         *none,
           const ReportColumn *columns,
           GArray             *deals,
           gboolean            lost)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);

  report_add_heading (self, heading, 30);
  if (deals->len == 0)
    {
      add_note (self, none);
      self->y += SECTION_GAP;
      return;
    }

  for (guint i = 0; i < deals->len; i++)
    {
      const SalesReportDeal *deal = &g_array_index (deals, SalesReportDeal, i);
      GStrvBuilder *builder = g_strv_builder_new ();

      g_strv_builder_add (builder, deal->title);
      g_strv_builder_add (builder, deal->customer != NULL ? deal->customer : "—");
      g_strv_builder_add (builder, deal->rep != NULL ? deal->rep : "—");
      if (lost && deal->reason != NULL)
        g_strv_builder_add (builder, deal->reason);
      else if (lost)
        g_strv_builder_add (builder, report_tr (self, N_("No reason given")));
      else
        g_strv_builder_add (builder, deal->closed_on);
      builder_take (builder, report_money (self, deal->amount_cents));
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }
  report_add_table (self, columns, 5, rows, NULL);
  self->y += SECTION_GAP;
}

void
report_add_deals (SalesReport *self)
{
  add_deals (self, report_tr (self, N_("Largest Deals Won")),
             report_tr (self, N_("No deal was won this month.")), won_columns, self->data->won,
             FALSE);
  add_deals (self, report_tr (self, N_("Largest Deals Lost")),
             report_tr (self, N_("No deal was lost this month.")), lost_columns,
             self->data->lost, TRUE);
}

static const ReportColumn overdue_columns[] = {
  { N_("Contract"), 0.16, FALSE },
  { N_("Customer"), 0.27, FALSE },
  { N_("Sales Rep"), 0.14, FALSE },
  { N_("Oldest Unpaid"), 0.13, FALSE },
  { N_("Days Overdue"), 0.11, TRUE },
  { N_("Overdue"), 0.19, TRUE },
};

void
report_add_overdue (SalesReport *self)
{
  SalesReportData *data = self->data;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  GStrvBuilder *builder;
  g_auto(GStrv) total = NULL;
  g_autofree char *count = report_count (data->n_overdue);

  report_add_heading (self, report_tr (self, N_("Overdue Receivables at the End of the Month")),
                      30);
  if (data->overdue->len == 0)
    {
      add_note (self, report_tr (self, N_("Nothing was overdue at the end of the month.")));
      return;
    }

  for (guint i = 0; i < data->overdue->len; i++)
    {
      const SalesReportOverdue *o = &g_array_index (data->overdue, SalesReportOverdue, i);

      builder = g_strv_builder_new ();
      g_strv_builder_add (builder, o->number != NULL ? o->number : "—");
      g_strv_builder_add (builder, o->customer != NULL ? o->customer : "—");
      g_strv_builder_add (builder, o->rep != NULL ? o->rep : report_tr (self, N_("Public pool")));
      g_strv_builder_add (builder, o->oldest_due);
      builder_take (builder, report_count (o->days_overdue));
      builder_take (builder, report_money (self, o->overdue_cents));
      g_ptr_array_add (rows, g_strv_builder_end (builder));
      g_strv_builder_unref (builder);
    }

  builder = g_strv_builder_new ();
  /* Translators: the last row of the overdue receivables; %s is the number of contracts */
  builder_take (builder, g_strdup_printf (report_tr (self, N_("Total, %s contracts")),
                                                 count));
  for (guint i = 0; i < 4; i++)
    g_strv_builder_add (builder, "");
  builder_take (builder, report_money (self, data->kpi->figures->overdue_amount));
  total = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  report_add_table (self, overdue_columns, G_N_ELEMENTS (overdue_columns), rows, total);
  if (data->n_overdue > data->overdue->len)
    {
      g_autofree char *shown = report_count (data->overdue->len);
      /* Translators: under the overdue receivables; the first %s is how many are listed,
       * the second how many contracts were overdue */
      g_autofree char *text = g_strdup_printf (report_tr (self, N_("The %s largest of %s "
                                                                   "overdue contracts are "
                                                                   "listed.")),
                                               shown, count);

      self->y += 4;
      add_note (self, text);
    }
}

void
report_add_footers (SalesReport *self)
{
  guint n_pages = self->pages->len;
  g_autofree char *month = report_month_name (self, &self->data->kpi->period, FALSE);
  g_autofree char *left_text = NULL;
  double width = report_content_width (self);

  if (self->company_name != NULL && *self->company_name != '\0')
    left_text = g_strdup_printf ("%s · %s · %s", self->company_name,
                                 report_tr (self, N_("Monthly Sales Summary")), month);
  else
    left_text = g_strdup_printf ("%s · %s", report_tr (self, N_("Monthly Sales Summary")),
                                 month);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *page = NULL;
      double y = self->page_height - SALES_REPORT_MARGIN -
                 report_text_height (self, "Ag", REPORT_SIZE_SMALL, TEXT_LEFT, 100);

      report_select_page (self, i);
      /* Translators: the footer of a printed page, such as "Page 2 of 3" */
      page = g_strdup_printf (report_tr (self, N_("Page %u of %u")), i + 1, n_pages);
      report_add_line (self, report_left (self), y - 4, report_right (self), y - 4, 0.5,
                       REPORT_RULE);
      report_add_text (self, report_left (self), y, width * 0.7, left_text, REPORT_SIZE_SMALL,
                       TEXT_LEFT, REPORT_MUTED);
      report_add_text (self, report_left (self) + width * 0.7, y, width * 0.3, page,
                       REPORT_SIZE_SMALL, TEXT_RIGHT, REPORT_MUTED);
    }
}
