/* sales-trend-chart.c: columns of won amounts over periods, with the target as a line
 *
 * One column per item (a period, oldest on the left) up from a value axis on the left, with
 * the periods' names along the bottom; the targets join into a line with a dot at each
 * period, broken where a period has none. A legend at the top right names the two. The last
 * column, the period shown on the dashboard, is drawn full; the others a little lighter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sales-trend-chart.h"

#define LEGEND_HEIGHT 24
#define LABEL_HEIGHT  22
#define GAP           8
#define MAX_TICKS     4
#define COLUMN_SHARE  0.56
#define DOT_RADIUS    3.5

struct _SalesTrendChart
{
  SalesChart parent_instance;

  char      *value_legend;
  char      *target_legend;

  /* Worked out at allocation. */
  double     axis_width;
  double     axis_top;
  double     axis_step;
};

G_DEFINE_FINAL_TYPE (SalesTrendChart, sales_trend_chart, SALES_TYPE_CHART)

static graphene_rect_t
plot_area (SalesTrendChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double left = self->axis_width + GAP;

  return GRAPHENE_RECT_INIT (left, LEGEND_HEIGHT, MAX (1, width - left),
                             MAX (1, height - LEGEND_HEIGHT - LABEL_HEIGHT));
}

static double
slot_width (SalesTrendChart *self)
{
  guint n = sales_chart_get_n_items (SALES_CHART (self));
  graphene_rect_t plot = plot_area (self);

  return n > 0 ? plot.size.width / n : plot.size.width;
}

static double
y_of (SalesTrendChart *self,
      double           value)
{
  graphene_rect_t plot = plot_area (self);

  return plot.origin.y + plot.size.height * (1 - CLAMP (value / self->axis_top, 0, 1));
}

static void
update_geometry (SalesTrendChart *self)
{
  SalesChart *chart = SALES_CHART (self);
  guint n = sales_chart_get_n_items (chart);
  double max = 0;

  for (guint i = 0; i < n; i++)
    {
      const SalesChartItem *item = sales_chart_get_item (chart, i);

      max = MAX (max, item->value);
      if (!isnan (item->target))
        max = MAX (max, item->target);
    }
  sales_chart_nice_scale (max, MAX_TICKS, TRUE, &self->axis_top, &self->axis_step);

  self->axis_width = 0;
  for (double tick = 0; tick <= self->axis_top + self->axis_step / 2; tick += self->axis_step)
    {
      g_autofree char *label = sales_chart_format_value (chart, tick);
      g_autoptr(PangoLayout) layout = sales_chart_create_layout (chart, label, TRUE);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      self->axis_width = MAX (self->axis_width, width);
    }
}

static void
sales_trend_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 600;
    }
  else
    {
      *minimum = 160;
      *natural = 240;
    }
}

static void
sales_trend_chart_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  update_geometry (SALES_TREND_CHART (widget));
}

/* A period's whole slot, from the legend down to its label, answers the pointer. */
static gboolean
sales_trend_chart_get_item_bounds (SalesChart      *chart,
                                   guint            index,
                                   graphene_rect_t *bounds)
{
  SalesTrendChart *self = SALES_TREND_CHART (chart);
  graphene_rect_t plot = plot_area (self);
  double slot = slot_width (self);

  if (index >= sales_chart_get_n_items (chart))
    return FALSE;

  graphene_rect_init (bounds, plot.origin.x + index * slot, plot.origin.y, slot,
                      plot.size.height + LABEL_HEIGHT);
  return TRUE;
}

static void
draw_axes (SalesTrendChart *self,
           GtkSnapshot     *snapshot)
{
  SalesChart *chart = SALES_CHART (self);
  graphene_rect_t plot = plot_area (self);
  guint n = sales_chart_get_n_items (chart);
  double slot = slot_width (self);
  int widest = 0;
  guint every;
  GdkRGBA grid, text;

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.1, &grid);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.6, &text);

  for (double tick = 0; tick <= self->axis_top + self->axis_step / 2; tick += self->axis_step)
    {
      g_autofree char *label = sales_chart_format_value (chart, tick);
      g_autoptr(PangoLayout) layout = sales_chart_create_layout (chart, label, TRUE);
      double y = round (y_of (self, tick));
      int height;

      pango_layout_get_pixel_size (layout, NULL, &height);
      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot.origin.x, y, plot.size.width, 1));
      sales_chart_draw_text (chart, snapshot, layout, self->axis_width, y - height / 2.0, 1,
                             &text);
    }

  /* Every period's name when they fit side by side, else every second or third. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout =
        sales_chart_create_layout (chart, sales_chart_get_item (chart, i)->label, TRUE);
      int width;

      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
    }
  every = MAX (1, (guint)ceil ((widest + 6) / MAX (slot, 1)));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      /* Counted from the last, the period on show, which always keeps its name. */
      if ((n - 1 - i) % every != 0)
        continue;
      layout = sales_chart_create_layout (chart, sales_chart_get_item (chart, i)->label, TRUE);
      sales_chart_draw_text (chart, snapshot, layout, plot.origin.x + (i + 0.5) * slot,
                             plot.origin.y + plot.size.height + 4, 0.5, &text);
    }
}

static void
draw_legend (SalesTrendChart *self,
             GtkSnapshot     *snapshot)
{
  SalesChart *chart = SALES_CHART (self);
  g_autoptr(PangoLayout) target = sales_chart_create_layout (chart, self->target_legend, TRUE);
  g_autoptr(PangoLayout) value = sales_chart_create_layout (chart, self->value_legend, TRUE);
  double x = gtk_widget_get_width (GTK_WIDGET (self));
  int width, height;
  GdkRGBA text, accent, line;

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.75, &text);
  sales_chart_get_color (chart, SALES_CHART_COLOR_ACCENT, 0.85, &accent);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.7, &line);

  pango_layout_get_pixel_size (target, &width, &height);
  x -= width;
  sales_chart_draw_text (chart, snapshot, target, x, 0, 0, &text);
  x -= 6 + 14;
  gtk_snapshot_append_color (snapshot, &line,
                             &GRAPHENE_RECT_INIT (x, round (height / 2.0) - 1, 14, 2));

  pango_layout_get_pixel_size (value, &width, NULL);
  x -= 16 + width;
  sales_chart_draw_text (chart, snapshot, value, x, 0, 0, &text);
  x -= 6 + 10;
  gtk_snapshot_append_color (snapshot, &accent,
                             &GRAPHENE_RECT_INIT (x, round (height / 2.0) - 5, 10, 10));
}

static void
draw_target_line (SalesTrendChart *self,
                  GtkSnapshot     *snapshot)
{
  SalesChart *chart = SALES_CHART (self);
  guint n = sales_chart_get_n_items (chart);
  graphene_rect_t all = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (GTK_WIDGET (self)),
                                            gtk_widget_get_height (GTK_WIDGET (self)));
  gboolean drawing = FALSE;
  GdkRGBA line;
  cairo_t *cr;

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.7, &line);
  cr = gtk_snapshot_append_cairo (snapshot, &all);
  gdk_cairo_set_source_rgba (cr, &line);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < n; i++)
    {
      graphene_point_t point;

      if (!sales_trend_chart_get_target_point (self, i, &point))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, point.x, point.y);
      else
        cairo_move_to (cr, point.x, point.y);
      drawing = TRUE;
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      graphene_point_t point;

      if (!sales_trend_chart_get_target_point (self, i, &point))
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, point.x, point.y,
                 sales_chart_is_highlighted (chart, i) ? DOT_RADIUS + 1.5 : DOT_RADIUS,
                 0, 2 * G_PI);
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
sales_trend_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  SalesTrendChart *self = SALES_TREND_CHART (widget);
  SalesChart *chart = SALES_CHART (widget);
  guint n = sales_chart_get_n_items (chart);

  if (n == 0)
    {
      sales_chart_draw_empty (chart, snapshot);
      return;
    }

  draw_axes (self, snapshot);
  draw_legend (self, snapshot);

  for (guint i = 0; i < n; i++)
    {
      gboolean highlighted = sales_chart_is_highlighted (chart, i);
      graphene_rect_t column;
      GskRoundedRect rounded;
      GdkRGBA color;

      if (highlighted)
        {
          graphene_rect_t slot;

          sales_trend_chart_get_item_bounds (chart, i, &slot);
          sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.05, &color);
          gsk_rounded_rect_init_from_rect (&rounded, &slot, 6);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &color, &slot);
          gtk_snapshot_pop (snapshot);
        }

      if (!sales_trend_chart_get_column_bounds (self, i, &column) || column.size.height <= 0)
        continue;

      sales_chart_get_color (chart, SALES_CHART_COLOR_ACCENT,
                             highlighted || i == n - 1 ? 1 : 0.7, &color);
      /* Rounded at the top only: the clip reaches below the axis, where nothing is drawn. */
      gsk_rounded_rect_init_from_rect (&rounded,
                                       &GRAPHENE_RECT_INIT (column.origin.x, column.origin.y,
                                                            column.size.width,
                                                            column.size.height + 4),
                                       MIN (4, column.size.width / 2));
      gtk_snapshot_push_clip (snapshot, &column);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &color, &column);
      gtk_snapshot_pop (snapshot);
      gtk_snapshot_pop (snapshot);
    }

  draw_target_line (self, snapshot);
  sales_chart_draw_focus (chart, snapshot);
}

static void
sales_trend_chart_finalize (GObject *object)
{
  SalesTrendChart *self = (SalesTrendChart *)object;

  g_clear_pointer (&self->value_legend, g_free);
  g_clear_pointer (&self->target_legend, g_free);

  G_OBJECT_CLASS (sales_trend_chart_parent_class)->finalize (object);
}

static void
sales_trend_chart_class_init (SalesTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalesChartClass *chart_class = SALES_CHART_CLASS (klass);

  object_class->finalize = sales_trend_chart_finalize;

  widget_class->measure = sales_trend_chart_measure;
  widget_class->size_allocate = sales_trend_chart_size_allocate;
  widget_class->snapshot = sales_trend_chart_snapshot;

  chart_class->get_item_bounds = sales_trend_chart_get_item_bounds;
}

static void
sales_trend_chart_init (SalesTrendChart *self)
{
  self->axis_top = 1;
  self->axis_step = 1;
  self->value_legend = g_strdup ("");
  self->target_legend = g_strdup ("");
}

GtkWidget *
sales_trend_chart_new (void)
{
  return g_object_new (SALES_TYPE_TREND_CHART, NULL);
}

/* The names of the columns and of the line in the legend. */
void
sales_trend_chart_set_legend (SalesTrendChart *self,
                              const char      *value_legend,
                              const char      *target_legend)
{
  g_return_if_fail (SALES_IS_TREND_CHART (self));
  g_return_if_fail (value_legend != NULL && target_legend != NULL);

  g_free (self->value_legend);
  self->value_legend = g_strdup (value_legend);
  g_free (self->target_legend);
  self->target_legend = g_strdup (target_legend);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
sales_trend_chart_get_axis_top (SalesTrendChart *self)
{
  g_return_val_if_fail (SALES_IS_TREND_CHART (self), 0);

  return self->axis_top;
}

/**
 * sales_trend_chart_get_column_bounds:
 *
 * Where the column of item @index is drawn: its height is its value's share of the axis.
 */
gboolean
sales_trend_chart_get_column_bounds (SalesTrendChart *self,
                                     guint            index,
                                     graphene_rect_t *bounds)
{
  graphene_rect_t plot;
  double slot, top;

  g_return_val_if_fail (SALES_IS_TREND_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (index >= sales_chart_get_n_items (SALES_CHART (self)))
    return FALSE;

  plot = plot_area (self);
  slot = slot_width (self);
  top = y_of (self, sales_chart_get_item (SALES_CHART (self), index)->value);
  graphene_rect_init (bounds, plot.origin.x + (index + (1 - COLUMN_SHARE) / 2) * slot, top,
                      slot * COLUMN_SHARE, plot.origin.y + plot.size.height - top);
  return TRUE;
}

/**
 * sales_trend_chart_get_target_point:
 *
 * Returns: FALSE when period @index has no target (none, or zero)
 */
gboolean
sales_trend_chart_get_target_point (SalesTrendChart  *self,
                                    guint             index,
                                    graphene_point_t *point)
{
  const SalesChartItem *item;

  g_return_val_if_fail (SALES_IS_TREND_CHART (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (index >= sales_chart_get_n_items (SALES_CHART (self)))
    return FALSE;

  item = sales_chart_get_item (SALES_CHART (self), index);
  if (isnan (item->target) || item->target <= 0)
    return FALSE;

  graphene_point_init (point, plot_area (self).origin.x + (index + 0.5) * slot_width (self),
                       y_of (self, item->target));
  return TRUE;
}
