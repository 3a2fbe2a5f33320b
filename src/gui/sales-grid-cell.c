/* sales-grid-cell.c: a cell of a grid, which the keyboard can focus
 *
 * A label cannot hold the focus unless its text is selectable, and a selectable label shows
 * a text cursor and selects its text when focused; a cell is a focusable widget around a
 * plain label instead, and tells assistive technologies it is a cell of a grid (the targets grid).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-grid-cell.h"

struct _SalesGridCell
{
  GtkWidget  parent_instance;

  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (SalesGridCell, sales_grid_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_grid_cell_dispose (GObject *object)
{
  SalesGridCell *self = (SalesGridCell *)object;

  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (sales_grid_cell_parent_class)->dispose (object);
}

static void
sales_grid_cell_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SalesGridCell *self = SALES_GRID_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, sales_grid_cell_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_grid_cell_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SalesGridCell *self = SALES_GRID_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      sales_grid_cell_set_text (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_grid_cell_class_init (SalesGridCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_grid_cell_dispose;
  object_class->get_property = sales_grid_cell_get_property;
  object_class->set_property = sales_grid_cell_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "targetcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID_CELL);
}

static void
sales_grid_cell_init (SalesGridCell *self)
{
  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 1.0f);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
sales_grid_cell_new (void)
{
  return g_object_new (SALES_TYPE_GRID_CELL, NULL);
}

const char *
sales_grid_cell_get_text (SalesGridCell *self)
{
  g_return_val_if_fail (SALES_IS_GRID_CELL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}

void
sales_grid_cell_set_text (SalesGridCell *self,
                            const char      *text)
{
  g_return_if_fail (SALES_IS_GRID_CELL (self));

  if (g_strcmp0 (text, sales_grid_cell_get_text (self)) == 0)
    return;

  gtk_label_set_label (GTK_LABEL (self->label), text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}
