/* sales-report-charts.c: the attainment of each rep and the twelve months' trend, as vectors
 *
 * Charts are rectangles and lines in the pages' display lists, so that they print sharp at any
 * size and a PDF viewer can search their labels. Data is normalised to the chart's scale first,
 * as the dashboard's charts do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "sales-report-private.h"

#define ROW_HEIGHT    13.0
#define BAR_THICKNESS 8.0
#define TREND_HEIGHT  150.0
#define CHART_GAP     16.0
#define PAST_MONTHS   0x99c1f1U

void
report_add_attainment_chart (SalesReport *self)
{
  GPtrArray *reps = self->data->kpi->by_rep;
  double left = report_left (self);
  double width = report_content_width (self);
  double label_width = width * 0.2;
  double value_width = width * 0.1;
  double bar_left = left + label_width;
  double bar_width = width - label_width - value_width;
  double scale = 1.0;

  /* At least the whole target; a rep far beyond it does not squash everybody else. */
  for (guint i = 0; i < reps->len; i++)
    {
      const SalesKpiFigures *f = g_ptr_array_index (reps, i);

      if (!isnan (f->attainment))
        scale = MAX (scale, MIN (f->attainment, 2.0));
    }

  report_add_heading (self, report_tr (self, N_("Attainment of the Base Target by Rep")),
                      3 * ROW_HEIGHT);
  for (guint i = 0; i < reps->len; i++)
    {
      const SalesKpiFigures *f = g_ptr_array_index (reps, i);
      double y;
      double full = bar_left + bar_width / scale;

      report_ensure_space (self, ROW_HEIGHT);
      y = self->y;
      report_add_text (self, left, y + 1, label_width - 6, f->rep_name != NULL ? f->rep_name : "",
                       REPORT_SIZE_SMALL, TEXT_RIGHT, REPORT_INK);
      report_add_rect (self, bar_left, y + (ROW_HEIGHT - BAR_THICKNESS) / 2, bar_width,
                       BAR_THICKNESS, REPORT_SHADE);
      if (isnan (f->attainment))
        {
          report_add_text (self, bar_left + 4, y + 1, bar_width - 8,
                           report_tr (self, N_("No target set")), REPORT_SIZE_SMALL, TEXT_LEFT,
                           REPORT_MUTED);
        }
      else
        {
          g_autofree char *rate = report_percent (self, f->attainment);
          double length = bar_width * MIN (f->attainment, scale) / scale;

          if (length > 0)
            report_add_rect (self, bar_left, y + (ROW_HEIGHT - BAR_THICKNESS) / 2, length,
                             BAR_THICKNESS, f->attainment >= 1 ? REPORT_STRETCH : REPORT_ACCENT);
          report_add_text (self, bar_left + bar_width + 4, y + 1, value_width - 4, rate,
                           REPORT_SIZE_SMALL, TEXT_RIGHT | TEXT_BOLD, REPORT_INK);
        }
      /* The whole target, a line down the chart made of one piece per row. */
      report_add_line (self, full, y, full, y + ROW_HEIGHT, 1.0, REPORT_INK);
      self->y += ROW_HEIGHT;
    }
  self->y += CHART_GAP;
}

/* A step of the axis that gives about four lines: 1, 2, 2.5 or 5 times a power of ten. */
static double
nice_step (double largest)
{
  double raw = largest / 4;
  double magnitude = pow (10, floor (log10 (raw)));
  const double steps[] = { 1, 2, 2.5, 5, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (steps[i] * magnitude >= raw)
        return steps[i] * magnitude;
    }
  return 10 * magnitude;
}

static void
add_legend (SalesReport *self,
            double       right,
            double       y)
{
  const char *won = report_tr (self, N_("Won"));
  const char *target = report_tr (self, N_("Base target"));
  double x = right - 140;

  report_add_rect (self, x, y + 2, 8, 8, REPORT_ACCENT);
  report_add_text (self, x + 11, y, 55, won, REPORT_SIZE_SMALL, TEXT_LEFT, REPORT_INK);
  report_add_line (self, x + 70, y + 6, x + 80, y + 6, 2, REPORT_INK);
  report_add_text (self, x + 83, y, right - x - 83, target, REPORT_SIZE_SMALL, TEXT_LEFT,
                   REPORT_INK);
}

void
report_add_trend_chart (SalesReport *self)
{
  GArray *trend = self->data->kpi->trend;
  double left = report_left (self);
  double width = report_content_width (self);
  double axis_width = 52;
  double label_height = report_text_height (self, "Ag", REPORT_SIZE_SMALL, TEXT_LEFT, 100);
  double plot_left = left + axis_width;
  double plot_width = width - axis_width;
  double plot_top;
  double plot_height = TREND_HEIGHT - label_height - 4;
  double largest = 0;
  double step;
  double top_value;
  double slot = plot_width / trend->len;

  for (guint i = 0; i < trend->len; i++)
    {
      const SalesKpiTrendPoint *p = &g_array_index (trend, SalesKpiTrendPoint, i);

      largest = MAX (largest, MAX (p->won_amount, p->target_amount));
    }
  step = largest > 0 ? nice_step (largest) : 100000;
  top_value = step * ceil (MAX (largest, 1) / step);

  report_add_heading (self, report_tr (self, N_("Won in the Last Twelve Months")),
                      TREND_HEIGHT + label_height);
  add_legend (self, report_right (self), self->y);
  self->y += label_height + 6;
  plot_top = self->y + label_height / 2;

  /* The axis: lines at each step, their amounts at the left. */
  for (double value = 0; value <= top_value + step / 2; value += step)
    {
      double y = plot_top + plot_height * (1 - value / top_value);
      g_autofree char *label = report_money_compact (self, (gint64)value);

      report_add_line (self, plot_left, y, plot_left + plot_width, y, value == 0 ? 0.8 : 0.3,
                       value == 0 ? REPORT_MUTED : REPORT_RULE);
      report_add_text (self, left, y - label_height / 2, axis_width - 6, label,
                       REPORT_SIZE_SMALL, TEXT_RIGHT, REPORT_MUTED);
    }

  for (guint i = 0; i < trend->len; i++)
    {
      const SalesKpiTrendPoint *p = &g_array_index (trend, SalesKpiTrendPoint, i);
      double x = plot_left + i * slot;
      double height = plot_height * p->won_amount / top_value;
      g_autofree char *month = report_month_name (self, &p->period, TRUE);

      if (height > 0)
        report_add_rect (self, x + slot * 0.2, plot_top + plot_height - height, slot * 0.6,
                         height, i + 1 == trend->len ? REPORT_ACCENT : PAST_MONTHS);
      if (p->target_amount > 0)
        {
          double y = plot_top + plot_height * (1 - p->target_amount / top_value);

          report_add_line (self, x + slot * 0.1, y, x + slot * 0.9, y, 2, REPORT_INK);
        }
      report_add_text (self, x, plot_top + plot_height + 3, slot, month, REPORT_SIZE_SMALL,
                       TEXT_CENTER, i + 1 == trend->len ? REPORT_INK : REPORT_MUTED);
    }
  self->y = plot_top + plot_height + 3 + label_height + CHART_GAP;
}
