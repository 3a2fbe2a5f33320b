/* sales-dashboard.c: the Dashboard view: the key figures of a period, tiles and charts
 *
 * Above the tiles and charts sit the period picker (a month, a quarter or a year, the one
 * before or after, this month) and the rep filter. The figures are computed in a worker
 * thread (sales-dashboard-worker.c); the tiles and the charts, and all their texts, are
 * filled in sales-dashboard-fill.c and sales-dashboard-charts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "sales-dashboard-private.h"

G_DEFINE_FINAL_TYPE (SalesDashboard, sales_dashboard, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_PERIOD_LABEL,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
sales_dashboard_set_loading (SalesDashboard *self,
                             gboolean        loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Period */

static void
update_period (SalesDashboard *self)
{
  g_autofree char *heading = NULL;

  g_assert (SALES_IS_DASHBOARD (self));

  g_free (self->period_label);
  self->period_label = sales_dashboard_format_period (&self->period, FALSE);
  gtk_label_set_label (self->period_title, self->period_label);

  switch (self->period.kind)
    {
    case SALES_KPI_MONTH:
      heading = g_strdup (_("Won against Target, Last 12 Months"));
      break;
    case SALES_KPI_QUARTER:
      heading = g_strdup (_("Won against Target, Last 12 Quarters"));
      break;
    case SALES_KPI_YEAR:
    default:
      heading = g_strdup (_("Won against Target, Last 12 Years"));
      break;
    }
  gtk_label_set_label (self->trend_heading, heading);

  /* Its handler finds the kind already set. */
  gtk_toggle_button_set_active (self->period.kind == SALES_KPI_MONTH ? self->month_button :
                                self->period.kind == SALES_KPI_QUARTER ? self->quarter_button :
                                self->year_button, TRUE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERIOD_LABEL]);
  sales_dashboard_refresh (self);
}

static void
on_kind_toggled (SalesDashboard  *self,
                 GtkToggleButton *button)
{
  SalesKpiPeriodKind kind;
  SalesKpiPeriod period;

  g_assert (SALES_IS_DASHBOARD (self));

  if (!gtk_toggle_button_get_active (button))
    return;

  kind = button == self->quarter_button ? SALES_KPI_QUARTER :
         button == self->year_button ? SALES_KPI_YEAR : SALES_KPI_MONTH;
  if (kind == self->period.kind)
    return;

  /* The quarter or year that holds the month shown, not today's. */
  sales_kpi_period_init (&period, kind, self->period.year, self->period.month);
  sales_dashboard_set_period (self, &period);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  SalesDashboard *self = SALES_DASHBOARD (widget);
  SalesKpiPeriod period;

  sales_kpi_period_offset (&self->period,
                           g_str_equal (action_name, "dashboard.next") ? 1 : -1, &period);
  sales_dashboard_set_period (self, &period);
}

static void
this_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  SalesDashboard *self = SALES_DASHBOARD (widget);
  SalesKpiPeriod period;

  sales_kpi_period_for_time (&period, SALES_KPI_MONTH, sales_store_now (self->store));
  sales_dashboard_set_period (self, &period);
}

/* Reps */

static void
on_rep_selected (SalesDashboard *self)
{
  guint selected = gtk_drop_down_get_selected (self->rep_dropdown);

  g_assert (SALES_IS_DASHBOARD (self));

  if (selected < self->rep_ids->len)
    sales_dashboard_set_rep_id (self, g_array_index (self->rep_ids, gint64, selected));
}

static void
rebuild_rep_choices (SalesDashboard *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 id = 0;
  guint selected = 0;

  g_assert (SALES_IS_DASHBOARD (self));

  g_array_set_size (self->rep_ids, 0);
  gtk_string_list_append (names, _("Whole Team"));
  g_array_append_val (self->rep_ids, id);

  /* The rep list is the small table of the sales team, all loaded. */
  for (guint i = 0; i < g_list_model_get_n_items (self->reps); i++)
    {
      g_autoptr(SalesRep) rep = g_list_model_get_item (self->reps, i);

      id = sales_record_get_id (SALES_RECORD (rep));
      gtk_string_list_append (names, sales_rep_get_name (rep));
      g_array_append_val (self->rep_ids, id);
      if (id == self->rep_id)
        selected = self->rep_ids->len - 1;
    }

  g_signal_handlers_block_by_func (self->rep_dropdown, on_rep_selected, self);
  gtk_drop_down_set_model (self->rep_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->rep_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->rep_dropdown, on_rep_selected, self);

  /* A rep who was deleted takes the filter on them with them. */
  on_rep_selected (self);
}

/* Charts */

static void
on_trend_activated (SalesDashboard *self,
                    guint           index)
{
  g_assert (SALES_IS_DASHBOARD (self));

  if (self->shown != NULL && index < self->shown->trend->len)
    sales_dashboard_set_period (self, &g_array_index (self->shown->trend, SalesKpiTrendPoint,
                                                      index).period);
}

static void
on_rep_activated (SalesDashboard *self,
                  guint           index)
{
  const SalesChartItem *item = sales_chart_get_item (self->charts[CHART_RANKING], index);

  g_assert (SALES_IS_DASHBOARD (self));

  sales_dashboard_set_rep_id (self, item->id);
}

/* The board, filtered to the rep shown, at the stage's column (win.show-stage). */
static void
on_stage_activated (SalesDashboard *self,
                    guint           index)
{
  const SalesChartItem *item = sales_chart_get_item (self->charts[CHART_FUNNEL], index);

  g_assert (SALES_IS_DASHBOARD (self));

  if (item->id == 0)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-stage", "(xx)", item->id,
                              self->rep_id);
}

static void
after_first_frame (SalesDashboard *self,
                   GdkFrameClock  *frame_clock)
{
  g_assert (SALES_IS_DASHBOARD (self));

  g_signal_handlers_disconnect_by_func (frame_clock, after_first_frame, self);
  self->waiting_for_frame = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    sales_dashboard_pump (self);
}

static void
sales_dashboard_map (GtkWidget *widget)
{
  SalesDashboard *self = SALES_DASHBOARD (widget);

  GTK_WIDGET_CLASS (sales_dashboard_parent_class)->map (widget);

  /* What is known shows in the first frame. The figures it lacks (all of them the first
   * time, and after changes made while the view was hidden) are computed once that frame
   * is painted: the worker's reading a period on the other core slowed the frame down. */
  sales_dashboard_show_cached (self);
  if (!self->waiting_for_frame)
    {
      self->waiting_for_frame = TRUE;
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (after_first_frame), self, G_CONNECT_SWAPPED);
    }
}

static void
sales_dashboard_constructed (GObject *object)
{
  SalesDashboard *self = (SalesDashboard *)object;

  G_OBJECT_CLASS (sales_dashboard_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->settings != NULL);

  sales_dashboard_build_tiles (self);
  sales_dashboard_build_charts (self);
  g_signal_connect_object (self->charts[CHART_TREND], "item-activated",
                           G_CALLBACK (on_trend_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->charts[CHART_RANKING], "item-activated",
                           G_CALLBACK (on_rep_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->charts[CHART_FUNNEL], "item-activated",
                           G_CALLBACK (on_stage_activated), self, G_CONNECT_SWAPPED);

  self->reps = sales_store_list_reps (self->store);
  g_signal_connect_object (self->reps, "items-changed", G_CALLBACK (rebuild_rep_choices), self,
                           G_CONNECT_SWAPPED);
  rebuild_rep_choices (self);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (sales_dashboard_data_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (sales_dashboard_data_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "targets-changed",
                           G_CALLBACK (sales_dashboard_data_changed), self, G_CONNECT_SWAPPED);

  sales_kpi_period_for_time (&self->period, SALES_KPI_MONTH, sales_store_now (self->store));
  update_period (self);
}

static void
sales_dashboard_dispose (GObject *object)
{
  SalesDashboard *self = (SalesDashboard *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->debounce_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), SALES_TYPE_DASHBOARD);

  G_OBJECT_CLASS (sales_dashboard_parent_class)->dispose (object);
}

static void
sales_dashboard_finalize (GObject *object)
{
  SalesDashboard *self = (SalesDashboard *)object;

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->shown, sales_kpi_unref);
  g_clear_pointer (&self->shown_previous, sales_kpi_unref);
  g_clear_pointer (&self->rep_ids, g_array_unref);
  g_clear_pointer (&self->period_label, g_free);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->reps);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sales_dashboard_parent_class)->finalize (object);
}

static void
sales_dashboard_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SalesDashboard *self = SALES_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_PERIOD_LABEL:
      g_value_set_string (value, self->period_label);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_dashboard_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SalesDashboard *self = SALES_DASHBOARD (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_dashboard_class_init (SalesDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sales_dashboard_constructed;
  object_class->dispose = sales_dashboard_dispose;
  object_class->finalize = sales_dashboard_finalize;
  object_class->get_property = sales_dashboard_get_property;
  object_class->set_property = sales_dashboard_set_property;

  widget_class->map = sales_dashboard_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SALES_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         SALES_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The period shown, as the header of the view names it ("November 2026"). */
  properties[PROP_PERIOD_LABEL] =
    g_param_spec_string ("period-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* TRUE while figures the view needs are being computed. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "dashboard");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sales-dashboard.ui");
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, box);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, month_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, quarter_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, year_button);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, period_title);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, spinner);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, error_label);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, rep_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, content);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, tiles_box);
  gtk_widget_class_bind_template_child (widget_class, SalesDashboard, charts_box);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_rep_selected);

  gtk_widget_class_install_action (widget_class, "dashboard.previous", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.next", NULL, step_action);
  gtk_widget_class_install_action (widget_class, "dashboard.this-month", NULL, this_month_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_ALT_MASK,
                                       "dashboard.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_ALT_MASK,
                                       "dashboard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "dashboard.this-month", NULL);
  /* Ctrl+P prints the summary of the month and rep shown (the application's "print"). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "app.print",
                                       NULL);
}

static void
sales_dashboard_init (SalesDashboard *self)
{
  self->cancellable = g_cancellable_new ();
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)sales_kpi_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sales_dashboard_new (SalesStore    *store,
                     SalesSettings *settings)
{
  g_return_val_if_fail (SALES_IS_STORE (store), NULL);
  g_return_val_if_fail (SALES_IS_SETTINGS (settings), NULL);

  return g_object_new (SALES_TYPE_DASHBOARD,
                       "store", store,
                       "settings", settings,
                       NULL);
}

void
sales_dashboard_get_period (SalesDashboard *self,
                            SalesKpiPeriod *period)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (period != NULL);

  *period = self->period;
}

void
sales_dashboard_set_period (SalesDashboard       *self,
                            const SalesKpiPeriod *period)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (period != NULL);

  if (period->kind == self->period.kind && period->start == self->period.start &&
      self->period_label != NULL)
    return;

  self->period = *period;
  update_period (self);
}

gint64
sales_dashboard_get_rep_id (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), 0);

  return self->rep_id;
}

/* @rep_id: 0 for the whole team */
void
sales_dashboard_set_rep_id (SalesDashboard *self,
                            gint64          rep_id)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));

  for (guint i = 0; i < self->rep_ids->len; i++)
    {
      if (g_array_index (self->rep_ids, gint64, i) == rep_id &&
          gtk_drop_down_get_selected (self->rep_dropdown) != i)
        {
          g_signal_handlers_block_by_func (self->rep_dropdown, on_rep_selected, self);
          gtk_drop_down_set_selected (self->rep_dropdown, i);
          g_signal_handlers_unblock_by_func (self->rep_dropdown, on_rep_selected, self);
        }
    }

  if (self->rep_id == rep_id)
    return;

  self->rep_id = rep_id;
  sales_dashboard_refresh (self);
}

const char *
sales_dashboard_get_period_label (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);

  return self->period_label;
}

gboolean
sales_dashboard_get_loading (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), FALSE);

  return self->loading;
}

/**
 * sales_dashboard_get_kpi:
 *
 * Returns: (transfer none) (nullable): the figures shown
 */
SalesKpi *
sales_dashboard_get_kpi (SalesDashboard *self)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);

  return self->shown;
}

/**
 * sales_dashboard_show_kpi:
 * @previous: (nullable): the figures of the period before @kpi, for the changes
 *
 * Fills the tiles and the charts. The view calls it when figures arrive; tests call it
 * with figures of their own.
 */
void
sales_dashboard_show_kpi (SalesDashboard *self,
                          SalesKpi       *kpi,
                          SalesKpi       *previous)
{
  g_return_if_fail (SALES_IS_DASHBOARD (self));
  g_return_if_fail (kpi != NULL);

  sales_kpi_ref (kpi);
  g_clear_pointer (&self->shown, sales_kpi_unref);
  self->shown = kpi;
  if (previous != NULL)
    sales_kpi_ref (previous);
  g_clear_pointer (&self->shown_previous, sales_kpi_unref);
  self->shown_previous = previous;

  sales_dashboard_fill (self, kpi, previous);
}

SalesKpiTile *
sales_dashboard_get_tile (SalesDashboard *self,
                          const char     *name)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_TILES; i++)
    {
      if (g_str_equal (sales_dashboard_tile_names[i], name))
        return self->tiles[i];
    }

  g_return_val_if_reached (NULL);
}

SalesChart *
sales_dashboard_get_chart (SalesDashboard *self,
                           const char     *name)
{
  g_return_val_if_fail (SALES_IS_DASHBOARD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < N_CHARTS; i++)
    {
      if (g_str_equal (sales_dashboard_chart_names[i], name))
        return self->charts[i];
    }

  g_return_val_if_reached (NULL);
}
