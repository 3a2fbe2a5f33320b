/* sales-kpi-json.c: the key figures as the JSON object of `sales-desk --kpi --json`
 *
 * Key names are the field names of sales-kpi.h, a stable contract (README, "Command line").
 * Amounts are integers in minor units, rates numbers from 0 to 1, and a figure with nothing
 * to divide by is null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "sales-kpi.h"

static void
add_int (JsonBuilder *b,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (b, key);
  json_builder_add_int_value (b, value);
}

static void
add_rate (JsonBuilder *b,
          const char  *key,
          double       value)
{
  json_builder_set_member_name (b, key);
  if (sales_kpi_is_null (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (b, key);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
add_id (JsonBuilder *b,
        const char  *key,
        gint64       id)
{
  json_builder_set_member_name (b, key);
  if (id == 0)
    json_builder_add_null_value (b);
  else
    json_builder_add_int_value (b, id);
}

static void
add_figures (JsonBuilder           *b,
             const SalesKpiFigures *f)
{
  add_int (b, "won_amount", f->won_amount);
  add_int (b, "won_count", f->won_count);
  add_int (b, "lost_count", f->lost_count);
  add_rate (b, "win_rate", f->win_rate);
  add_int (b, "new_deals", f->new_deals);
  add_int (b, "new_customers", f->new_customers);
  add_int (b, "open_amount", f->open_amount);
  add_int (b, "weighted_open_amount", f->weighted_open_amount);
  add_rate (b, "avg_cycle_days", f->avg_cycle_days);

  json_builder_set_member_name (b, "funnel");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "stages");
  json_builder_begin_array (b);
  for (guint i = 0; i < f->funnel->len; i++)
    {
      const SalesKpiFunnelStage *s = &g_array_index (f->funnel, SalesKpiFunnelStage, i);

      json_builder_begin_object (b);
      add_int (b, "stage_id", s->stage_id);
      add_string (b, "name", s->name);
      add_int (b, "reached", s->reached);
      add_rate (b, "conversion", s->conversion);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_int (b, "won", f->funnel_won);
  json_builder_end_object (b);

  add_int (b, "activities_done", f->activities_done);
  add_rate (b, "followup_on_time_rate", f->followup_on_time_rate);
  add_int (b, "target_amount", f->target_amount);
  add_rate (b, "attainment", f->attainment);
  add_int (b, "stretch_target_amount", f->stretch_target_amount);
  add_rate (b, "stretch_attainment", f->stretch_attainment);
  add_int (b, "new_customers_target", f->new_customers_target);
  add_rate (b, "new_customers_attainment", f->new_customers_attainment);
  add_int (b, "collected_amount", f->collected_amount);
  add_int (b, "overdue_amount", f->overdue_amount);
  add_rate (b, "avg_collection_days", f->avg_collection_days);
  add_rate (b, "avg_satisfaction", f->avg_satisfaction);
  add_rate (b, "churn_rate", f->churn_rate);

  json_builder_set_member_name (b, "by_source");
  json_builder_begin_array (b);
  for (guint i = 0; i < f->by_source->len; i++)
    {
      const SalesKpiSource *s = &g_array_index (f->by_source, SalesKpiSource, i);

      json_builder_begin_object (b);
      add_string (b, "source", s->source);
      add_int (b, "won_amount", s->won_amount);
      add_int (b, "won_count", s->won_count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "by_lost_reason");
  json_builder_begin_array (b);
  for (guint i = 0; i < f->by_lost_reason->len; i++)
    {
      const SalesKpiLostReason *r = &g_array_index (f->by_lost_reason, SalesKpiLostReason, i);

      json_builder_begin_object (b);
      add_id (b, "lost_reason_id", r->lost_reason_id);
      add_string (b, "name", r->name);
      add_int (b, "lost_count", r->lost_count);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

char *
sales_kpi_to_json (SalesKpi *self,
                   gboolean  pretty)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *period = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  period = sales_kpi_period_to_string (&self->period);
  json_builder_begin_object (b);
  add_string (b, "period", period);
  add_string (b, "first_day", self->period.first_day);
  add_string (b, "last_day", self->period.last_day);
  add_id (b, "rep_id", self->rep_id);
  add_int (b, "churn_days", self->churn_days);
  add_figures (b, self->figures);

  json_builder_set_member_name (b, "by_rep");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->by_rep->len; i++)
    {
      const SalesKpiFigures *f = g_ptr_array_index (self->by_rep, i);

      json_builder_begin_object (b);
      add_int (b, "rep_id", f->rep_id);
      add_string (b, "name", f->rep_name);
      add_figures (b, f);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trend");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->trend->len; i++)
    {
      const SalesKpiTrendPoint *p = &g_array_index (self->trend, SalesKpiTrendPoint, i);
      g_autofree char *name = sales_kpi_period_to_string (&p->period);

      json_builder_begin_object (b);
      add_string (b, "period", name);
      add_int (b, "won_amount", p->won_amount);
      add_int (b, "target_amount", p->target_amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "forecast");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->forecast->len; i++)
    {
      const SalesKpiForecastMonth *m = &g_array_index (self->forecast, SalesKpiForecastMonth, i);

      json_builder_begin_object (b);
      add_string (b, "month", m->month);
      add_int (b, "open_amount", m->open_amount);
      add_int (b, "weighted_open_amount", m->weighted_open_amount);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, pretty);
  return json_generator_to_data (generator, NULL);
}
