/* sales-funnel-chart.c: how many deals reached each stage, narrowing towards won
 *
 * One row per item, top to bottom in pipeline order: the stage's name on the left, a bar
 * centred in the middle whose width is the stage's count as a share of the largest, the count
 * on the bar, and on the right the item's note (the share that went on to the next stage). An
 * item with id 0 is not a stage but the deals won, drawn in the success color. Behind the
 * bars, each bar's edges run to the next one's, so that the rows read as one funnel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sales-funnel-chart.h"

#define ROW_HEIGHT 34
#define BAR_HEIGHT 24
#define GAP        12
#define MAX_LABEL_SHARE 0.4
#define MIN_BAR_WIDTH 4

struct _SalesFunnelChart
{
  SalesChart parent_instance;

  /* Worked out at allocation. */
  double     label_width;
  double     note_width;
  double     max_value;
};

G_DEFINE_FINAL_TYPE (SalesFunnelChart, sales_funnel_chart, SALES_TYPE_CHART)

static void
update_geometry (SalesFunnelChart *self,
                 int               width)
{
  SalesChart *chart = SALES_CHART (self);
  guint n = sales_chart_get_n_items (chart);

  self->label_width = 0;
  self->note_width = 0;
  self->max_value = 0;
  for (guint i = 0; i < n; i++)
    {
      const SalesChartItem *item = sales_chart_get_item (chart, i);
      g_autoptr(PangoLayout) label = sales_chart_create_layout (chart, item->label, FALSE);
      int w;

      pango_layout_get_pixel_size (label, &w, NULL);
      self->label_width = MAX (self->label_width, w);
      if (item->note != NULL)
        {
          g_autoptr(PangoLayout) note = sales_chart_create_layout (chart, item->note, TRUE);

          pango_layout_get_pixel_size (note, &w, NULL);
          self->note_width = MAX (self->note_width, w);
        }
      self->max_value = MAX (self->max_value, item->value);
    }
  self->label_width = MIN (self->label_width, width * MAX_LABEL_SHARE);
}

static void
sales_funnel_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  guint n = sales_chart_get_n_items (SALES_CHART (widget));

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 220;
      *natural = 300;
    }
  else
    {
      *minimum = *natural = MAX (n, 3) * ROW_HEIGHT;
    }
}

static void
sales_funnel_chart_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  update_geometry (SALES_FUNNEL_CHART (widget), width);
}

static gboolean
sales_funnel_chart_get_item_bounds (SalesChart      *chart,
                                    guint            index,
                                    graphene_rect_t *bounds)
{
  if (index >= sales_chart_get_n_items (chart))
    return FALSE;

  graphene_rect_init (bounds, 0, index * ROW_HEIGHT, gtk_widget_get_width (GTK_WIDGET (chart)),
                      ROW_HEIGHT);
  return TRUE;
}

/* The band that joins the bottom of one bar to the top of the next. */
static void
draw_neck (GtkSnapshot           *snapshot,
           const graphene_rect_t *above,
           const graphene_rect_t *below,
           const GdkRGBA         *color,
           double                 width)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, above->origin.y, width,
                                                                below->origin.y +
                                                                below->size.height -
                                                                above->origin.y));
  double top = above->origin.y + above->size.height;
  double bottom = below->origin.y;

  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, above->origin.x, top);
  cairo_line_to (cr, above->origin.x + above->size.width, top);
  cairo_line_to (cr, below->origin.x + below->size.width, bottom);
  cairo_line_to (cr, below->origin.x, bottom);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_destroy (cr);
}

static void
sales_funnel_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  SalesFunnelChart *self = SALES_FUNNEL_CHART (widget);
  SalesChart *chart = SALES_CHART (widget);
  guint n = sales_chart_get_n_items (chart);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim, neck;

  if (n == 0 || self->max_value <= 0)
    {
      sales_chart_draw_empty (chart, snapshot);
      return;
    }

  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 1, &fg);
  sales_chart_get_color (chart, SALES_CHART_COLOR_FOREGROUND, 0.6, &dim);
  sales_chart_get_color (chart, SALES_CHART_COLOR_ACCENT, 0.15, &neck);

  for (guint i = 0; i + 1 < n; i++)
    {
      graphene_rect_t above, below;

      sales_funnel_chart_get_bar_bounds (self, i, &above);
      sales_funnel_chart_get_bar_bounds (self, i + 1, &below);
      draw_neck (snapshot, &above, &below, &neck, width);
    }

  for (guint i = 0; i < n; i++)
    {
      const SalesChartItem *item = sales_chart_get_item (chart, i);
      gboolean won = item->id == 0;
      gboolean highlighted = sales_chart_is_highlighted (chart, i);
      g_autoptr(PangoLayout) label = sales_chart_create_layout (chart, item->label, FALSE);
      g_autoptr(PangoLayout) value = sales_chart_create_layout (chart, item->value_text, FALSE);
      double top = i * ROW_HEIGHT;
      int text_width, text_height;
      graphene_rect_t bar;
      GskRoundedRect rounded;
      GdkRGBA color, on_color;

      pango_layout_set_width (label, self->label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &text_height);
      sales_chart_draw_text (chart, snapshot, label, 0, top + (ROW_HEIGHT - text_height) / 2.0,
                             0, &fg);

      sales_funnel_chart_get_bar_bounds (self, i, &bar);
      sales_chart_get_color (chart, won ? SALES_CHART_COLOR_SUCCESS : SALES_CHART_COLOR_ACCENT,
                             highlighted ? 1 : 0.85, &color);
      sales_chart_get_color (chart, won ? SALES_CHART_COLOR_ON_SUCCESS
                                        : SALES_CHART_COLOR_ON_ACCENT, 1, &on_color);
      gsk_rounded_rect_init_from_rect (&rounded, &bar, MIN (6, bar.size.width / 2));
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &color, &bar);
      gtk_snapshot_pop (snapshot);

      /* The count on its bar when it fits there, else beside it. */
      pango_layout_get_pixel_size (value, &text_width, &text_height);
      if (text_width + 12 <= bar.size.width)
        sales_chart_draw_text (chart, snapshot, value, bar.origin.x + bar.size.width / 2,
                               top + (ROW_HEIGHT - text_height) / 2.0, 0.5, &on_color);
      else
        sales_chart_draw_text (chart, snapshot, value, bar.origin.x + bar.size.width + 6,
                               top + (ROW_HEIGHT - text_height) / 2.0, 0, &fg);

      if (item->note != NULL)
        {
          g_autoptr(PangoLayout) note = sales_chart_create_layout (chart, item->note, TRUE);

          pango_layout_get_pixel_size (note, NULL, &text_height);
          sales_chart_draw_text (chart, snapshot, note, width,
                                 top + (ROW_HEIGHT - text_height) / 2.0, 1, &dim);
        }
    }

  sales_chart_draw_focus (chart, snapshot);
}

static void
sales_funnel_chart_class_init (SalesFunnelChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SalesChartClass *chart_class = SALES_CHART_CLASS (klass);

  widget_class->measure = sales_funnel_chart_measure;
  widget_class->size_allocate = sales_funnel_chart_size_allocate;
  widget_class->snapshot = sales_funnel_chart_snapshot;

  chart_class->get_item_bounds = sales_funnel_chart_get_item_bounds;
}

static void
sales_funnel_chart_init (SalesFunnelChart *self)
{
}

GtkWidget *
sales_funnel_chart_new (void)
{
  return g_object_new (SALES_TYPE_FUNNEL_CHART, NULL);
}

/**
 * sales_funnel_chart_get_bar_bounds:
 *
 * Where the bar of item @index is drawn: centred, its width its count's share of the
 * largest count times the room between the labels and the notes.
 */
gboolean
sales_funnel_chart_get_bar_bounds (SalesFunnelChart *self,
                                   guint             index,
                                   graphene_rect_t  *bounds)
{
  const SalesChartItem *item;
  double left, room, width;

  g_return_val_if_fail (SALES_IS_FUNNEL_CHART (self), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  if (index >= sales_chart_get_n_items (SALES_CHART (self)))
    return FALSE;

  item = sales_chart_get_item (SALES_CHART (self), index);
  left = self->label_width + GAP;
  room = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)) - left - GAP - self->note_width);
  width = self->max_value > 0 ? room * item->value / self->max_value : 0;
  if (item->value > 0)
    width = MAX (width, MIN_BAR_WIDTH);
  graphene_rect_init (bounds, left + (room - width) / 2,
                      index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0, width, BAR_HEIGHT);
  return TRUE;
}
