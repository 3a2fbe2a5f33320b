/* sales-kpi-tile.c: one key figure on the dashboard, with its change against the period before
 *
 * A card with the figure's name, its value in large type, up to two progress bars (the won
 * amount towards the base and the stretch targets), a line of detail and the change against
 * the period before, colored by whether it is for the better. A screen reader meets the tile
 * as a group named after the figure, described by all its texts in reading order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sales-kpi-tile.h"

struct _SalesKpiTile
{
  GtkWidget         parent_instance;

  char             *title;
  SalesKpiTileMood  mood;

  GtkWidget        *box;
  GtkLabel         *title_label;
  GtkLabel         *value_label;
  GtkLevelBar      *base_bar;
  GtkLabel         *base_label;
  GtkLevelBar      *stretch_bar;
  GtkLabel         *stretch_label;
  GtkLabel         *detail_label;
  GtkLabel         *change_label;
};

G_DEFINE_FINAL_TYPE (SalesKpiTile, sales_kpi_tile, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
append_label (GString  *text,
              GtkLabel *label)
{
  const char *part = gtk_label_get_label (label);

  /* The change line holds a space while it is empty. */
  if (!gtk_widget_get_visible (GTK_WIDGET (label)) || part == NULL || *part == '\0' ||
      g_str_equal (part, " "))
    return;

  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, part);
}

static void
update_description (SalesKpiTile *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_label (text, self->value_label);
  append_label (text, self->base_label);
  append_label (text, self->stretch_label);
  append_label (text, self->detail_label);
  append_label (text, self->change_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
set_optional_label (GtkLabel   *label,
                    const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
sales_kpi_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_KPI_TILE);

  G_OBJECT_CLASS (sales_kpi_tile_parent_class)->dispose (object);
}

static void
sales_kpi_tile_finalize (GObject *object)
{
  SalesKpiTile *self = (SalesKpiTile *)object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (sales_kpi_tile_parent_class)->finalize (object);
}

static void
sales_kpi_tile_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesKpiTile *self = SALES_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_kpi_tile_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesKpiTile *self = SALES_KPI_TILE (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      gtk_label_set_label (self->title_label, self->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title,
                                      -1);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_kpi_tile_class_init (SalesKpiTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_kpi_tile_dispose;
  object_class->finalize = sales_kpi_tile_finalize;
  object_class->get_property = sales_kpi_tile_get_property;
  object_class->set_property = sales_kpi_tile_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kpitile");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-kpi-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, box);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, title_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, base_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, base_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, stretch_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, stretch_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, detail_label);
  gtk_widget_class_bind_template_child (widget_class, SalesKpiTile, change_label);
}

static void
sales_kpi_tile_init (SalesKpiTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* One color up to the target and the success color once it is reached, not GTK's
   * default thresholds at a quarter and three quarters. */
  for (guint i = 0; i < 2; i++)
    {
      GtkLevelBar *bar = i == 0 ? self->base_bar : self->stretch_bar;

      gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (bar, GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_add_offset_value (bar, GTK_LEVEL_BAR_OFFSET_FULL, 1.0);
    }
}

GtkWidget *
sales_kpi_tile_new (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (SALES_TYPE_KPI_TILE, "title", title, NULL);
}

const char *
sales_kpi_tile_get_title (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return self->title;
}

/* @value: (nullable): the figure as text; NULL shows a dash, as while it is computed */
void
sales_kpi_tile_set_value (SalesKpiTile *self,
                          const char   *value)
{
  g_return_if_fail (SALES_IS_KPI_TILE (self));

  gtk_label_set_label (self->value_label, value != NULL ? value : "—");
  update_description (self);
}

const char *
sales_kpi_tile_get_value (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->value_label);
}

void
sales_kpi_tile_set_detail (SalesKpiTile *self,
                           const char   *detail)
{
  g_return_if_fail (SALES_IS_KPI_TILE (self));

  set_optional_label (self->detail_label, detail);
  update_description (self);
}

const char *
sales_kpi_tile_get_detail (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->detail_label);
}

/**
 * sales_kpi_tile_set_change:
 * @change: (nullable): the change against the period before, as text
 * @mood: whether it is for the better, which colors it
 */
void
sales_kpi_tile_set_change (SalesKpiTile     *self,
                           const char       *change,
                           SalesKpiTileMood  mood)
{
  GtkWidget *label;

  g_return_if_fail (SALES_IS_KPI_TILE (self));

  label = GTK_WIDGET (self->change_label);
  self->mood = mood;
  /* A space keeps the line's height, so that the tiles do not jump while computing. */
  gtk_label_set_label (self->change_label, change != NULL && *change != '\0' ? change : " ");
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, mood == SALES_KPI_TILE_GOOD ? "success" :
                                   mood == SALES_KPI_TILE_BAD ? "error" : "dim-label");
  update_description (self);
}

const char *
sales_kpi_tile_get_change (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NULL);

  return gtk_label_get_label (self->change_label);
}

SalesKpiTileMood
sales_kpi_tile_get_mood (SalesKpiTile *self)
{
  g_return_val_if_fail (SALES_IS_KPI_TILE (self), SALES_KPI_TILE_NEUTRAL);

  return self->mood;
}

/**
 * sales_kpi_tile_set_progress:
 * @index: 0 for the first bar (the base target), 1 for the second (the stretch target)
 * @fraction: how far along; above 1 the bar is full. NAN hides the bar
 * @text: (nullable): what the bar stands for, below it
 */
void
sales_kpi_tile_set_progress (SalesKpiTile *self,
                             guint         index,
                             double        fraction,
                             const char   *text)
{
  GtkLevelBar *bar;

  g_return_if_fail (SALES_IS_KPI_TILE (self));
  g_return_if_fail (index < 2);

  bar = index == 0 ? self->base_bar : self->stretch_bar;
  gtk_widget_set_visible (GTK_WIDGET (bar), !isnan (fraction));
  if (!isnan (fraction))
    gtk_level_bar_set_value (bar, CLAMP (fraction, 0, 1));
  set_optional_label (index == 0 ? self->base_label : self->stretch_label,
                      isnan (fraction) ? NULL : text);
  update_description (self);
}

/* Returns: NAN when bar @index is hidden */
double
sales_kpi_tile_get_progress (SalesKpiTile *self,
                             guint         index)
{
  GtkLevelBar *bar;

  g_return_val_if_fail (SALES_IS_KPI_TILE (self), NAN);
  g_return_val_if_fail (index < 2, NAN);

  bar = index == 0 ? self->base_bar : self->stretch_bar;
  return gtk_widget_get_visible (GTK_WIDGET (bar)) ? gtk_level_bar_get_value (bar) : NAN;
}
