/* sales-store-targets.c: monthly sales targets, set one month, a run of months or a year
 *
 * A target row is (owner_id or NULL for the whole team, month 'YYYY-MM') with a base amount
 * (保底目标), a stretch amount (挑战目标) and a number of new customers. Every action here is
 * one transaction and one Undo step, however many months it writes. What the key figures
 * make of the rows is in sales-kpi.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-kpi.h"
#include "sales-store-private.h"

static void
month_string (int   year,
              int   month,
              char  out[8])
{
  g_snprintf (out, 8, "%04d-%02d", year + (month - 1) / 12, (month - 1) % 12 + 1);
}

static gboolean
parse_month (const char *month,
             int        *year,
             int        *number,
             GError    **error)
{
  SalesKpiPeriod period;

  if (month == NULL || strlen (month) != 7 ||
      !sales_kpi_period_parse (&period, month, NULL) || period.kind != SALES_KPI_MONTH)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a month in the form YYYY-MM"), month != NULL ? month : "");
      return FALSE;
    }
  *year = period.year;
  *number = period.month;
  return TRUE;
}

/**
 * sales_store_get_target:
 * @owner_id: a rep, or 0 for the whole team
 * @month: YYYY-MM
 * @target: (out): the row's values, all 0 when there is none
 * @exists: (out) (optional): whether there is a row
 */
gboolean
sales_store_get_target (SalesStore   *self,
                        gint64        owner_id,
                        const char   *month,
                        SalesTarget  *target,
                        gboolean     *exists,
                        GError      **error)
{
  sqlite3_stmt *stmt;
  int year, number;
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  if (!parse_month (month, &year, &number, error))
    return FALSE;

  stmt = sales_db_prepare (self->db,
                           "SELECT amount_cents, stretch_cents, new_customers FROM target"
                           " WHERE coalesce(owner_id, 0) = ?1 AND month = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *target = (SalesTarget) { 0 };
  if (rc == SQLITE_ROW)
    {
      target->amount_cents = sqlite3_column_int64 (stmt, 0);
      target->stretch_cents = sqlite3_column_int64 (stmt, 1);
      target->new_customers = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (exists != NULL)
    *exists = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);
  return TRUE;
}

static gboolean
write_target (SalesStore         *self,
              gint64              owner_id,
              const char         *month,
              const SalesTarget  *target,
              SalesUndoEntry     *entry,
              GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;
  int rc;

  if (target->amount_cents < 0 || target->stretch_cents < 0 || target->new_customers < 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Targets cannot be negative"));
      return FALSE;
    }

  stmt = sales_db_prepare (self->db,
                           "SELECT id FROM target WHERE coalesce(owner_id, 0) = ?1 AND month = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, month, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (id != 0)
    {
      if (!sales_undo_entry_save_row (entry, self, "target", id, error))
        return FALSE;
      stmt = sales_db_prepare (self->db,
                               "UPDATE target SET amount_cents = ?2, stretch_cents = ?3,"
                               " new_customers = ?4 WHERE id = ?1",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
    }
  else
    {
      stmt = sales_db_prepare (self->db,
                               "INSERT INTO target (owner_id, month, amount_cents, stretch_cents,"
                               " new_customers) VALUES (nullif(?1, 0), ?5, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, owner_id);
      sqlite3_bind_text (stmt, 5, month, -1, SQLITE_TRANSIENT);
    }
  sqlite3_bind_int64 (stmt, 2, target->amount_cents);
  sqlite3_bind_int64 (stmt, 3, target->stretch_cents);
  sqlite3_bind_int64 (stmt, 4, target->new_customers);
  if (!sales_store_step (self, stmt, error))
    return FALSE;
  if (id == 0)
    sales_undo_entry_add_inserted (entry, "target",
                                   sqlite3_last_insert_rowid (sales_db_get_handle (self->db)));
  return TRUE;
}

/* Writes @cells in one transaction and one Undo step. */
static gboolean
write_cells (SalesStore             *self,
             const SalesTargetCell  *cells,
             guint                   n_cells,
             GError                **error)
{
  g_autoptr(SalesUndoEntry) entry = NULL;

  entry = sales_undo_entry_new (g_dngettext (GETTEXT_PACKAGE, "Set Target", "Set Targets",
                                             n_cells));
  if (!sales_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < n_cells; i++)
    {
      char month[8];

      if (cells[i].month < 1 || cells[i].month > 12)
        {
          g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                       _("“%d” is not a month"), cells[i].month);
          sales_db_rollback (self->db);
          return FALSE;
        }
      month_string (cells[i].year, cells[i].month, month);
      if (!write_target (self, cells[i].owner_id, month, &cells[i].target, entry, error))
        {
          sales_db_rollback (self->db);
          return FALSE;
        }
    }

  if (!sales_store_commit (self, error))
    {
      sales_db_rollback (self->db);
      return FALSE;
    }
  sales_store_finish_entry (self, g_steal_pointer (&entry), FALSE);
  return TRUE;
}

/* @write: (nullable): which of the months to write; %NULL: all of them. */
static gboolean
set_months (SalesStore         *self,
            gint64              owner_id,
            int                 year,
            int                 number,
            const SalesTarget  *targets,
            const gboolean     *write,
            guint               n_months,
            GError            **error)
{
  g_autoptr(GArray) cells = g_array_sized_new (FALSE, FALSE, sizeof (SalesTargetCell), n_months);

  for (guint i = 0; i < n_months; i++)
    {
      int month = number - 1 + (int)i;
      SalesTargetCell cell = { owner_id, year + month / 12, month % 12 + 1, targets[i] };

      if (write == NULL || write[i])
        g_array_append_val (cells, cell);
    }
  return write_cells (self, (SalesTargetCell *)cells->data, cells->len, error);
}

/**
 * sales_store_set_targets:
 * @owner_id: a rep, or 0 for the whole team
 * @first_month: YYYY-MM of @targets[0]; the others follow month by month
 * @targets: (array length=n_months): the values, written over what is there
 *
 * Sets a run of months (one cell, a row of the grid, a pasted row) in one transaction,
 * which one Undo takes back.
 */
gboolean
sales_store_set_targets (SalesStore         *self,
                         gint64              owner_id,
                         const char         *first_month,
                         const SalesTarget  *targets,
                         guint               n_months,
                         GError            **error)
{
  int year, number;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (targets != NULL || n_months == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_month (first_month, &year, &number, error))
    return FALSE;
  return set_months (self, owner_id, year, number, targets, NULL, n_months, error);
}

/**
 * sales_target_spread:
 * @weights: (array fixed-size=12) (nullable): how to share, e.g. last year's won amounts;
 *   %NULL, or all zero, shares evenly
 * @months: (array fixed-size=12) (out): the twelve amounts
 *
 * Shares @total over twelve months to the cent: each month gets its share rounded down, and
 * what rounding left over goes to December, so the months add up to @total exactly.
 */
void
sales_target_spread (gint64        total,
                     const gint64 *weights,
                     gint64       *months)
{
  gint64 sum = 0;
  gint64 given = 0;

  g_return_if_fail (total >= 0);
  g_return_if_fail (months != NULL);

  for (guint i = 0; weights != NULL && i < 12; i++)
    sum += MAX (weights[i], 0);

  for (guint i = 0; i < 11; i++)
    {
      /* Exact in integers unless amount × weight would pass 2^63. */
      if (sum == 0)
        months[i] = total / 12;
      else if (total <= G_MAXINT64 / MAX (MAX (weights[i], 0), 1))
        months[i] = total * MAX (weights[i], 0) / sum;
      else
        months[i] = (gint64)((double)total * (double)MAX (weights[i], 0) / (double)sum);
      given += months[i];
    }
  months[11] = total - given;
}

/* Last year's won amounts of @owner_id (0: everyone) by local month. */
static gboolean
won_by_month (SalesStore  *self,
              gint64       owner_id,
              int          year,
              gint64      *won,
              GError     **error)
{
  SalesKpiPeriod months[13];
  sqlite3_stmt *stmt;
  int rc;

  for (int i = 0; i < 12; i++)
    sales_kpi_period_init (&months[i], SALES_KPI_MONTH, year, i + 1);
  memset (won, 0, 12 * sizeof (gint64));

  stmt = sales_db_prepare (self->db,
                           "SELECT closed_at, amount_cents FROM deal"
                           " WHERE closed_at >= ?1 AND closed_at < ?2"
                           "   AND +stage_id IN (SELECT id FROM stage WHERE kind = 'won')"
                           "   AND (?3 = 0 OR owner_id = ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, months[0].start);
  sqlite3_bind_int64 (stmt, 2, months[11].end);
  sqlite3_bind_int64 (stmt, 3, owner_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 closed_at = sqlite3_column_int64 (stmt, 0);

      for (int i = 11; i >= 0; i--)
        if (closed_at >= months[i].start)
          {
            won[i] += sqlite3_column_int64 (stmt, 1);
            break;
          }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);
  return TRUE;
}

/**
 * sales_target_get_field:
 *
 * Returns: the value of @field in @target: cents for the amounts, a count for new customers
 */
gint64
sales_target_get_field (const SalesTarget *target,
                        SalesTargetField   field)
{
  g_return_val_if_fail (target != NULL, 0);

  switch (field)
    {
    case SALES_TARGET_STRETCH:
      return target->stretch_cents;
    case SALES_TARGET_NEW_CUSTOMERS:
      return target->new_customers;
    case SALES_TARGET_AMOUNT:
    default:
      return target->amount_cents;
    }
}

void
sales_target_set_field (SalesTarget      *target,
                        SalesTargetField  field,
                        gint64            value)
{
  g_return_if_fail (target != NULL);

  switch (field)
    {
    case SALES_TARGET_STRETCH:
      target->stretch_cents = value;
      break;
    case SALES_TARGET_NEW_CUSTOMERS:
      target->new_customers = value;
      break;
    case SALES_TARGET_AMOUNT:
    default:
      target->amount_cents = value;
      break;
    }
}

/* @value × (100 + @percent) / 100, to the nearest unit, halves away from zero. */
static gint64
raise_by (gint64 value,
          int    percent)
{
  gint64 scaled = value * (100 + percent);

  return scaled >= 0 ? (scaled + 50) / 100 : -((-scaled + 50) / 100);
}

/**
 * sales_target_raise:
 * @percent: the change, e.g. 10 for +10 %, -5 for −5 %; at least -100
 * @raised: (out): @last with each value times (100 + @percent) / 100, amounts to the cent and
 *   new customers to a whole number, halves rounded up
 */
void
sales_target_raise (const SalesTarget *last,
                    int                percent,
                    SalesTarget       *raised)
{
  g_return_if_fail (last != NULL);
  g_return_if_fail (raised != NULL);
  g_return_if_fail (percent >= -100);

  raised->amount_cents = raise_by (last->amount_cents, percent);
  raised->stretch_cents = raise_by (last->stretch_cents, percent);
  raised->new_customers = raise_by (last->new_customers, percent);
}

/**
 * sales_store_get_year_targets:
 * @owner_id: a rep, or 0 for the whole team
 * @targets: (array fixed-size=12) (out): January to December, all 0 where there is no row
 * @exists: (array fixed-size=12) (out) (optional): which months have a row
 */
gboolean
sales_store_get_year_targets (SalesStore   *self,
                              gint64        owner_id,
                              int           year,
                              SalesTarget  *targets,
                              gboolean     *exists,
                              GError      **error)
{
  sqlite3_stmt *stmt;
  char first[8];
  char last[8];
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (targets != NULL, FALSE);

  memset (targets, 0, 12 * sizeof (SalesTarget));
  if (exists != NULL)
    memset (exists, 0, 12 * sizeof (gboolean));
  month_string (year, 1, first);
  month_string (year, 12, last);

  stmt = sales_db_prepare (self->db,
                           "SELECT month, amount_cents, stretch_cents, new_customers FROM target"
                           " WHERE coalesce(owner_id, 0) = ?1 AND month BETWEEN ?2 AND ?3",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);
  sqlite3_bind_text (stmt, 2, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *)sqlite3_column_text (stmt, 0);
      int i = (int)g_ascii_strtoll (month + 5, NULL, 10) - 1;

      if (i < 0 || i > 11)
        continue;
      targets[i].amount_cents = sqlite3_column_int64 (stmt, 1);
      targets[i].stretch_cents = sqlite3_column_int64 (stmt, 2);
      targets[i].new_customers = sqlite3_column_int64 (stmt, 3);
      if (exists != NULL)
        exists[i] = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);
  return TRUE;
}

/**
 * sales_store_set_target_cells:
 * @cells: (array length=n_cells): the cells, each written whole over what is there
 *
 * Sets cells of any owners and months (a pasted block of the targets grid) in one
 * transaction, which one Undo takes back. A bad cell writes nothing.
 */
gboolean
sales_store_set_target_cells (SalesStore             *self,
                              const SalesTargetCell  *cells,
                              guint                   n_cells,
                              GError                **error)
{
  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_cells (self, cells, n_cells, error);
}

/**
 * sales_store_spread_targets:
 * @owner_id: a rep, or 0 for the whole team
 * @field: which of the targets to set
 * @total: the year's total of @field, in cents or in new customers
 * @like_last_year: share like the won amounts of the same owner's months the year before
 *   (evenly when it won nothing), or else evenly
 *
 * Sets @field of the twelve months of @year from a yearly @total (see
 * sales_target_spread()), keeping the other targets of those months; one Undo.
 */
gboolean
sales_store_spread_targets (SalesStore        *self,
                            gint64             owner_id,
                            int                year,
                            SalesTargetField   field,
                            gint64             total,
                            gboolean           like_last_year,
                            GError           **error)
{
  SalesTarget targets[12];
  gint64 weights[12];
  gint64 months[12];

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (total < 0)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Targets cannot be negative"));
      return FALSE;
    }
  if (like_last_year && !won_by_month (self, owner_id, year - 1, weights, error))
    return FALSE;
  sales_target_spread (total, like_last_year ? weights : NULL, months);

  if (!sales_store_get_year_targets (self, owner_id, year, targets, NULL, error))
    return FALSE;
  for (int i = 0; i < 12; i++)
    sales_target_set_field (&targets[i], field, months[i]);
  return set_months (self, owner_id, year, 1, targets, NULL, 12, error);
}

/**
 * sales_store_spread_year_target:
 *
 * Sets the base targets of @year from a yearly @amount_cents: sales_store_spread_targets()
 * of %SALES_TARGET_AMOUNT.
 */
gboolean
sales_store_spread_year_target (SalesStore  *self,
                                gint64       owner_id,
                                int          year,
                                gint64       amount_cents,
                                gboolean     like_last_year,
                                GError     **error)
{
  return sales_store_spread_targets (self, owner_id, year, SALES_TARGET_AMOUNT, amount_cents,
                                     like_last_year, error);
}

/**
 * sales_store_copy_targets_from_last_year:
 * @percent: the change, e.g. 10 for +10 %, -5 for −5 % (at least -100)
 *
 * Sets every month of @year to the same month of the year before raised by @percent
 * (see sales_target_raise()), in one Undo. Months that had no target the year before are
 * left alone.
 */
gboolean
sales_store_copy_targets_from_last_year (SalesStore  *self,
                                         gint64       owner_id,
                                         int          year,
                                         int          percent,
                                         GError     **error)
{
  SalesTarget last[12];
  SalesTarget targets[12];
  gboolean write[12];

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);

  if (percent < -100)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Targets cannot be negative"));
      return FALSE;
    }

  if (!sales_store_get_year_targets (self, owner_id, year - 1, last, write, error))
    return FALSE;
  for (int i = 0; i < 12; i++)
    sales_target_raise (&last[i], percent, &targets[i]);
  return set_months (self, owner_id, year, 1, targets, write, 12, error);
}

/**
 * sales_store_copy_year_targets:
 * @percent: the change, e.g. 10 for +10 %, -5 for −5 % (at least -100)
 * @n_copied: (out) (optional): how many months of all owners were set
 *
 * sales_store_copy_targets_from_last_year() for the whole team and every rep at once, in
 * one transaction and one Undo: the whole targets grid of @year from the year before.
 */
gboolean
sales_store_copy_year_targets (SalesStore  *self,
                               int          year,
                               int          percent,
                               guint       *n_copied,
                               GError     **error)
{
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (SalesTargetCell));
  sqlite3_stmt *stmt;
  char first[8];
  char last[8];
  int rc;

  g_return_val_if_fail (SALES_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_copied != NULL)
    *n_copied = 0;
  if (percent < -100)
    {
      g_set_error_literal (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                           _("Targets cannot be negative"));
      return FALSE;
    }

  month_string (year - 1, 1, first);
  month_string (year - 1, 12, last);
  stmt = sales_db_prepare (self->db,
                           "SELECT coalesce(owner_id, 0), month, amount_cents, stretch_cents,"
                           " new_customers FROM target WHERE month BETWEEN ?1 AND ?2",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *month = (const char *)sqlite3_column_text (stmt, 1);
      SalesTarget before = {
        sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int64 (stmt, 3),
        sqlite3_column_int64 (stmt, 4),
      };
      SalesTargetCell cell = { sqlite3_column_int64 (stmt, 0), year,
                               (int)g_ascii_strtoll (month + 5, NULL, 10) };

      sales_target_raise (&before, percent, &cell.target);
      g_array_append_val (cells, cell);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (self->db, rc, error);

  if (cells->len == 0)
    return TRUE;
  if (!write_cells (self, (SalesTargetCell *)cells->data, cells->len, error))
    return FALSE;
  if (n_copied != NULL)
    *n_copied = cells->len;
  return TRUE;
}
