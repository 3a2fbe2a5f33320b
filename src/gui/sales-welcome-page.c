/* sales-welcome-page.c: the first-run page of an empty database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-welcome-page.h"

/* The page only shows the choices; the buttons activate the window's actions
 * (win.load-sample-data, win.start-empty, app.import), and the window says when the
 * page is busy loading and how far it got. */
struct _SalesWelcomePage
{
  AdwBin          parent_instance;

  GtkWidget      *choices;
  GtkProgressBar *progress_bar;
  GtkWidget      *load_button;

  double          fraction;
  guint           busy : 1;
};

G_DEFINE_FINAL_TYPE (SalesWelcomePage, sales_welcome_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_welcome_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SalesWelcomePage *self = SALES_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_FRACTION:
      g_value_set_double (value, self->fraction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_welcome_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SalesWelcomePage *self = SALES_WELCOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      sales_welcome_page_set_busy (self, g_value_get_boolean (value));
      break;

    case PROP_FRACTION:
      sales_welcome_page_set_fraction (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (sales_welcome_page_parent_class)->dispose (object);
}

static gboolean
sales_welcome_page_grab_focus (GtkWidget *widget)
{
  SalesWelcomePage *self = SALES_WELCOME_PAGE (widget);

  /* The suggested choice gets the focus so that Enter loads the sample data. */
  if (!self->busy && gtk_widget_get_sensitive (self->load_button))
    return gtk_widget_grab_focus (self->load_button);

  return GTK_WIDGET_CLASS (sales_welcome_page_parent_class)->grab_focus (widget);
}

static void
sales_welcome_page_class_init (SalesWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_welcome_page_dispose;
  object_class->get_property = sales_welcome_page_get_property;
  object_class->set_property = sales_welcome_page_set_property;

  widget_class->grab_focus = sales_welcome_page_grab_focus;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesWelcomePage, choices);
  gtk_widget_class_bind_template_child (widget_class, SalesWelcomePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SalesWelcomePage, load_button);
}

static void
sales_welcome_page_init (SalesWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_welcome_page_new (void)
{
  return g_object_new (SALES_TYPE_WELCOME_PAGE, NULL);
}

gboolean
sales_welcome_page_get_busy (SalesWelcomePage *self)
{
  g_return_val_if_fail (SALES_IS_WELCOME_PAGE (self), FALSE);

  return self->busy;
}

/**
 * sales_welcome_page_set_busy:
 *
 * While busy the page hides its choices behind a progress bar, so that sample data
 * cannot be asked for twice.
 */
void
sales_welcome_page_set_busy (SalesWelcomePage *self,
                             gboolean          busy)
{
  g_return_if_fail (SALES_IS_WELCOME_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_sensitive (self->choices, !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), busy);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_BUSY, busy, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

double
sales_welcome_page_get_fraction (SalesWelcomePage *self)
{
  g_return_val_if_fail (SALES_IS_WELCOME_PAGE (self), 0.0);

  return self->fraction;
}

void
sales_welcome_page_set_fraction (SalesWelcomePage *self,
                                 double            fraction)
{
  g_return_if_fail (SALES_IS_WELCOME_PAGE (self));

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (self->fraction == fraction)
    return;

  self->fraction = fraction;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
}
