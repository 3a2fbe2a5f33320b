/* sales-chart.h: what the dashboard's charts share
 *
 * A chart is a widget drawn with GtkSnapshot over a list of items (a bar, a column, a funnel
 * stage). The base class keeps the items, follows the pointer and the keyboard over them,
 * shows an item's tooltip, says which item was activated, and gives the chart an accessible
 * description made of the items' texts. Subclasses lay the items out and draw them; they
 * answer where an item is (get_item_bounds), from which hit-testing follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  SALES_CHART_VALUE_COUNT,
  SALES_CHART_VALUE_MONEY,
} SalesChartValueKind;

typedef enum
{
  SALES_CHART_COLOR_FOREGROUND,
  SALES_CHART_COLOR_ACCENT,         /* fills */
  SALES_CHART_COLOR_SUCCESS,
  SALES_CHART_COLOR_WARNING,
  SALES_CHART_COLOR_ERROR,
  SALES_CHART_COLOR_ON_ACCENT,      /* text on those fills */
  SALES_CHART_COLOR_ON_SUCCESS,
} SalesChartColor;

typedef struct
{
  gint64  id;         /* what the item stands for: a rep, a stage; 0 when nothing */
  char   *label;      /* shown next to the item, on an axis */
  double  value;      /* in the chart's unit: a count, or cents */
  double  target;     /* NAN when there is none */
  char   *value_text; /* the value as shown on the chart */
  char   *note;       /* a second text some charts show, such as a conversion rate; or NULL */
  char   *summary;    /* the tooltip and the item's part of the accessible description */
} SalesChartItem;

#define SALES_TYPE_CHART (sales_chart_get_type ())

G_DECLARE_DERIVABLE_TYPE (SalesChart, sales_chart, SALES, CHART, GtkWidget)

struct _SalesChartClass
{
  GtkWidgetClass parent_class;

  /* Where item @index is drawn, in widget coordinates; FALSE when it is not drawn. */
  gboolean (*get_item_bounds) (SalesChart      *self,
                               guint            index,
                               graphene_rect_t *bounds);
};

void                  sales_chart_set_items        (SalesChart           *self,
                                                    const SalesChartItem *items,
                                                    guint                 n_items);
guint                 sales_chart_get_n_items      (SalesChart           *self);
const SalesChartItem *sales_chart_get_item         (SalesChart           *self,
                                                    guint                 index);
void                  sales_chart_set_value_kind   (SalesChart           *self,
                                                    SalesChartValueKind   kind);
void                  sales_chart_set_currency     (SalesChart           *self,
                                                    const char           *currency);
char                 *sales_chart_format_value     (SalesChart           *self,
                                                    double                value);
void                  sales_chart_set_activatable  (SalesChart           *self,
                                                    gboolean              activatable);
gboolean              sales_chart_get_activatable  (SalesChart           *self);
void                  sales_chart_set_empty_text   (SalesChart           *self,
                                                    const char           *text);
int                   sales_chart_hit_test         (SalesChart           *self,
                                                    double                x,
                                                    double                y);
int                   sales_chart_get_hover        (SalesChart           *self);
int                   sales_chart_get_cursor       (SalesChart           *self);
void                  sales_chart_activate_item    (SalesChart           *self,
                                                    guint                 index);

/* For subclasses while they draw. */
void                  sales_chart_get_color        (SalesChart           *self,
                                                    SalesChartColor       which,
                                                    double                alpha,
                                                    GdkRGBA              *color);
gboolean              sales_chart_is_highlighted   (SalesChart           *self,
                                                    guint                 index);
PangoLayout          *sales_chart_create_layout    (SalesChart           *self,
                                                    const char           *text,
                                                    gboolean              small);
void                  sales_chart_draw_text        (SalesChart           *self,
                                                    GtkSnapshot          *snapshot,
                                                    PangoLayout          *layout,
                                                    double                x,
                                                    double                y,
                                                    double                xalign,
                                                    const GdkRGBA        *color);
void                  sales_chart_draw_empty       (SalesChart           *self,
                                                    GtkSnapshot          *snapshot);
void                  sales_chart_draw_focus       (SalesChart           *self,
                                                    GtkSnapshot          *snapshot);

/* An axis from 0 to @top in steps of @step, round numbers (1, 2 or 5 × 10ⁿ; whole ones when
 * @integral) with at most @max_ticks steps, @top ≥ @max. */
void                  sales_chart_nice_scale       (double                max,
                                                    guint                 max_ticks,
                                                    gboolean              integral,
                                                    double               *top,
                                                    double               *step);

void                  sales_chart_item_clear       (SalesChartItem       *item);

G_END_DECLS
