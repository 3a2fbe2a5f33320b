/* sales-collections.c: what is owed and what came in, from the plans and payments
 *
 * Payments are received against a contract, not against an instalment:
 * people pay round sums, late, in pieces. Each contract's payments settle
 * its instalments oldest first (by due day, then by id), so what an
 * instalment has been paid on a given day is the sum received by that day,
 * less the instalments before it, between zero and its amount. Nothing of
 * that is stored; it is worked out in SQL (SALES_INSTALMENTS_WITH) or here.
 *
 * Days are local days written YYYY-MM-DD, as the schema stores them. An
 * instalment is overdue from the day after its due day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-collections.h"
#include "sales-record.h"

/* The period of the figures when the caller gives no bound. */
#define FIRST_DAY "0000-01-01"
#define LAST_DAY  "9999-12-31"

/**
 * sales_local_date:
 * @unix_time: seconds since the epoch, UTC
 *
 * Returns: (transfer full): the local day of @unix_time as YYYY-MM-DD
 */
char *
sales_local_date (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  g_return_val_if_fail (local != NULL, NULL);

  return g_date_time_format (local, "%Y-%m-%d");
}

static guint32
julian (const char *date)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d,
                  (GDateDay)g_ascii_strtoull (date + 8, NULL, 10),
                  (GDateMonth)g_ascii_strtoull (date + 5, NULL, 10),
                  (GDateYear)g_ascii_strtoull (date, NULL, 10));

  return g_date_get_julian (&d);
}

/**
 * sales_date_days_between:
 * @from: YYYY-MM-DD
 * @to: YYYY-MM-DD
 *
 * Returns: the days from @from to @to, negative when @to comes first
 */
int
sales_date_days_between (const char *from,
                         const char *to)
{
  g_return_val_if_fail (sales_iso_date_is_valid (from), 0);
  g_return_val_if_fail (sales_iso_date_is_valid (to), 0);

  return (int)julian (to) - (int)julian (from);
}

/**
 * sales_instalment_state_on:
 * @due_on: YYYY-MM-DD
 * @on: the local day asked about, YYYY-MM-DD
 * @days_overdue: (out) (optional): days past the due day when overdue, else 0
 *
 * An instalment with money outstanding after its due day is overdue, even
 * when part of it was paid: that is what needs chasing.
 */
SalesInstalmentState
sales_instalment_state_on (const char *due_on,
                           gint64      amount_cents,
                           gint64      paid_cents,
                           const char *on,
                           int        *days_overdue)
{
  int late;

  g_return_val_if_fail (sales_iso_date_is_valid (due_on), SALES_INSTALMENT_DUE);
  g_return_val_if_fail (sales_iso_date_is_valid (on), SALES_INSTALMENT_DUE);

  late = sales_date_days_between (due_on, on);
  if (days_overdue != NULL)
    *days_overdue = 0;

  if (paid_cents >= amount_cents)
    return SALES_INSTALMENT_PAID;

  if (late > 0)
    {
      if (days_overdue != NULL)
        *days_overdue = late;
      return SALES_INSTALMENT_OVERDUE;
    }

  return paid_cents > 0 ? SALES_INSTALMENT_PARTLY_PAID : SALES_INSTALMENT_DUE;
}

/**
 * sales_instalment_fill:
 * @instalment: with its due day, amount and paid amount set
 * @on: YYYY-MM-DD
 *
 * Sets the state and the days of @instalment on the day @on.
 */
void
sales_instalment_fill (SalesInstalment *instalment,
                       const char      *on)
{
  g_return_if_fail (instalment != NULL);

  instalment->state = sales_instalment_state_on (instalment->due_on, instalment->amount_cents,
                                                 instalment->paid_cents, on,
                                                 &instalment->days_overdue);
  instalment->days_until_due = sales_date_days_between (on, instalment->due_on);
}

/**
 * sales_instalment_describe:
 *
 * Returns: (transfer full): the state of @instalment as the interface shows
 *   it, such as “Overdue by 3 days”
 */
char *
sales_instalment_describe (const SalesInstalment *instalment)
{
  g_return_val_if_fail (instalment != NULL, NULL);

  switch (instalment->state)
    {
    case SALES_INSTALMENT_PAID:
      return g_strdup (C_("instalment", "Paid"));

    case SALES_INSTALMENT_PARTLY_PAID:
      return g_strdup (C_("instalment", "Partly paid"));

    case SALES_INSTALMENT_DUE:
      if (instalment->days_until_due == 0)
        return g_strdup (C_("instalment", "Due today"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Due in %d day", "Due in %d days",
                                           instalment->days_until_due),
                              instalment->days_until_due);

    case SALES_INSTALMENT_OVERDUE:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Overdue by %d day", "Overdue by %d days",
                                           instalment->days_overdue),
                              instalment->days_overdue);

    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * sales_collections_list_instalments:
 * @on: the local day, YYYY-MM-DD: payments received after it do not count
 *
 * Returns: (transfer full) (element-type SalesInstalment): the contract's
 *   instalments, the earliest due first, or %NULL with @error set
 */
GArray *
sales_collections_list_instalments (SalesDb     *db,
                                    gint64       contract_id,
                                    const char  *on,
                                    GError     **error)
{
  g_autoptr(GArray) list = g_array_new (FALSE, TRUE, sizeof (SalesInstalment));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SALES_IS_DB (db), NULL);
  g_return_val_if_fail (sales_iso_date_is_valid (on), NULL);

  stmt = sales_db_prepare (db,
                           SALES_INSTALMENTS_WITH
                           "SELECT id, contract_id, due_on, amount_cents, paid_cents "
                           "FROM instalment WHERE contract_id = ?2 ORDER BY due_on, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, on, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, contract_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SalesInstalment instalment = { 0 };

      instalment.id = sqlite3_column_int64 (stmt, 0);
      instalment.contract_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (instalment.due_on, (const char *)sqlite3_column_text (stmt, 2),
                 sizeof instalment.due_on);
      instalment.amount_cents = sqlite3_column_int64 (stmt, 3);
      instalment.paid_cents = sqlite3_column_int64 (stmt, 4);
      sales_instalment_fill (&instalment, on);
      g_array_append_val (list, instalment);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      sales_db_set_error (db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&list);
}

/* Runs @sql with the text parameters ?1 and ?2 and the integer ?3, and reads
 * an integer and, when @real is given, a number from the one row. */
static gboolean
query_figure (SalesDb     *db,
              const char  *sql,
              const char  *a,
              const char  *b,
              gint64       c,
              gint64      *integer,
              double      *real,
              GError     **error)
{
  sqlite3_stmt *stmt = sales_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, a, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, c);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *integer = sqlite3_column_int64 (stmt, 0);
      if (real != NULL)
        *real = sqlite3_column_double (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    return sales_db_set_error (db, rc, error);

  return TRUE;
}

/**
 * sales_collections_collected_amount:
 * @from: (nullable): the first local day of the period, YYYY-MM-DD; %NULL for no bound
 * @to: (nullable): the last local day of the period; %NULL for no bound
 * @owner_id: the rep who owns the customers; 0 for everyone
 * @cents: (out): the sum of the payments received in the period
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
sales_collections_collected_amount (SalesDb     *db,
                                    const char  *from,
                                    const char  *to,
                                    gint64       owner_id,
                                    gint64      *cents,
                                    GError     **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  return query_figure (db,
                       "SELECT coalesce (sum (p.amount_cents), 0) "
                       "FROM payment p "
                       "JOIN contract c ON c.id = p.contract_id "
                       "JOIN customer cu ON cu.id = c.customer_id "
                       "WHERE p.received_on BETWEEN ?1 AND ?2 "
                       "AND (?3 = 0 OR cu.owner_id = ?3)",
                       from != NULL ? from : FIRST_DAY, to != NULL ? to : LAST_DAY, owner_id,
                       cents, NULL, error);
}

/**
 * sales_collections_overdue_amount:
 * @on: the local day, YYYY-MM-DD, taken at its end
 * @owner_id: the rep who owns the customers; 0 for everyone
 * @cents: (out): the money overdue at the end of @on
 *
 * For each contract: what its plan had due on or before @on, less what was
 * received by then, when that is more than zero; summed. At the end of the
 * day, an instalment due that day and still unpaid is late, which is how a
 * month's figure is read on its last day.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
sales_collections_overdue_amount (SalesDb     *db,
                                  const char  *on,
                                  gint64       owner_id,
                                  gint64      *cents,
                                  GError     **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_iso_date_is_valid (on), FALSE);
  g_return_val_if_fail (cents != NULL, FALSE);

  return query_figure (db,
                       "SELECT coalesce (sum (max (0, due - paid)), 0) FROM ("
                       "  SELECT (SELECT coalesce (sum (amount_cents), 0) FROM payment_plan pp"
                       "          WHERE pp.contract_id = c.id AND pp.due_on <= ?1) AS due,"
                       "         (SELECT coalesce (sum (amount_cents), 0) FROM payment p"
                       "          WHERE p.contract_id = c.id AND p.received_on <= ?1) AS paid"
                       "  FROM contract c JOIN customer cu ON cu.id = c.customer_id"
                       "  WHERE ?3 = 0 OR cu.owner_id = ?3)",
                       on, NULL, owner_id, cents, NULL, error);
}

/**
 * sales_collections_average_days_to_collect:
 * @from: (nullable): the first local day of the period, YYYY-MM-DD; %NULL for no bound
 * @to: (nullable): the last local day of the period; %NULL for no bound
 * @owner_id: the rep who owns the customers; 0 for everyone
 * @days: (out): the average, 0 when no contract counts
 * @n_contracts: (out) (optional): how many contracts the average is of
 *
 * The collection period (回款周期): for the contracts collected in full
 * within the period, the average of the days from signing to the payment
 * that completed them. A contract paid in full before it was signed counts
 * 0 days. Contracts of no amount are left out: nothing was collected.
 *
 * Returns: %TRUE, or %FALSE with @error set
 */
gboolean
sales_collections_average_days_to_collect (SalesDb     *db,
                                           const char  *from,
                                           const char  *to,
                                           gint64       owner_id,
                                           double      *days,
                                           guint       *n_contracts,
                                           GError     **error)
{
  gint64 n = 0;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (days != NULL, FALSE);

  if (!query_figure (db,
                     "WITH running AS ("
                     "  SELECT contract_id, received_on,"
                     "         sum (amount_cents) OVER (PARTITION BY contract_id"
                     "                                  ORDER BY received_on, id) AS total"
                     "  FROM payment), "
                     "collected AS ("
                     "  SELECT c.signed_on, min (r.received_on) AS collected_on"
                     "  FROM contract c"
                     "  JOIN customer cu ON cu.id = c.customer_id"
                     "  JOIN running r ON r.contract_id = c.id AND r.total >= c.amount_cents"
                     "  WHERE c.amount_cents > 0 AND (?3 = 0 OR cu.owner_id = ?3)"
                     "  GROUP BY c.id) "
                     "SELECT count (*),"
                     "       coalesce (avg (max (0, julianday (collected_on)"
                     "                              - julianday (signed_on))), 0) "
                     "FROM collected WHERE collected_on BETWEEN ?1 AND ?2",
                     from != NULL ? from : FIRST_DAY, to != NULL ? to : LAST_DAY, owner_id,
                     &n, days, error))
    return FALSE;

  if (n_contracts != NULL)
    *n_contracts = (guint)n;

  return TRUE;
}
