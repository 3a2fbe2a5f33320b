/* sales-kpi-summary.c: the derived tables behind the key figures, and their triggers
 *
 * The key figures of a period add up every deal, follow-up and customer of it; on a million
 * deals that is seconds. These tables hold the same sums ready-made (README, "Derived
 * tables"), and SQL triggers keep them exact on every write, by Sales Desk or by the sqlite3
 * shell: nothing here needs a function of this program.
 *
 * Time: sums are kept per UTC day (Unix seconds / 86400), so they do not depend on the time
 * zone of whoever wrote them, and also per 8, 64 and 512 days (level 1, 2, 3: bucket =
 * day >> 3 × level) so that a year reads a few dozen buckets, not 365 (sales-kpi-ranges.c
 * cuts a local period into whole buckets and the hours at either end, which it reads from
 * the tables themselves).
 *
 *   kpi_deal         one row per deal: what it adds to the sums (its days, owner, stage,
 *                    lost reason, customer source, amount, cycle, and the stages it has been
 *                    in, as sorted ids "1,2,6"); recomputed from the deal, its customer and
 *                    its history whenever one of them changes
 *   kpi_closed_sum   deals by the day of closed_at: count, amount, Σ(closed_at − created_at)
 *                    per owner, stage, lost reason and customer source
 *   kpi_created_sum  deals by the day of created_at: count per owner and stages been in
 *   kpi_activity_sum follow-ups by the day of done_at: count, and count and sum of the
 *                    satisfaction of service ones, per owner
 *   kpi_due_sum      follow-ups by the day of due_at: count, and count of those done by
 *                    their due time, per owner
 *   kpi_customer     customers with a won deal: the first closing of one, and the last time
 *                    the customer was touched (a follow-up done, a deal created or closed)
 *   kpi_payment      one row per payment: its day and owner (of the contract's customer);
 *                    kpi_payment_sum adds them up per day and owner
 *   kpi_contract     contracts paid in full: the day the payments reached the amount
 *   kpi_overdue_step each contract's overdue amount as its change on each day it changes;
 *                    kpi_overdue_sum adds them up, so that the amount overdue at the end of
 *                    a day is the sum of the changes up to it
 *
 * The sums hold stage ids, not kinds or ranks, so renaming, reordering or re-kinding stages
 * changes no row; only kpi_customer depends on which stages are won, and is rebuilt when a
 * stage's kind changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sales-kpi-summary.h"

#define LEVELS "(VALUES (0), (1), (2), (3))"
#define UPPER_LEVELS "(VALUES (1), (2), (3))"

/* A deal's row of kpi_deal, for the deals the WHERE that follows picks. */
#define DEAL_ROW \
  "INSERT INTO kpi_deal (deal_id, created_day, closed_day, owner_id, stage_id, reason_id," \
  "                      source, amount, cycle, stages)" \
  " SELECT d.id, d.created_at / 86400, d.closed_at / 86400, coalesce(d.owner_id, 0)," \
  "        d.stage_id, coalesce(d.lost_reason_id, 0), coalesce(c.source, ''), d.amount_cents," \
  "        d.closed_at - d.created_at," \
  "        coalesce((SELECT group_concat(to_stage_id) FROM" \
  "                   (SELECT DISTINCT to_stage_id FROM deal_stage_history" \
  "                     WHERE deal_id = d.id ORDER BY to_stage_id)), '')" \
  "   FROM deal d LEFT JOIN customer c ON c.id = d.customer_id"

#define REFRESH_DEAL(id) \
  "DELETE FROM kpi_deal WHERE deal_id = " id ";" \
  DEAL_ROW " WHERE d.id = " id ";"

/* A customer's row of kpi_customer (none without a won deal). Touch times are compared with
 * < only, so "never" is the smallest integer rather than NULL. */
#define CUSTOMER_ROW \
  "INSERT INTO kpi_customer (customer_id, owner_id, first_won_at, last_touch_at)" \
  " SELECT id, owner_id, won, touch FROM" \
  " (SELECT c.id, coalesce(c.owner_id, 0) AS owner_id," \
  "         (SELECT min(w.closed_at) FROM deal w" \
  "           WHERE w.customer_id = c.id" \
  "             AND w.stage_id IN (SELECT id FROM stage WHERE kind = 'won')) AS won," \
  "         max(coalesce((SELECT max(a.done_at) FROM activity a WHERE a.customer_id = c.id)," \
  "                      -9223372036854775808)," \
  "             coalesce((SELECT max(t.created_at) FROM deal t WHERE t.customer_id = c.id)," \
  "                      -9223372036854775808)," \
  "             coalesce((SELECT max(t.closed_at) FROM deal t WHERE t.customer_id = c.id)," \
  "                      -9223372036854775808)) AS touch" \
  "    FROM customer c"

#define CUSTOMER_ROW_END ") WHERE won IS NOT NULL"

#define REFRESH_CUSTOMER(id) \
  "DELETE FROM kpi_customer WHERE customer_id = " id ";" \
  CUSTOMER_ROW " WHERE c.id = " id CUSTOMER_ROW_END ";"

/* What a row of kpi_deal adds to the sums (sign "" or "-"). */
#define DEAL_SUMS(row, sign) \
  "INSERT INTO kpi_closed_sum (lv, bucket, owner_id, stage_id, reason_id, source, n, amount," \
  "                            cycle)" \
  " SELECT column1, " row ".closed_day >> (3 * column1), " row ".owner_id, " row ".stage_id," \
  "        " row ".reason_id, " row ".source, " sign "1, " sign row ".amount," \
  "        " sign row ".cycle" \
  "   FROM " LEVELS " WHERE " row ".closed_day IS NOT NULL" \
  " ON CONFLICT DO UPDATE SET n = n + excluded.n, amount = amount + excluded.amount," \
  "                           cycle = cycle + excluded.cycle;" \
  "INSERT INTO kpi_created_sum (lv, bucket, owner_id, stages, n)" \
  " SELECT column1, " row ".created_day >> (3 * column1), " row ".owner_id, " row ".stages," \
  "        " sign "1" \
  "   FROM " LEVELS " WHERE true" \
  " ON CONFLICT DO UPDATE SET n = n + excluded.n;"

/* A follow-up due is surely on time when done by its due time, surely late when not done
 * or done more than two days after it (no local day is longer); in between it depends on
 * where the local day ends, which the figures look up in the index activity_due_unsure. */
#define DUE_SUMS(row, sign) \
  "INSERT INTO kpi_due_sum (lv, bucket, owner_id, n, on_time)" \
  " SELECT column1, (" row ".due_at / 86400) >> (3 * column1), coalesce(" row ".owner_id, 0)," \
  "        " sign "1, " sign "(" row ".done_at IS NOT NULL AND " row ".done_at <= " row ".due_at)" \
  "   FROM " LEVELS " WHERE " row ".due_at IS NOT NULL" \
  " ON CONFLICT DO UPDATE SET n = n + excluded.n, on_time = on_time + excluded.on_time;"

/* What a follow-up adds to kpi_activity_sum (sign "" or "-"). */
#define ACTIVITY_SUMS(row, sign) \
  "INSERT INTO kpi_activity_sum (lv, bucket, owner_id, n, sat_n, sat_sum)" \
  " SELECT column1, (" row ".done_at / 86400) >> (3 * column1), coalesce(" row ".owner_id, 0)," \
  "        " sign "1, " sign "(" row ".kind = 'service' AND " row ".satisfaction IS NOT NULL)," \
  "        " sign "(CASE WHEN " row ".kind = 'service' THEN coalesce(" row ".satisfaction, 0)" \
  "                 ELSE 0 END)" \
  "   FROM " LEVELS " WHERE " row ".done_at IS NOT NULL" \
  " ON CONFLICT DO UPDATE SET n = n + excluded.n, sat_n = sat_n + excluded.sat_n," \
  "                           sat_sum = sat_sum + excluded.sat_sum;"


/* The UTC day of a TEXT date: exact, as dates have no time of day. */
#define DAY_OF(date) "(CAST(strftime('%s', " date ") AS INTEGER) / 86400)"

/* Payments by the day received, per owner of the contract's customer. */
#define PAYMENT_ROW \
  "INSERT INTO kpi_payment (payment_id, day, owner_id, amount)" \
  " SELECT p.id, " DAY_OF ("p.received_on") ", coalesce(cu.owner_id, 0), p.amount_cents" \
  "   FROM payment p JOIN contract c ON c.id = p.contract_id" \
  "   JOIN customer cu ON cu.id = c.customer_id"

#define PAYMENT_SUMS(row, sign) \
  "INSERT INTO kpi_payment_sum (lv, bucket, owner_id, amount)" \
  " SELECT column1, " row ".day >> (3 * column1), " row ".owner_id, " sign row ".amount" \
  "   FROM " LEVELS " WHERE true" \
  " ON CONFLICT DO UPDATE SET amount = amount + excluded.amount;"

/* Contracts paid in full: the first day by which their payments reach their amount. */
#define CONTRACT_ROW \
  "INSERT INTO kpi_contract (contract_id, owner_id, full_day, days)" \
  " SELECT id, owner_id, " DAY_OF ("full_on") "," \
  "        CAST(max(0, julianday(full_on) - julianday(signed_on)) AS INTEGER) FROM" \
  " (SELECT c.id, coalesce(cu.owner_id, 0) AS owner_id, c.signed_on," \
  "         (SELECT min(received_on) FROM" \
  "           (SELECT received_on," \
  "                   sum(amount_cents) OVER (ORDER BY received_on) AS paid" \
  "              FROM payment WHERE contract_id = c.id)" \
  "           WHERE paid >= c.amount_cents) AS full_on" \
  "    FROM contract c JOIN customer cu ON cu.id = c.customer_id" \
  "   WHERE c.amount_cents > 0 AND "

#define CONTRACT_ROW_END ") WHERE full_on IS NOT NULL"

/* What is overdue on a contract, max(0, instalments due − payments received), as the change
 * on each day it changes; the overdue amount at the end of a day is the sum of the changes
 * up to that day. @filter picks contracts by contract_id. */
#define OVERDUE_ROWS(filter) \
  "INSERT INTO kpi_overdue_step (contract_id, day, owner_id, delta)" \
  " SELECT s.contract_id, " DAY_OF ("s.on_day") ", coalesce(cu.owner_id, 0), s.delta FROM" \
  " (SELECT contract_id, on_day," \
  "         v - coalesce(lag(v) OVER (PARTITION BY contract_id ORDER BY on_day), 0) AS delta" \
  "    FROM (SELECT contract_id, on_day," \
  "                 max(0, sum(d) OVER (PARTITION BY contract_id ORDER BY on_day)) AS v" \
  "            FROM (SELECT contract_id, on_day, sum(d) AS d FROM" \
  "                   (SELECT contract_id, due_on AS on_day, amount_cents AS d" \
  "                      FROM payment_plan WHERE " filter \
  "                    UNION ALL" \
  "                    SELECT contract_id, received_on, -amount_cents" \
  "                      FROM payment WHERE " filter ")" \
  "                  GROUP BY contract_id, on_day))) s" \
  "   JOIN contract c ON c.id = s.contract_id JOIN customer cu ON cu.id = c.customer_id" \
  "  WHERE s.delta <> 0"

#define OVERDUE_SUMS(row, sign) \
  "INSERT INTO kpi_overdue_sum (lv, bucket, owner_id, delta)" \
  " SELECT column1, " row ".day >> (3 * column1), " row ".owner_id, " sign row ".delta" \
  "   FROM " LEVELS " WHERE true" \
  " ON CONFLICT DO UPDATE SET delta = delta + excluded.delta;"

/* The rebuild's forms of DEAL_ROW, CUSTOMER_ROW and CONTRACT_ROW for every row at once: each
 * table is read once and grouped, where the per-row forms run their subqueries (and their
 * sorts) once for each deal, customer or contract. On a million deals that was most of the
 * rebuild. test-kpi-summary compares both forms. */
#define DEAL_ROW_ALL \
  "INSERT INTO kpi_deal (deal_id, created_day, closed_day, owner_id, stage_id, reason_id," \
  "                      source, amount, cycle, stages)" \
  " SELECT d.id, d.created_at / 86400, d.closed_at / 86400, coalesce(d.owner_id, 0)," \
  "        d.stage_id, coalesce(d.lost_reason_id, 0), coalesce(c.source, ''), d.amount_cents," \
  "        d.closed_at - d.created_at, coalesce(h.stages, '')" \
  "   FROM deal d LEFT JOIN customer c ON c.id = d.customer_id" \
  "   LEFT JOIN (SELECT deal_id, group_concat(to_stage_id) AS stages FROM" \
  "               (SELECT DISTINCT deal_id, to_stage_id FROM deal_stage_history" \
  "                 ORDER BY deal_id, to_stage_id)" \
  "               GROUP BY deal_id) h ON h.deal_id = d.id"

#define CUSTOMER_ROWS_ALL \
  "INSERT INTO kpi_customer (customer_id, owner_id, first_won_at, last_touch_at)" \
  " SELECT c.id, coalesce(c.owner_id, 0), t.won," \
  "        max(coalesce(a.done, -9223372036854775808), t.created," \
  "            coalesce(t.closed, -9223372036854775808))" \
  "   FROM (SELECT customer_id," \
  "                min(CASE WHEN stage_id IN (SELECT id FROM stage WHERE kind = 'won')" \
  "                         THEN closed_at END) AS won," \
  "                max(created_at) AS created, max(closed_at) AS closed" \
  "           FROM deal GROUP BY customer_id) t" \
  "   JOIN customer c ON c.id = t.customer_id" \
  "   LEFT JOIN (SELECT customer_id, max(done_at) AS done FROM activity" \
  "               WHERE customer_id IS NOT NULL GROUP BY customer_id) a" \
  "     ON a.customer_id = t.customer_id" \
  "  WHERE t.won IS NOT NULL"

#define CONTRACT_ROWS_ALL \
  "INSERT INTO kpi_contract (contract_id, owner_id, full_day, days)" \
  " SELECT c.id, coalesce(cu.owner_id, 0), " DAY_OF ("f.full_on") "," \
  "        CAST(max(0, julianday(f.full_on) - julianday(c.signed_on)) AS INTEGER)" \
  "   FROM (SELECT contract_id, min(received_on) AS full_on FROM" \
  "          (SELECT p.contract_id, p.received_on, k.amount_cents AS amount," \
  "                  sum(p.amount_cents) OVER (PARTITION BY p.contract_id" \
  "                                            ORDER BY p.received_on) AS paid" \
  "             FROM payment p JOIN contract k ON k.id = p.contract_id)" \
  "          WHERE paid >= amount GROUP BY contract_id) f" \
  "   JOIN contract c ON c.id = f.contract_id JOIN customer cu ON cu.id = c.customer_id" \
  "  WHERE c.amount_cents > 0"

/* Everything a contract's money adds up to, again. */
#define REFRESH_CONTRACT(id) \
  "DELETE FROM kpi_contract WHERE contract_id = " id ";" \
  CONTRACT_ROW "c.id = " id CONTRACT_ROW_END ";" \
  "DELETE FROM kpi_overdue_step WHERE contract_id = " id ";" \
  OVERDUE_ROWS ("contract_id = " id) ";"

/* The owner triggers' guard: @id's change of owner is not being moved set-based. */
#define NOT_MOVING(id) \
  " AND NOT EXISTS (SELECT 1 FROM kpi_owner_move WHERE customer_id = " id ")"

static const char * const trigger_names[] = {
  "kpi_deal_sums_insert",
  "kpi_deal_sums_delete",
  "kpi_deal_insert",
  "kpi_deal_update",
  "kpi_deal_delete",
  "kpi_history_insert",
  "kpi_history_update",
  "kpi_history_delete",
  "kpi_customer_source",
  "kpi_customer_owner",
  "kpi_customer_insert",
  "kpi_customer_delete",
  "kpi_activity_insert",
  "kpi_activity_update",
  "kpi_activity_delete",
  "kpi_stage_kind",
  "kpi_payment_sums_insert",
  "kpi_payment_sums_delete",
  "kpi_payment_sums_update",
  "kpi_overdue_sums_insert",
  "kpi_overdue_sums_delete",
  "kpi_overdue_sums_update",
  "kpi_payment_insert",
  "kpi_payment_update",
  "kpi_payment_delete",
  "kpi_plan_insert",
  "kpi_plan_update",
  "kpi_plan_delete",
  "kpi_contract_update",
  "kpi_contract_insert",
  "kpi_contract_delete",
  /* Of schema 7, merged into kpi_customer_owner since: dropped, no longer created. */
  "kpi_customer_money",
};

/* The names above are those of these triggers. kpi_owner_move lists, within one transaction
 * only, the customers whose change of owner sales_kpi_summary_move_owners() carries into the
 * derived tables set-based: the triggers leave those to it. */
static const char triggers[] =
  "CREATE TABLE IF NOT EXISTS kpi_owner_move (customer_id INTEGER PRIMARY KEY);"
  "CREATE TRIGGER kpi_deal_sums_insert AFTER INSERT ON kpi_deal BEGIN "
  DEAL_SUMS ("new", "")
  "END;"
  "CREATE TRIGGER kpi_deal_sums_delete AFTER DELETE ON kpi_deal BEGIN "
  DEAL_SUMS ("old", "-")
  "END;"

  "CREATE TRIGGER kpi_deal_insert AFTER INSERT ON deal BEGIN "
  REFRESH_DEAL ("new.id")
  REFRESH_CUSTOMER ("new.customer_id")
  "END;"
  "CREATE TRIGGER kpi_deal_update AFTER UPDATE OF id, customer_id, owner_id, stage_id,"
  "  amount_cents, created_at, closed_at, lost_reason_id ON deal"
  " WHEN old.id IS NOT new.id OR old.customer_id IS NOT new.customer_id"
  "   OR old.owner_id IS NOT new.owner_id OR old.stage_id IS NOT new.stage_id"
  "   OR old.amount_cents IS NOT new.amount_cents OR old.created_at IS NOT new.created_at"
  "   OR old.closed_at IS NOT new.closed_at OR old.lost_reason_id IS NOT new.lost_reason_id"
  " BEGIN "
  "DELETE FROM kpi_deal WHERE deal_id = old.id;"
  REFRESH_DEAL ("new.id")
  REFRESH_CUSTOMER ("old.customer_id")
  REFRESH_CUSTOMER ("new.customer_id")
  "END;"
  "CREATE TRIGGER kpi_deal_delete AFTER DELETE ON deal BEGIN "
  "DELETE FROM kpi_deal WHERE deal_id = old.id;"
  REFRESH_CUSTOMER ("old.customer_id")
  "END;"

  "CREATE TRIGGER kpi_history_insert AFTER INSERT ON deal_stage_history BEGIN "
  REFRESH_DEAL ("new.deal_id")
  "END;"
  "CREATE TRIGGER kpi_history_update AFTER UPDATE OF deal_id, to_stage_id ON deal_stage_history"
  " WHEN old.deal_id IS NOT new.deal_id OR old.to_stage_id IS NOT new.to_stage_id BEGIN "
  REFRESH_DEAL ("old.deal_id")
  REFRESH_DEAL ("new.deal_id")
  "END;"
  "CREATE TRIGGER kpi_history_delete AFTER DELETE ON deal_stage_history BEGIN "
  REFRESH_DEAL ("old.deal_id")
  "END;"

  /* A customer's source is in its deals' rows, its owner in its own. A new customer has no
   * deal yet: its deals add it when they are inserted. */
  "CREATE TRIGGER kpi_customer_source AFTER UPDATE OF id, source ON customer"
  " WHEN old.id IS NOT new.id OR old.source IS NOT new.source BEGIN "
  "DELETE FROM kpi_deal WHERE deal_id IN (SELECT id FROM deal WHERE customer_id = new.id);"
  DEAL_ROW " WHERE d.customer_id = new.id;"
  "DELETE FROM kpi_customer WHERE customer_id = old.id;"
  REFRESH_CUSTOMER ("new.id")
  "END;"
  /* The money of a customer's contracts counts for its owner too: the rows change owner, and
   * their own triggers move their amounts in the sums. One trigger, as each one run costs
   * for every customer changed (the public pool's rules change tens of thousands at once). */
  "CREATE TRIGGER kpi_customer_owner AFTER UPDATE OF owner_id ON customer"
  " WHEN old.owner_id IS NOT new.owner_id" NOT_MOVING ("new.id") " BEGIN "
  "UPDATE kpi_customer SET owner_id = coalesce(new.owner_id, 0) WHERE customer_id = new.id;"
  "UPDATE kpi_payment SET owner_id = coalesce(new.owner_id, 0)"
  " WHERE payment_id IN (SELECT p.id FROM contract c JOIN payment p ON p.contract_id = c.id"
  "                       WHERE c.customer_id = new.id);"
  "UPDATE kpi_contract SET owner_id = coalesce(new.owner_id, 0)"
  " WHERE contract_id IN (SELECT id FROM contract WHERE customer_id = new.id);"
  "UPDATE kpi_overdue_step SET owner_id = coalesce(new.owner_id, 0)"
  " WHERE contract_id IN (SELECT id FROM contract WHERE customer_id = new.id);"
  "END;"
  /* A customer inserted after its deals or contracts (undo restores rows in the order of
   * their table, with foreign keys checked at the commit) gives them their source and
   * owner. */
  "CREATE TRIGGER kpi_customer_insert AFTER INSERT ON customer BEGIN "
  "DELETE FROM kpi_deal WHERE deal_id IN (SELECT id FROM deal WHERE customer_id = new.id);"
  DEAL_ROW " WHERE d.customer_id = new.id;"
  REFRESH_CUSTOMER ("new.id")
  "DELETE FROM kpi_payment WHERE payment_id IN"
  "  (SELECT p.id FROM contract c JOIN payment p ON p.contract_id = c.id"
  "    WHERE c.customer_id = new.id);"
  PAYMENT_ROW " WHERE c.customer_id = new.id;"
  "DELETE FROM kpi_contract WHERE contract_id IN"
  "  (SELECT id FROM contract WHERE customer_id = new.id);"
  CONTRACT_ROW "c.customer_id = new.id" CONTRACT_ROW_END ";"
  "DELETE FROM kpi_overdue_step WHERE contract_id IN"
  "  (SELECT id FROM contract WHERE customer_id = new.id);"
  OVERDUE_ROWS ("contract_id IN (SELECT id FROM contract WHERE customer_id = new.id)") ";"
  "END;"
  "CREATE TRIGGER kpi_customer_delete AFTER DELETE ON customer BEGIN "
  "DELETE FROM kpi_customer WHERE customer_id = old.id;"
  "END;"

  /* A follow-up done can only move its customer's last touch later. */
  "CREATE TRIGGER kpi_activity_insert AFTER INSERT ON activity BEGIN "
  ACTIVITY_SUMS ("new", "")
  DUE_SUMS ("new", "")
  "UPDATE kpi_customer SET last_touch_at = max(last_touch_at, new.done_at)"
  " WHERE customer_id = new.customer_id AND new.done_at IS NOT NULL;"
  "END;"
  "CREATE TRIGGER kpi_activity_update AFTER UPDATE OF customer_id, owner_id, kind, due_at,"
  "  done_at, satisfaction ON activity"
  " WHEN old.customer_id IS NOT new.customer_id OR old.owner_id IS NOT new.owner_id"
  "   OR old.kind IS NOT new.kind OR old.due_at IS NOT new.due_at"
  "   OR old.done_at IS NOT new.done_at OR old.satisfaction IS NOT new.satisfaction BEGIN "
  ACTIVITY_SUMS ("old", "-")
  ACTIVITY_SUMS ("new", "")
  DUE_SUMS ("old", "-")
  DUE_SUMS ("new", "")
  REFRESH_CUSTOMER ("old.customer_id")
  REFRESH_CUSTOMER ("new.customer_id")
  "END;"
  "CREATE TRIGGER kpi_activity_delete AFTER DELETE ON activity BEGIN "
  ACTIVITY_SUMS ("old", "-")
  DUE_SUMS ("old", "-")
  REFRESH_CUSTOMER ("old.customer_id")
  "END;"

  /* Which deals are won decides which customers count for churn; stages rarely change
   * kind, and then every customer is looked at again. */
  "CREATE TRIGGER kpi_stage_kind AFTER UPDATE OF id, kind ON stage"
  " WHEN old.id IS NOT new.id OR old.kind IS NOT new.kind BEGIN "
  "DELETE FROM kpi_customer;"
  CUSTOMER_ROW CUSTOMER_ROW_END ";"
  "END;"

  "CREATE TRIGGER kpi_payment_sums_insert AFTER INSERT ON kpi_payment BEGIN "
  PAYMENT_SUMS ("new", "")
  "END;"
  "CREATE TRIGGER kpi_payment_sums_delete AFTER DELETE ON kpi_payment BEGIN "
  PAYMENT_SUMS ("old", "-")
  "END;"
  "CREATE TRIGGER kpi_payment_sums_update AFTER UPDATE ON kpi_payment"
  " WHEN old.payment_id IS NOT new.payment_id OR old.day IS NOT new.day"
  "   OR old.amount IS NOT new.amount OR NOT EXISTS (SELECT 1 FROM kpi_owner_move) BEGIN "
  PAYMENT_SUMS ("old", "-")
  PAYMENT_SUMS ("new", "")
  "END;"
  "CREATE TRIGGER kpi_overdue_sums_insert AFTER INSERT ON kpi_overdue_step BEGIN "
  OVERDUE_SUMS ("new", "")
  "END;"
  "CREATE TRIGGER kpi_overdue_sums_delete AFTER DELETE ON kpi_overdue_step BEGIN "
  OVERDUE_SUMS ("old", "-")
  "END;"

  "CREATE TRIGGER kpi_overdue_sums_update AFTER UPDATE ON kpi_overdue_step"
  " WHEN old.contract_id IS NOT new.contract_id OR old.day IS NOT new.day"
  "   OR old.delta IS NOT new.delta OR NOT EXISTS (SELECT 1 FROM kpi_owner_move) BEGIN "
  OVERDUE_SUMS ("old", "-")
  OVERDUE_SUMS ("new", "")
  "END;"

  "CREATE TRIGGER kpi_payment_insert AFTER INSERT ON payment BEGIN "
  PAYMENT_ROW " WHERE p.id = new.id;"
  REFRESH_CONTRACT ("new.contract_id")
  "END;"
  "CREATE TRIGGER kpi_payment_update AFTER UPDATE OF id, contract_id, received_on, amount_cents"
  "  ON payment"
  " WHEN old.id IS NOT new.id OR old.contract_id IS NOT new.contract_id"
  "   OR old.received_on IS NOT new.received_on OR old.amount_cents IS NOT new.amount_cents"
  " BEGIN "
  "DELETE FROM kpi_payment WHERE payment_id = old.id;"
  PAYMENT_ROW " WHERE p.id = new.id;"
  REFRESH_CONTRACT ("old.contract_id")
  REFRESH_CONTRACT ("new.contract_id")
  "END;"
  "CREATE TRIGGER kpi_payment_delete AFTER DELETE ON payment BEGIN "
  "DELETE FROM kpi_payment WHERE payment_id = old.id;"
  REFRESH_CONTRACT ("old.contract_id")
  "END;"

  "CREATE TRIGGER kpi_plan_insert AFTER INSERT ON payment_plan BEGIN "
  REFRESH_CONTRACT ("new.contract_id")
  "END;"
  "CREATE TRIGGER kpi_plan_update AFTER UPDATE OF contract_id, due_on, amount_cents"
  "  ON payment_plan"
  " WHEN old.contract_id IS NOT new.contract_id OR old.due_on IS NOT new.due_on"
  "   OR old.amount_cents IS NOT new.amount_cents BEGIN "
  REFRESH_CONTRACT ("old.contract_id")
  REFRESH_CONTRACT ("new.contract_id")
  "END;"
  "CREATE TRIGGER kpi_plan_delete AFTER DELETE ON payment_plan BEGIN "
  REFRESH_CONTRACT ("old.contract_id")
  "END;"

  "CREATE TRIGGER kpi_contract_update AFTER UPDATE OF id, customer_id, amount_cents, signed_on"
  "  ON contract"
  " WHEN old.id IS NOT new.id OR old.customer_id IS NOT new.customer_id"
  "   OR old.amount_cents IS NOT new.amount_cents OR old.signed_on IS NOT new.signed_on"
  " BEGIN "
  "DELETE FROM kpi_payment WHERE payment_id IN"
  "  (SELECT id FROM payment WHERE contract_id IN (old.id, new.id));"
  PAYMENT_ROW " WHERE p.contract_id = new.id;"
  REFRESH_CONTRACT ("old.id")
  REFRESH_CONTRACT ("new.id")
  "END;"
  "CREATE TRIGGER kpi_contract_insert AFTER INSERT ON contract BEGIN "
  "DELETE FROM kpi_payment WHERE payment_id IN"
  "  (SELECT id FROM payment WHERE contract_id = new.id);"
  PAYMENT_ROW " WHERE p.contract_id = new.id;"
  REFRESH_CONTRACT ("new.id")
  "END;"
  "CREATE TRIGGER kpi_contract_delete AFTER DELETE ON contract BEGIN "
  "DELETE FROM kpi_contract WHERE contract_id = old.id;"
  "DELETE FROM kpi_overdue_step WHERE contract_id = old.id;"
  "END;";

/* What kpi_customer_owner and the sums' update triggers do, for every customer listed in
 * kpi_owner_move at once: the money of their contracts counts for their owners now. The rows
 * that change owner are collected once (kpi_move_row: a payment, or an overdue step by its
 * rowid) and updated from that list; their amounts leave the old owners' sums and arrive in
 * the new ones' through move_sums(), where the triggers added and took away each row's amount
 * at each level (on the public pool's first application, 140 000 payments and as many overdue
 * steps: 3 s of CPU). The joins start from the short lists (CROSS JOIN fixes the order),
 * whatever the planner guesses of a temporary table. */
static const char move_start[] =
  "CREATE TEMP TABLE IF NOT EXISTS kpi_move_contract ("
  "  contract_id INTEGER PRIMARY KEY,"
  "  owner_id    INTEGER NOT NULL"
  ");"
  "CREATE TEMP TABLE IF NOT EXISTS kpi_move_row ("
  "  id     INTEGER PRIMARY KEY,"
  "  day    INTEGER NOT NULL,"
  "  old    INTEGER NOT NULL,"
  "  new    INTEGER NOT NULL,"
  "  amount INTEGER NOT NULL"
  ");"
  "DELETE FROM temp.kpi_move_contract;"
  "INSERT INTO temp.kpi_move_contract (contract_id, owner_id)"
  " SELECT c.id, coalesce(cu.owner_id, 0) FROM kpi_owner_move m"
  "   CROSS JOIN customer cu ON cu.id = m.customer_id"
  "   CROSS JOIN contract c ON c.customer_id = m.customer_id;"

  "UPDATE kpi_customer SET owner_id ="
  "  (SELECT coalesce(cu.owner_id, 0) FROM customer cu WHERE cu.id = kpi_customer.customer_id)"
  " WHERE customer_id IN (SELECT customer_id FROM kpi_owner_move);"

  "DELETE FROM temp.kpi_move_row;"
  "INSERT INTO temp.kpi_move_row (id, day, old, new, amount)"
  " SELECT r.payment_id, r.day, r.owner_id, mc.owner_id, r.amount"
  "   FROM temp.kpi_move_contract mc CROSS JOIN payment p ON p.contract_id = mc.contract_id"
  "   CROSS JOIN kpi_payment r ON r.payment_id = p.id WHERE r.owner_id IS NOT mc.owner_id;";

static const char move_payments[] =
  "UPDATE kpi_payment SET owner_id ="
  "  (SELECT new FROM temp.kpi_move_row m WHERE m.id = kpi_payment.payment_id)"
  " WHERE payment_id IN (SELECT id FROM temp.kpi_move_row);"

  "UPDATE kpi_contract SET owner_id ="
  "  (SELECT owner_id FROM temp.kpi_move_contract mc"
  "    WHERE mc.contract_id = kpi_contract.contract_id)"
  " WHERE contract_id IN (SELECT contract_id FROM temp.kpi_move_contract);"

  "DELETE FROM temp.kpi_move_row;"
  "INSERT INTO temp.kpi_move_row (id, day, old, new, amount)"
  " SELECT r.rowid, r.day, r.owner_id, mc.owner_id, r.delta"
  "   FROM temp.kpi_move_contract mc"
  "   CROSS JOIN kpi_overdue_step r ON r.contract_id = mc.contract_id"
  "  WHERE r.owner_id IS NOT mc.owner_id;";

static const char move_end[] =
  "UPDATE kpi_overdue_step SET owner_id ="
  "  (SELECT new FROM temp.kpi_move_row m WHERE m.id = kpi_overdue_step.rowid)"
  " WHERE rowid IN (SELECT id FROM temp.kpi_move_row);"

  "DELETE FROM temp.kpi_move_row;"
  "DELETE FROM temp.kpi_move_contract;"
  "DELETE FROM kpi_owner_move;";

/* A change to one row of a sums table: its level, bucket and owner, and what it adds. */
typedef struct
{
  gint64 bucket;
  gint64 owner_id;
  gint64 amount;
  int    lv;
} SumChange;

static guint
sum_change_hash (gconstpointer key)
{
  const SumChange *change = key;

  return (guint)((guint64)change->bucket * 2654435761u ^ (guint64)change->owner_id * 40503u ^
                 (guint64)change->lv);
}

static gboolean
sum_change_equal (gconstpointer a,
                  gconstpointer b)
{
  const SumChange *x = a, *y = b;

  return x->bucket == y->bucket && x->owner_id == y->owner_id && x->lv == y->lv;
}

static int
sum_change_compare (gconstpointer a,
                    gconstpointer b)
{
  const SumChange *x = a, *y = b;

  if (x->lv != y->lv)
    return x->lv < y->lv ? -1 : 1;
  if (x->bucket != y->bucket)
    return x->bucket < y->bucket ? -1 : 1;
  if (x->owner_id != y->owner_id)
    return x->owner_id < y->owner_id ? -1 : 1;
  return 0;
}

static void
sum_change_add (GHashTable *changes,
                int         lv,
                gint64      bucket,
                gint64      owner_id,
                gint64      amount)
{
  SumChange key = { bucket, owner_id, 0, lv };
  SumChange *change = g_hash_table_lookup (changes, &key);

  if (change == NULL)
    {
      change = g_memdup2 (&key, sizeof key);
      g_hash_table_add (changes, change);
    }
  change->amount += amount;
}

/* The rows of temp.kpi_move_row leave their old owners' sums in @table and arrive in their new
 * owners', at every level. The amounts are added up here, per day and owner and then per
 * level, and written as one upsert per row of @table that changes, in its key's order: a few
 * thousand rows where SQL grouped and sorted the 140 000 rows of the public pool's first
 * application (most of the time of the move). */
static gboolean
move_sums (SalesDb     *db,
           const char  *upsert_sql,
           GError     **error)
{
  g_autoptr(GHashTable) changes = g_hash_table_new_full (sum_change_hash, sum_change_equal,
                                                         g_free, NULL);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (SumChange));
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  SumChange *change;
  int rc;

  stmt = sales_db_prepare (db, "SELECT day, old, new, amount FROM temp.kpi_move_row", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 day = sqlite3_column_int64 (stmt, 0);
      gint64 amount = sqlite3_column_int64 (stmt, 3);

      sum_change_add (changes, 0, day, sqlite3_column_int64 (stmt, 1), -amount);
      sum_change_add (changes, 0, day, sqlite3_column_int64 (stmt, 2), amount);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return sales_db_set_error (db, rc, error);

  /* Level 0 is complete; the upper levels add up its days. */
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&change, NULL))
    g_array_append_val (rows, *change);
  for (guint i = 0, n = rows->len; i < n; i++)
    {
      SumChange day = g_array_index (rows, SumChange, i);

      for (int lv = 1; lv <= 3; lv++)
        sum_change_add (changes, lv, day.bucket >> (3 * lv), day.owner_id, day.amount);
    }

  g_array_set_size (rows, 0);
  g_hash_table_iter_init (&iter, changes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&change, NULL))
    if (change->amount != 0)
      g_array_append_val (rows, *change);
  g_array_sort (rows, sum_change_compare);

  stmt = sales_db_prepare (db, upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const SumChange *row = &g_array_index (rows, SumChange, i);

      sqlite3_bind_int64 (stmt, 1, row->lv);
      sqlite3_bind_int64 (stmt, 2, row->bucket);
      sqlite3_bind_int64 (stmt, 3, row->owner_id);
      sqlite3_bind_int64 (stmt, 4, row->amount);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return sales_db_set_error (db, rc, error);
    }

  return TRUE;
}

/* Each table in one set-based statement, from the documented tables alone; the sums of
 * levels 1–3 from those of level 0 (a GROUP BY of every row times four levels sorted four
 * times as much). */
static const char rebuild[] =
  "DELETE FROM kpi_deal;"
  "DELETE FROM kpi_closed_sum;"
  "DELETE FROM kpi_created_sum;"
  "DELETE FROM kpi_activity_sum;"
  "DELETE FROM kpi_due_sum;"
  "DELETE FROM kpi_customer;"
  DEAL_ROW_ALL ";"
  "WITH d AS (SELECT closed_day AS b, owner_id AS o, stage_id AS s, reason_id AS r,"
  "                  source AS c, count(*) AS n, sum(amount) AS a, sum(cycle) AS y"
  "             FROM kpi_deal WHERE closed_day IS NOT NULL GROUP BY 1, 2, 3, 4, 5)"
  " INSERT INTO kpi_closed_sum (lv, bucket, owner_id, stage_id, reason_id, source, n, amount,"
  "                             cycle)"
  " SELECT 0, b, o, s, r, c, n, a, y FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, s, r, c, sum(n), sum(a), sum(y)"
  "   FROM d, " UPPER_LEVELS " GROUP BY column1, k, o, s, r, c;"
  "WITH d AS (SELECT created_day AS b, owner_id AS o, stages AS s, count(*) AS n"
  "             FROM kpi_deal GROUP BY 1, 2, 3)"
  " INSERT INTO kpi_created_sum (lv, bucket, owner_id, stages, n)"
  " SELECT 0, b, o, s, n FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, s, sum(n)"
  "   FROM d, " UPPER_LEVELS " GROUP BY column1, k, o, s;"
  "WITH d AS (SELECT done_at / 86400 AS b, coalesce(owner_id, 0) AS o, count(*) AS n,"
  "                  count(CASE WHEN kind = 'service' THEN satisfaction END) AS sn,"
  "                  total(CASE WHEN kind = 'service' THEN satisfaction END) AS ss"
  "             FROM activity WHERE done_at IS NOT NULL GROUP BY 1, 2)"
  " INSERT INTO kpi_activity_sum (lv, bucket, owner_id, n, sat_n, sat_sum)"
  " SELECT 0, b, o, n, sn, ss FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, sum(n), sum(sn), sum(ss)"
  "   FROM d, " UPPER_LEVELS " GROUP BY column1, k, o;"
  "WITH d AS (SELECT due_at / 86400 AS b, coalesce(owner_id, 0) AS o, count(*) AS n,"
  "                  count(CASE WHEN done_at <= due_at THEN 1 END) AS t"
  "             FROM activity WHERE due_at IS NOT NULL GROUP BY 1, 2)"
  " INSERT INTO kpi_due_sum (lv, bucket, owner_id, n, on_time)"
  " SELECT 0, b, o, n, t FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, sum(n), sum(t)"
  "   FROM d, " UPPER_LEVELS " GROUP BY column1, k, o;"
  CUSTOMER_ROWS_ALL ";"
  "DELETE FROM kpi_payment;"
  "DELETE FROM kpi_payment_sum;"
  "DELETE FROM kpi_contract;"
  "DELETE FROM kpi_overdue_step;"
  "DELETE FROM kpi_overdue_sum;"
  PAYMENT_ROW ";"
  "WITH d AS (SELECT day AS b, owner_id AS o, sum(amount) AS a FROM kpi_payment"
  "            GROUP BY 1, 2)"
  " INSERT INTO kpi_payment_sum (lv, bucket, owner_id, amount)"
  " SELECT 0, b, o, a FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, sum(a) FROM d, " UPPER_LEVELS
  "  GROUP BY column1, k, o;"
  CONTRACT_ROWS_ALL ";"
  OVERDUE_ROWS ("true") ";"
  "WITH d AS (SELECT day AS b, owner_id AS o, sum(delta) AS a FROM kpi_overdue_step"
  "            GROUP BY 1, 2)"
  " INSERT INTO kpi_overdue_sum (lv, bucket, owner_id, delta)"
  " SELECT 0, b, o, a FROM d"
  " UNION ALL"
  " SELECT column1, b >> (3 * column1) AS k, o, sum(a) FROM d, " UPPER_LEVELS
  "  GROUP BY column1, k, o;";

gboolean
sales_kpi_summary_suspend (SalesDb  *db,
                           GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_db_in_transaction (db), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (trigger_names); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TRIGGER IF EXISTS %s", trigger_names[i]);

      if (!sales_db_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sales_kpi_summary_resume (SalesDb  *db,
                          GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_db_in_transaction (db), FALSE);

  return sales_db_exec (db, triggers, error);
}

gboolean
sales_kpi_summary_rebuild (SalesDb  *db,
                           GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_db_in_transaction (db), FALSE);

  return sales_kpi_summary_suspend (db, error) &&
         sales_db_exec (db, rebuild, error) &&
         sales_db_exec (db, triggers, error);
}

gboolean
sales_kpi_summary_replace_triggers (SalesDb  *db,
                                    GError  **error)
{
  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_db_in_transaction (db), FALSE);

  return sales_kpi_summary_suspend (db, error) &&
         sales_db_exec (db, triggers, error);
}

gboolean
sales_kpi_summary_move_owners (SalesDb  *db,
                               GError  **error)
{
  gboolean ok;

  g_return_val_if_fail (SALES_IS_DB (db), FALSE);
  g_return_val_if_fail (sales_db_in_transaction (db), FALSE);

  /* The statements below fire only the sums' update triggers, whose WHEN is false while
   * kpi_owner_move lists customers: evaluating it for each of 140 000 payments and as many
   * overdue steps cost as much as the updates themselves (1.3 of 2.6 billion instructions
   * on the public pool's first application). */
  sales_kpi_summary_set_triggers (db, FALSE);
  ok = sales_db_exec (db, move_start, error) &&
       move_sums (db,
                  "INSERT INTO kpi_payment_sum (lv, bucket, owner_id, amount)"
                  " VALUES (?1, ?2, ?3, ?4)"
                  " ON CONFLICT DO UPDATE SET amount = amount + excluded.amount",
                  error) &&
       sales_db_exec (db, move_payments, error) &&
       move_sums (db,
                  "INSERT INTO kpi_overdue_sum (lv, bucket, owner_id, delta)"
                  " VALUES (?1, ?2, ?3, ?4)"
                  " ON CONFLICT DO UPDATE SET delta = delta + excluded.delta",
                  error) &&
       sales_db_exec (db, move_end, error);
  sales_kpi_summary_set_triggers (db, TRUE);

  return ok;
}

void
sales_kpi_summary_set_triggers (SalesDb  *db,
                                gboolean  enabled)
{
  g_return_if_fail (SALES_IS_DB (db));
  g_return_if_fail (sales_db_in_transaction (db));

  /* Prepared statements are compiled with or without the triggers: SQLite prepares them
   * again after the switch. */
  sqlite3_db_config (sales_db_get_handle (db), SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled ? 1 : 0,
                     NULL);
}
