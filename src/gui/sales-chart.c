/* sales-chart.c: what the dashboard's charts share
 *
 * As in Sysprof's chart layers, a chart keeps its data apart from its drawing: the items hold
 * values in their own unit, and each subclass turns them into fractions of its axis before
 * it draws (see get_item_bounds), so that hit-testing and drawing agree on where an item is.
 * Colors come from the style (libadwaita's named colors), read at every snapshot, so the
 * charts follow the dark and light styles and the high-contrast one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sales-chart.h"
#include "sales-money.h"

typedef struct
{
  GArray              *items;        /* SalesChartItem */
  SalesChartValueKind  value_kind;
  char                *currency;
  char                *empty_text;
  int                  hover;        /* -1: none */
  int                  cursor;       /* the item the keyboard is on; -1: none */
  gboolean             activatable;
} SalesChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SalesChart, sales_chart, GTK_TYPE_WIDGET)

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
sales_chart_item_clear (SalesChartItem *item)
{
  g_clear_pointer (&item->label, g_free);
  g_clear_pointer (&item->value_text, g_free);
  g_clear_pointer (&item->note, g_free);
  g_clear_pointer (&item->summary, g_free);
}

static void
update_description (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < priv->items->len; i++)
    {
      const SalesChartItem *item = &g_array_index (priv->items, SalesChartItem, i);

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, item->summary != NULL ? item->summary : item->label);
    }
  if (text->len == 0 && priv->empty_text != NULL)
    g_string_append (text, priv->empty_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
set_hover (SalesChart *self,
           int         hover)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  if (priv->hover == hover)
    return;

  priv->hover = hover;
  if (priv->activatable)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (SalesChart *self,
           double      x,
           double      y)
{
  set_hover (self, sales_chart_hit_test (self, x, y));
}

static void
on_leave (SalesChart *self)
{
  set_hover (self, -1);
}

static void
on_released (SalesChart      *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  int index = sales_chart_hit_test (self, x, y);

  if (index < 0)
    return;

  priv->cursor = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (priv->activatable)
    sales_chart_activate_item (self, index);
}

static gboolean
on_key_pressed (SalesChart      *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  int n = priv->items->len;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      priv->cursor = priv->cursor <= 0 ? 0 : priv->cursor - 1;
      break;

    case GDK_KEY_Right:
    case GDK_KEY_Down:
      priv->cursor = MIN (priv->cursor + 1, n - 1);
      break;

    case GDK_KEY_Home:
      priv->cursor = 0;
      break;

    case GDK_KEY_End:
      priv->cursor = n - 1;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (!priv->activatable || priv->cursor < 0)
        return FALSE;
      sales_chart_activate_item (self, priv->cursor);
      return TRUE;

    default:
      return FALSE;
    }

  /* The item the keyboard is on reads out as the chart's tooltip does under the pointer. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  g_array_index (priv->items, SalesChartItem,
                                                 priv->cursor).summary,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static void
on_focus_leave (SalesChart *self)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
sales_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  SalesChart *self = SALES_CHART (widget);
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  int index = keyboard ? priv->cursor : sales_chart_hit_test (self, x, y);
  graphene_rect_t bounds;

  if (index < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, g_array_index (priv->items, SalesChartItem, index).summary);
  if (SALES_CHART_GET_CLASS (self)->get_item_bounds (self, index, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                floor (bounds.origin.x), floor (bounds.origin.y),
                                ceil (bounds.size.width), ceil (bounds.size.height) });
  return TRUE;
}

static void
sales_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (sales_chart_parent_class)->css_changed (widget, change);

  /* The colors are read while drawing; a new style (dark, high contrast) needs a redraw. */
  gtk_widget_queue_draw (widget);
}

static void
sales_chart_finalize (GObject *object)
{
  SalesChart *self = (SalesChart *)object;
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_clear_pointer (&priv->items, g_array_unref);
  g_clear_pointer (&priv->currency, g_free);
  g_clear_pointer (&priv->empty_text, g_free);

  G_OBJECT_CLASS (sales_chart_parent_class)->finalize (object);
}

static void
sales_chart_class_init (SalesChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = sales_chart_finalize;

  widget_class->query_tooltip = sales_chart_query_tooltip;
  widget_class->css_changed = sales_chart_css_changed;

  /**
   * SalesChart::item-activated:
   * @index: the item clicked, or chosen with Enter
   *
   * Emitted only when the chart is activatable.
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
sales_chart_init (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  priv->items = g_array_new (FALSE, TRUE, sizeof (SalesChartItem));
  g_array_set_clear_func (priv->items, (GDestroyNotify)sales_chart_item_clear);
  priv->hover = -1;
  priv->cursor = -1;

  g_signal_connect_swapped (motion, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_swapped (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

/**
 * sales_chart_set_items:
 *
 * Replaces the items; the chart copies them.
 */
void
sales_chart_set_items (SalesChart           *self,
                       const SalesChartItem *items,
                       guint                 n_items)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (items != NULL || n_items == 0);

  g_array_set_size (priv->items, 0);
  for (guint i = 0; i < n_items; i++)
    {
      SalesChartItem copy = items[i];

      copy.label = g_strdup (items[i].label);
      copy.value_text = g_strdup (items[i].value_text);
      copy.note = g_strdup (items[i].note);
      copy.summary = g_strdup (items[i].summary);
      g_array_append_val (priv->items, copy);
    }

  priv->hover = -1;
  if (priv->cursor >= (int)n_items)
    priv->cursor = (int)n_items - 1;

  update_description (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
sales_chart_get_n_items (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), 0);

  return priv->items->len;
}

const SalesChartItem *
sales_chart_get_item (SalesChart *self,
                      guint       index)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), NULL);
  g_return_val_if_fail (index < priv->items->len, NULL);

  return &g_array_index (priv->items, SalesChartItem, index);
}

void
sales_chart_set_value_kind (SalesChart          *self,
                            SalesChartValueKind  kind)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));

  priv->value_kind = kind;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
sales_chart_set_currency (SalesChart *self,
                          const char *currency)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));

  g_free (priv->currency);
  priv->currency = g_strdup (currency);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * sales_chart_format_value:
 *
 * Returns: (transfer full): @value as an axis labels it: a count with the locale's digit
 *   grouping, or an amount in the short form of sales_money_format_compact()
 */
char *
sales_chart_format_value (SalesChart *self,
                          double      value)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), NULL);

  if (priv->value_kind == SALES_CHART_VALUE_MONEY)
    return sales_money_format_compact ((gint64)llround (value), priv->currency);

  return g_strdup_printf ("%'" G_GINT64_FORMAT, (gint64)llround (value));
}

void
sales_chart_set_activatable (SalesChart *self,
                             gboolean    activatable)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));

  priv->activatable = !!activatable;
}

gboolean
sales_chart_get_activatable (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), FALSE);

  return priv->activatable;
}

/* What the chart says, drawn and read out, when it has no items. */
void
sales_chart_set_empty_text (SalesChart *self,
                            const char *text)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));

  g_free (priv->empty_text);
  priv->empty_text = g_strdup (text);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * sales_chart_hit_test:
 *
 * Returns: the item drawn at (@x, @y) in widget coordinates, or -1
 */
int
sales_chart_hit_test (SalesChart *self,
                      double      x,
                      double      y)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  g_return_val_if_fail (SALES_IS_CHART (self), -1);

  for (guint i = 0; i < priv->items->len; i++)
    {
      graphene_rect_t bounds;

      if (SALES_CHART_GET_CLASS (self)->get_item_bounds (self, i, &bounds) &&
          graphene_rect_contains_point (&bounds, &point))
        return i;
    }

  return -1;
}

int
sales_chart_get_hover (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), -1);

  return priv->hover;
}

int
sales_chart_get_cursor (SalesChart *self)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), -1);

  return priv->cursor;
}

void
sales_chart_activate_item (SalesChart *self,
                           guint       index)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_if_fail (SALES_IS_CHART (self));
  g_return_if_fail (index < priv->items->len);

  if (priv->activatable)
    g_signal_emit (self, signals[ITEM_ACTIVATED], 0, index);
}

/**
 * sales_chart_get_color:
 * @alpha: multiplies the color's own alpha
 *
 * Reads one of libadwaita's named colors from the widget's style.
 */
void
sales_chart_get_color (SalesChart      *self,
                       SalesChartColor  which,
                       double           alpha,
                       GdkRGBA         *color)
{
  static const char * const names[] = {
    [SALES_CHART_COLOR_ACCENT] = "accent_bg_color",
    [SALES_CHART_COLOR_SUCCESS] = "success_bg_color",
    [SALES_CHART_COLOR_WARNING] = "warning_bg_color",
    [SALES_CHART_COLOR_ERROR] = "error_bg_color",
    [SALES_CHART_COLOR_ON_ACCENT] = "accent_fg_color",
    [SALES_CHART_COLOR_ON_SUCCESS] = "success_fg_color",
  };
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  g_return_if_fail (SALES_IS_CHART (self));

  gtk_style_context_get_color (context, color);
  if (which != SALES_CHART_COLOR_FOREGROUND)
    gtk_style_context_lookup_color (context, names[which], color);
  color->alpha *= alpha;
}

/* Whether item @index is under the pointer or, with the keyboard's focus, the cursor's. */
gboolean
sales_chart_is_highlighted (SalesChart *self,
                            guint       index)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);

  g_return_val_if_fail (SALES_IS_CHART (self), FALSE);

  return (int)index == priv->hover ||
         ((int)index == priv->cursor && gtk_widget_has_visible_focus (GTK_WIDGET (self)));
}

/* @small: the size of axis labels (the "caption" style); else the widget's font. */
PangoLayout *
sales_chart_create_layout (SalesChart *self,
                           const char *text,
                           gboolean    small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  g_return_val_if_fail (SALES_IS_CHART (self), NULL);

  if (small)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.82));
      pango_layout_set_attributes (layout, attrs);
    }

  return layout;
}

/* Draws @layout with its top at @y and @xalign of its width at @x. */
void
sales_chart_draw_text (SalesChart    *self,
                       GtkSnapshot   *snapshot,
                       PangoLayout   *layout,
                       double         x,
                       double         y,
                       double         xalign,
                       const GdkRGBA *color)
{
  int width;

  g_return_if_fail (SALES_IS_CHART (self));

  pango_layout_get_pixel_size (layout, &width, NULL);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x - xalign * width), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

void
sales_chart_draw_empty (SalesChart  *self,
                        GtkSnapshot *snapshot)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;
  int height;

  g_return_if_fail (SALES_IS_CHART (self));

  if (priv->empty_text == NULL)
    return;

  sales_chart_get_color (self, SALES_CHART_COLOR_FOREGROUND, 0.55, &color);
  layout = sales_chart_create_layout (self, priv->empty_text, FALSE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  sales_chart_draw_text (self, snapshot, layout, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                         (gtk_widget_get_height (GTK_WIDGET (self)) - height) / 2.0, 0.5, &color);
}

/* A ring around the keyboard's item while the chart has the visible focus. */
void
sales_chart_draw_focus (SalesChart  *self,
                        GtkSnapshot *snapshot)
{
  SalesChartPrivate *priv = sales_chart_get_instance_private (self);
  graphene_rect_t bounds;
  GskRoundedRect outline;
  GdkRGBA color;

  g_return_if_fail (SALES_IS_CHART (self));

  if (priv->cursor < 0 || !gtk_widget_has_visible_focus (GTK_WIDGET (self)) ||
      !SALES_CHART_GET_CLASS (self)->get_item_bounds (self, priv->cursor, &bounds))
    return;

  sales_chart_get_color (self, SALES_CHART_COLOR_ACCENT, 0.8, &color);
  graphene_rect_inset (&bounds, -2, -2);
  gsk_rounded_rect_init_from_rect (&outline, &bounds, 6);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 2, 2, 2, 2 },
                              (GdkRGBA[4]) { color, color, color, color });
}

void
sales_chart_nice_scale (double    max,
                        guint     max_ticks,
                        gboolean  integral,
                        double   *top,
                        double   *step)
{
  static const double multiples[] = { 1, 2, 5, 10 };
  double raw, magnitude;

  g_return_if_fail (max_ticks > 0);
  g_return_if_fail (top != NULL && step != NULL);

  if (!(max > 0) || !isfinite (max))
    {
      *step = 1;
      *top = max_ticks;
      return;
    }

  raw = max / max_ticks;
  if (integral && raw < 1)
    raw = 1;
  magnitude = pow (10, floor (log10 (raw)));
  *step = magnitude * 10;
  for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
    {
      if (multiples[i] * magnitude >= raw * (1 - 1e-9))
        {
          *step = multiples[i] * magnitude;
          break;
        }
    }
  *top = ceil (max / *step - 1e-9) * *step;
}
