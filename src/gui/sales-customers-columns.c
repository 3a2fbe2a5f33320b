/* sales-customers-columns.c: the columns of the Customers view
 *
 * Each cell is a label that follows its customer and, for the sums, the customer's
 * SalesCustomerStats, which the list computes for the rows on screen only. The
 * columns' headers sort: GTK 4.8 has no API that says which column its sorter sorts
 * by, so each column gets a sorter that, when asked to compare, notes its column and
 * answers "smaller"; comparing once through the column view's sorter then tells the
 * column (the one noted) and the direction (the answer, which the column view turns
 * round for a descending sort), and the list sorts in SQL accordingly. The sorters
 * never sort anything themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-customers-view-private.h"
#include "sales-money.h"

/* What a cell's label shows and follows; kept on the label while it is bound. */
typedef struct
{
  SalesCustomer      *customer;
  SalesCustomerStats *stats;
  gulong              customer_handler;
  gulong              stats_handler;
} CellBinding;

/* Text of the cells */

static char *
format_day (SalesCustomersView *self,
            gint64              when)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;
  int y, m, d, ny, nm, nd;
  gint64 days;

  if (when <= 0)
    return g_strdup ("—");

  local = g_date_time_new_from_unix_local (when);
  now = g_date_time_new_from_unix_local (sales_store_now (self->store));
  g_date_time_get_ymd (local, &y, &m, &d);
  g_date_time_get_ymd (now, &ny, &nm, &nd);
  {
    GDate a, b;

    g_date_clear (&a, 1);
    g_date_clear (&b, 1);
    g_date_set_dmy (&a, d, m, y);
    g_date_set_dmy (&b, nd, nm, ny);
    days = (gint64)g_date_get_julian (&a) - (gint64)g_date_get_julian (&b);
  }

  if (days == 0)
    return g_strdup (_("Today"));
  if (days == -1)
    return g_strdup (_("Yesterday"));
  if (days == 1)
    return g_strdup (_("Tomorrow"));
  if (y == ny)
    /* TRANSLATORS: a day of this year in a table, in strftime form (zh_CN: "%-m月%-d日") */
    return g_date_time_format (local, C_("short date", "%b %-d"));

  /* TRANSLATORS: a day of another year in a table, in strftime form */
  return g_date_time_format (local, C_("short date with year", "%Y-%m-%d"));
}

static char *
cell_text (SalesCustomersView *self,
           Column              column,
           SalesCustomer      *customer,
           SalesCustomerStats *stats)
{
  const char *text;

  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (sales_customer_get_name (customer));

    case COLUMN_TIER:
      return g_strdup (sales_tier_to_string (sales_customer_get_tier (customer)));

    case COLUMN_INDUSTRY:
      text = sales_customer_get_industry (customer);
      return g_strdup (text != NULL ? text : "");

    case COLUMN_OWNER:
      {
        gint64 owner_id = sales_customer_get_owner_id (customer);
        g_autoptr(SalesRep) rep = NULL;

        if (owner_id == 0)
          return g_strdup (_("Public pool"));
        rep = sales_store_get_rep (self->store, owner_id, NULL);
        return g_strdup (rep != NULL ? sales_rep_get_name (rep) : "");
      }

    case COLUMN_SOURCE:
      text = sales_customer_get_source (customer);
      return g_strdup (text != NULL ? sales_customer_source_to_label (text) : "");

    case COLUMN_LAST_CONTACT:
      return format_day (self, sales_customer_stats_get_last_contact_at (stats));

    case COLUMN_OPEN_DEALS:
      {
        guint n = sales_customer_stats_get_open_deals (stats);
        g_autofree char *money = NULL;

        if (n == 0)
          return g_strdup ("—");
        money = sales_money_format (sales_customer_stats_get_open_cents (stats),
                                    sales_settings_get_currency (self->settings));
        /* TRANSLATORS: open deals in the customer list: their number, then their total */
        return g_strdup_printf (C_("open deals", "%u · %s"), n, money);
      }

    case COLUMN_NEXT_FOLLOWUP:
      return format_day (self, sales_customer_stats_get_next_followup_at (stats));

    case COLUMN_CREATED:
      return format_day (self, sales_customer_get_created_at (customer));

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_has_stats (Column column)
{
  return column == COLUMN_LAST_CONTACT || column == COLUMN_OPEN_DEALS ||
         column == COLUMN_NEXT_FOLLOWUP;
}

static void
update_cell (GtkLabel *label)
{
  ColumnInfo *info = g_object_get_data (G_OBJECT (label), "column-info");
  CellBinding *binding = g_object_get_data (G_OBJECT (label), "binding");
  g_autofree char *text = NULL;

  if (binding == NULL)
    return;

  text = cell_text (info->view, info->column, binding->customer, binding->stats);
  gtk_label_set_text (label, text);
}

static void
cell_binding_free (gpointer data)
{
  CellBinding *binding = data;

  g_clear_signal_handler (&binding->customer_handler, binding->customer);
  if (binding->stats != NULL)
    g_clear_signal_handler (&binding->stats_handler, binding->stats);
  g_clear_object (&binding->customer);
  g_clear_object (&binding->stats);
  g_free (binding);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnInfo               *info)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autoptr(PangoLayout) sample = NULL;
  int line_height;

  /* A Latin line and a Chinese one (set in a CJK fallback font with taller metrics) differ in
   * height: without one height for all, rows with a Chinese name or owner stand taller than
   * the others in an English or mixed list. */
  sample = gtk_widget_create_pango_layout (label, "Ag\u56fd");
  pango_layout_get_pixel_size (sample, NULL, &line_height);
  gtk_widget_set_size_request (label, -1, line_height);
  gtk_label_set_xalign (GTK_LABEL (label), info->column == COLUMN_OPEN_DEALS ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (info->column == COLUMN_OPEN_DEALS)
    gtk_widget_add_css_class (label, "numeric");
  g_object_set_data (G_OBJECT (label), "column-info", info);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnInfo               *info)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  SalesCustomer *customer = gtk_list_item_get_item (item);
  CellBinding *binding = g_new0 (CellBinding, 1);

  binding->customer = g_object_ref (customer);
  binding->customer_handler = g_signal_connect_swapped (customer, "notify",
                                                        G_CALLBACK (update_cell), label);
  if (column_has_stats (info->column))
    {
      binding->stats = sales_customer_list_get_stats (info->view->list,
                                                      sales_record_get_id (SALES_RECORD (customer)));
      binding->stats_handler = g_signal_connect_swapped (binding->stats, "notify",
                                                         G_CALLBACK (update_cell), label);
    }

  g_object_set_data_full (G_OBJECT (label), "binding", binding, cell_binding_free);
  update_cell (GTK_LABEL (label));
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ColumnInfo               *info)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (item)), "binding", NULL);
}

/* Sorting */

static int
probe_sort (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  ColumnInfo *info = user_data;

  info->view->probe_column = (int)info->column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (SalesCustomersView *self)
{
  static const SalesCustomerSort sorts[] = {
    SALES_CUSTOMER_SORT_NAME,
    SALES_CUSTOMER_SORT_TIER,
    SALES_CUSTOMER_SORT_INDUSTRY,
    SALES_CUSTOMER_SORT_OWNER,
    SALES_CUSTOMER_SORT_SOURCE,
    SALES_CUSTOMER_SORT_LAST_CONTACT,
    SALES_CUSTOMER_SORT_OPEN_AMOUNT,
    SALES_CUSTOMER_SORT_NEXT_FOLLOWUP,
    SALES_CUSTOMER_SORT_CREATED,
  };
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  G_STATIC_ASSERT (G_N_ELEMENTS (sorts) == N_COLUMNS);

  /* Two different objects: the same one twice compares equal without asking. */
  self->probe_column = -1;
  order = gtk_sorter_compare (sorter, self, self->list);
  if (self->probe_column < 0)
    sales_customer_list_set_sort (self->list, SALES_CUSTOMER_SORT_RELEVANCE, FALSE);
  else
    sales_customer_list_set_sort (self->list, sorts[self->probe_column],
                                  order == GTK_ORDERING_LARGER);
}

void
sales_customers_view_add_columns (SalesCustomersView *self)
{
  static const struct {
    const char *title;
    gboolean expand;
    int width;
  } columns[] = {
    /* The dates' widths fit a day of another year as Chinese writes it, 2025年10月15日. */
    { N_("Name"), TRUE, 220 },
    { N_("Tier"), FALSE, 50 },
    { N_("Industry"), FALSE, 120 },
    { N_("Owner"), FALSE, 110 },
    { N_("Source"), FALSE, 100 },
    { N_("Last Contact"), FALSE, 125 },
    { N_("Open Deals"), FALSE, 130 },
    { N_("Next Follow-up"), FALSE, 125 },
    { N_("Created"), FALSE, 125 },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(GtkSorter) sorter = NULL;

      self->columns[i] = (ColumnInfo) { self, i };
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), &self->columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), &self->columns[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), &self->columns[i]);

      column = gtk_column_view_column_new (_(columns[i].title), g_object_ref (factory));
      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_sort, &self->columns[i], NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_fixed_width (column, columns[i].width);
      gtk_column_view_append_column (self->column_view, column);
    }

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
}
