/* sales-print-dialog.c: which month, rep and language the printed summary is of
 *
 * The months offered are the three years up to this month (and the one asked for, if older);
 * the reps are those of the team, active or not, since a summary of a past month may be of a
 * rep who has left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-dashboard.h"
#include "sales-print-dialog.h"

#define N_MONTHS 36

/* The languages a summary can be printed in; NULL is the interface's. */
static const struct {
  const char *code;
  const char *name;
} languages[] = {
  { NULL, N_("Language of Sales Desk") },
  { "en", "English" },
  { "zh_CN", "简体中文" },
  { "zh_TW", "繁體中文" },
};

struct _SalesPrintDialog
{
  AdwMessageDialog  parent_instance;

  SalesStore       *store;
  SalesKpiPeriod    first_period;
  gint64            first_rep_id;
  GArray           *months;   /* SalesKpiPeriod, newest first */
  GArray           *rep_ids;  /* gint64, 0 first for the whole team */

  AdwComboRow      *month_row;
  AdwComboRow      *rep_row;
  AdwComboRow      *language_row;
};

G_DEFINE_FINAL_TYPE (SalesPrintDialog, sales_print_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
fill_months (SalesPrintDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  SalesKpiPeriod month;
  guint selected = 0;

  sales_kpi_period_for_time (&month, SALES_KPI_MONTH, g_get_real_time () / G_USEC_PER_SEC);
  for (guint i = 0; i < N_MONTHS || month.start >= self->first_period.start; i++)
    {
      g_autofree char *name = sales_dashboard_format_period (&month, FALSE);

      if (month.start == self->first_period.start)
        selected = i;
      g_array_append_val (self->months, month);
      gtk_string_list_append (names, name);
      sales_kpi_period_offset (&g_array_index (self->months, SalesKpiPeriod, i), -1, &month);
    }
  adw_combo_row_set_model (self->month_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->month_row, selected);
}

static void
fill_reps (SalesPrintDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) reps = sales_store_list_reps (self->store);
  guint selected = 0;
  gint64 team = 0;

  gtk_string_list_append (names, _("Whole team"));
  g_array_append_val (self->rep_ids, team);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sales_record_get_id (SALES_RECORD (rep));

      if (id == self->first_rep_id)
        selected = self->rep_ids->len;
      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->rep_ids, id);
    }
  adw_combo_row_set_model (self->rep_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->rep_row, selected);
}

static void
fill_languages (SalesPrintDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  /* Each language is named in itself, as a person who reads it looks for it. */
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    gtk_string_list_append (names, i == 0 ? _(languages[i].name) : languages[i].name);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->language_row, 0);
}

static void
sales_print_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SALES_TYPE_PRINT_DIALOG);

  G_OBJECT_CLASS (sales_print_dialog_parent_class)->dispose (object);
}

static void
sales_print_dialog_finalize (GObject *object)
{
  SalesPrintDialog *self = (SalesPrintDialog *)object;

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->rep_ids, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_print_dialog_parent_class)->finalize (object);
}

static void
sales_print_dialog_class_init (SalesPrintDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sales_print_dialog_dispose;
  object_class->finalize = sales_print_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/salesdesk/SalesDesk/"
                                               "sales-print-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesPrintDialog, month_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPrintDialog, rep_row);
  gtk_widget_class_bind_template_child (widget_class, SalesPrintDialog, language_row);
}

static void
sales_print_dialog_init (SalesPrintDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->months = g_array_new (FALSE, FALSE, sizeof (SalesKpiPeriod));
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
sales_print_dialog_new (GtkWindow            *parent,
                        SalesStore           *store,
                        const SalesKpiPeriod *period,
                        gint64                rep_id)
{
  SalesPrintDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);

  self = g_object_new (SALES_TYPE_PRINT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->first_rep_id = rep_id;
  if (period != NULL)
    /* A quarter or a year on the dashboard: its last month, the one a meeting looks back on. */
    sales_kpi_period_init (&self->first_period, SALES_KPI_MONTH, period->year,
                           period->month + period->n_months - 1);
  else
    sales_kpi_period_for_time (&self->first_period, SALES_KPI_MONTH,
                               g_get_real_time () / G_USEC_PER_SEC);

  fill_months (self);
  fill_reps (self);
  fill_languages (self);
  return GTK_WIDGET (self);
}

void
sales_print_dialog_get_period (SalesPrintDialog *self,
                               SalesKpiPeriod   *period)
{
  g_return_if_fail (SALES_IS_PRINT_DIALOG (self));
  g_return_if_fail (period != NULL);

  *period = g_array_index (self->months, SalesKpiPeriod,
                           adw_combo_row_get_selected (self->month_row));
}

gint64
sales_print_dialog_get_rep_id (SalesPrintDialog *self)
{
  g_return_val_if_fail (SALES_IS_PRINT_DIALOG (self), 0);

  return g_array_index (self->rep_ids, gint64, adw_combo_row_get_selected (self->rep_row));
}

const char *
sales_print_dialog_get_language (SalesPrintDialog *self)
{
  g_return_val_if_fail (SALES_IS_PRINT_DIALOG (self), NULL);

  return languages[adw_combo_row_get_selected (self->language_row)].code;
}

void
sales_print_dialog_set_language (SalesPrintDialog *self,
                                 const char       *language)
{
  g_return_if_fail (SALES_IS_PRINT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_strcmp0 (languages[i].code, language) == 0)
        adw_combo_row_set_selected (self->language_row, i);
    }
}
