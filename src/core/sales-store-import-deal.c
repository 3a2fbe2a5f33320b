/* sales-store-import-deal.c: the rows of a deal sheet
 *
 * A row is a deal of a customer named by the row, which is created from the row's customer
 * columns when there is none (sales_import_run_deal_customer()). A deal is the same as
 * another when it has the same customer and title. Stages, reps and lost reasons are found
 * by name, and created only when the import allows it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-store-import-private.h"


/* The stage of @name, or the first open one for none; NULL with @reason set when unknown. */
static SalesStage *
find_stage (ImportRun   *run,
            const char  *name,
            char       **reason,
            GError     **error)
{
  g_autofree char *key = NULL;
  g_autoptr(SalesStage) stage = NULL;
  SalesStage *found;

  if (name == NULL)
    {
      if (run->default_stage_id != 0)
        return sales_store_get_stage (run->store, run->default_stage_id, error);
      *reason = g_strdup (_("The pipeline has no open stage"));
      return NULL;
    }

  key = fold (name);
  found = g_hash_table_lookup (run->stages, key);
  if (found != NULL)
    return g_object_ref (found);

  if (!sales_import_get_create_stages (run->job))
    {
      *reason = g_strdup_printf (_("There is no stage “%s”"), name);
      return NULL;
    }

  stage = g_object_new (SALES_TYPE_STAGE, NULL);
  sales_stage_set_name (stage, name);
  sales_stage_set_kind (stage, SALES_STAGE_KIND_OPEN);
  if (!sales_record_validate (SALES_RECORD (stage), error) ||
      !sales_import_run_insert (run, SALES_RECORD (stage), error))
    return NULL;

  sales_undo_entry_add_inserted (run->undo, "stage", sales_record_get_id (SALES_RECORD (stage)));
  g_hash_table_insert (run->stages, g_steal_pointer (&key), g_object_ref (stage));
  run->summary->stages_created++;
  return g_steal_pointer (&stage);
}

/* Lost reasons are few: they are looked up by name each time. */
static gboolean
find_lost_reason (ImportRun   *run,
                  const char  *name,
                  gint64      *reason_id,
                  char       **reason,
                  GError     **error)
{
  g_autoptr(GListModel) reasons = NULL;
  g_autofree char *key = NULL;
  g_autoptr(SalesLostReason) created = NULL;

  if (name == NULL)
    {
      *reason = g_strdup (_("A lost deal needs a lost reason"));
      return TRUE;
    }

  key = fold (name);
  reasons = sales_store_list_lost_reasons (run->store);
  for (guint i = 0; i < g_list_model_get_n_items (reasons); i++)
    {
      g_autoptr(SalesLostReason) item = g_list_model_get_item (reasons, i);
      g_autofree char *item_key = fold (sales_lost_reason_get_name (item));

      if (g_str_equal (item_key, key))
        {
          *reason_id = sales_record_get_id (SALES_RECORD (item));
          return TRUE;
        }
    }

  /* A new reason is part of the pipeline, like a new stage. */
  if (!sales_import_get_create_stages (run->job))
    {
      *reason = g_strdup_printf (_("There is no lost reason “%s”"), name);
      return TRUE;
    }

  created = sales_lost_reason_new ();
  sales_lost_reason_set_name (created, name);
  if (!sales_record_validate (SALES_RECORD (created), error) ||
      !sales_import_run_insert (run, SALES_RECORD (created), error))
    return FALSE;

  *reason_id = sales_record_get_id (SALES_RECORD (created));
  sales_undo_entry_add_inserted (run->undo, "lost_reason", *reason_id);
  return TRUE;
}

static gboolean
find_deal (ImportRun   *run,
           gint64       customer_id,
           const char  *title,
           gint64      *deal_id,
           GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *deal_id = 0;
  stmt = sales_db_prepare (sales_store_get_db (run->store),
                           "SELECT id FROM deal WHERE customer_id = ?1 AND title = ?2 "
                           "ORDER BY id LIMIT 1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_text (stmt, 2, title, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *deal_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (sales_store_get_db (run->store), rc, error);

  return TRUE;
}

/* Fills @deal from the row, all but its customer; sets @reason for a row to reject. */
static gboolean
make_deal (ImportRun   *run,
           SalesDeal   *deal,
           char       **reason,
           GError     **error)
{
  g_autoptr(SalesStage) stage = NULL;
  const char *text;
  gint64 owner_id = 0;

  sales_deal_set_title (deal, value (run, SALES_IMPORT_FIELD_DEAL_TITLE));
  if (sales_deal_get_title (deal) == NULL)
    {
      *reason = g_strdup (_("A deal needs a title"));
      return TRUE;
    }

  text = value (run, SALES_IMPORT_FIELD_AMOUNT);
  if (text != NULL)
    {
      gint64 cents = 0;

      if (!sales_import_parse_amount (text, &cents) || cents < 0)
        {
          *reason = g_strdup_printf (_("“%s” is not an amount"), text);
          return TRUE;
        }
      sales_deal_set_amount_cents (deal, cents);
    }

  text = value (run, SALES_IMPORT_FIELD_CURRENCY);
  if (text != NULL)
    {
      g_autofree char *code = NULL;

      /* What a Chinese sheet writes for yuan */
      if (g_str_equal (text, "人民币") || g_str_equal (text, "元") || g_str_equal (text, "RMB") ||
          g_str_equal (text, "¥") || g_str_equal (text, "￥"))
        text = "CNY";
      code = g_ascii_strup (text, -1);
      if (strlen (code) != 3 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) ||
          !g_ascii_isalpha (code[2]))
        {
          *reason = g_strdup_printf (_("“%s” is not a currency code such as CNY"), text);
          return TRUE;
        }
      sales_deal_set_currency (deal, code);
    }

  text = value (run, SALES_IMPORT_FIELD_EXPECTED_CLOSE);
  if (text != NULL)
    {
      GDate date;
      char iso[16];

      g_date_clear (&date, 1);
      if (!sales_import_parse_date (text, &date))
        {
          *reason = g_strdup_printf (_("“%s” is not a date"), text);
          return TRUE;
        }
      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      sales_deal_set_expected_close (deal, iso);
    }

  if (!sales_import_run_find_rep (run, value (run, SALES_IMPORT_FIELD_OWNER), &owner_id, reason,
                                  error))
    return FALSE;
  if (*reason != NULL)
    return TRUE;
  sales_deal_set_owner_id (deal, owner_id);

  stage = find_stage (run, value (run, SALES_IMPORT_FIELD_STAGE), reason, error);
  if (stage == NULL)
    return *reason != NULL;

  /* Every lost deal says why (sales_store_check_lost_reason()). */
  if (sales_stage_get_kind (stage) == SALES_STAGE_KIND_LOST)
    {
      gint64 reason_id = 0;

      if (!find_lost_reason (run, value (run, SALES_IMPORT_FIELD_LOST_REASON), &reason_id, reason,
                             error))
        return FALSE;
      if (*reason != NULL)
        return TRUE;
      sales_deal_set_lost_reason_id (deal, reason_id);
      sales_deal_set_lost_note (deal, value (run, SALES_IMPORT_FIELD_LOST_NOTE));
    }
  sales_deal_set_stage_id (deal, sales_record_get_id (SALES_RECORD (stage)));

  return TRUE;
}

static gboolean
merge_deal (ImportRun   *run,
            gint64       deal_id,
            SalesDeal   *draft,
            GError     **error)
{
  g_autoptr(SalesRecord) old = NULL;
  g_autoptr(SalesRecord) row = NULL;
  SalesDeal *deal;

  old = sales_store_read_row (run->store, SALES_RECORD_DEAL, deal_id, error);
  if (old == NULL)
    return FALSE;

  row = sales_record_dup (old);
  deal = SALES_DEAL (row);
  if (value (run, SALES_IMPORT_FIELD_AMOUNT) != NULL)
    sales_deal_set_amount_cents (deal, sales_deal_get_amount_cents (draft));
  if (value (run, SALES_IMPORT_FIELD_CURRENCY) != NULL)
    sales_deal_set_currency (deal, sales_deal_get_currency (draft));
  if (value (run, SALES_IMPORT_FIELD_EXPECTED_CLOSE) != NULL)
    sales_deal_set_expected_close (deal, sales_deal_get_expected_close (draft));
  if (value (run, SALES_IMPORT_FIELD_OWNER) != NULL)
    sales_deal_set_owner_id (deal, sales_deal_get_owner_id (draft));
  if (value (run, SALES_IMPORT_FIELD_STAGE) != NULL)
    sales_deal_set_stage_id (deal, sales_deal_get_stage_id (draft));

  return sales_import_run_update (run, old, row, error);
}

/* Rejects the row, skips it, merges it into the customer's deal of that title or creates a
 * deal. */
gboolean
sales_import_run_deal_row (ImportRun             *run,
                           const SalesImportRow  *row,
                           GError               **error)
{
  g_autoptr(SalesDeal) deal = g_object_new (SALES_TYPE_DEAL, NULL);
  g_autofree char *reason = NULL;
  gint64 customer_id = 0, deal_id = 0;

  if (!make_deal (run, deal, &reason, error))
    return FALSE;
  if (reason == NULL && !sales_import_run_deal_customer (run, &customer_id, &reason, error))
    return FALSE;
  if (reason != NULL)
    {
      sales_import_reject (run->job, row, g_steal_pointer (&reason));
      return TRUE;
    }

  if (run->policy != SALES_IMPORT_CREATE &&
      !find_deal (run, customer_id, sales_deal_get_title (deal), &deal_id, error))
    return FALSE;

  if (deal_id != 0 && run->policy == SALES_IMPORT_SKIP)
    {
      run->summary->deals_skipped++;
      return TRUE;
    }

  if (deal_id != 0)
    {
      if (!merge_deal (run, deal_id, deal, error))
        return FALSE;
      run->summary->deals_merged++;
      return TRUE;
    }

  sales_deal_set_customer_id (deal, customer_id);
  if (!sales_import_run_insert (run, SALES_RECORD (deal), error))
    return FALSE;

  deal_id = sales_record_get_id (SALES_RECORD (deal));
  if (customer_id <= run->last_customer_before)
    sales_undo_entry_add_inserted (run->undo, "deal", deal_id);
  run->summary->deals_created++;
  return TRUE;
}
