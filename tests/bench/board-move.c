/* board-move.c: the pipeline board's columns on a large database
 *
 *   board-move --db FILE [--moves 200] [--window 30] [--seed 1] [--json]
 *
 * Opens FILE (made with `sales-desk --seed-demo`) through SalesStore, builds
 * a SalesDealList for every stage as the board does, and measures:
 *
 *   load       building every column (the ids, on the main thread), then
 *              the wait until every column's totals are known (they are
 *              added up in threads meanwhile)
 *   move       sales_store_move_deal() of a deal of a random open column to
 *              another open column, at a random place ("anywhere") or among
 *              the first 20 cards ("top"); then, at a random place again,
 *              sales_store_move_deal_above() with the card below the drop
 *              ("above"). The time runs until the call returns, when both
 *              columns' ids and totals have followed (they are checked
 *              after each move)
 *   reference  the "anywhere" move as bare SQL on a second connection: one
 *              transaction that reads a random card of a random open column
 *              and its new neighbours' positions by the same index, updates
 *              the deal's row and adds its history row
 *   scroll     get_item() over the biggest column from top to bottom in
 *              windows of --window rows, keeping only the window alive, as
 *              a GtkListView does; then how many deal objects exist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "sales-core.h"
#include "sales-store-private.h"

#define TOP_PLACES 20

typedef struct
{
  GPtrArray *lists;   /* SalesDealList, one per stage */
  GArray    *open;    /* guint, indexes of the open columns in lists */
} Board;

static guint
deals_alive (SalesStore *store)
{
  return g_hash_table_size (store->records[SALES_RECORD_DEAL]);
}

/* One move through the store; checks both columns afterwards. */
typedef enum
{
  MOVE_ANYWHERE,
  MOVE_TOP,
  MOVE_ABOVE,
} MoveKind;

static double
move_one (SalesStore    *store,
          SalesDealList *from,
          SalesDealList *to,
          GRand         *rand,
          MoveKind       kind)
{
  g_autoptr(SalesDeal) deal = NULL;
  g_autoptr(GError) error = NULL;
  guint n_from = g_list_model_get_n_items (G_LIST_MODEL (from));
  guint n_to = g_list_model_get_n_items (G_LIST_MODEL (to));
  gint64 total_from = sales_deal_list_get_total_cents (from);
  gint64 total_to = sales_deal_list_get_total_cents (to);
  guint index = kind == MOVE_TOP ? (guint)g_rand_int_range (rand, 0, MIN (TOP_PLACES, n_to + 1))
                                 : (guint)g_rand_int_range (rand, 0, n_to + 1);
  gint64 stage_id = sales_record_get_id (SALES_RECORD (sales_deal_list_get_stage (to)));
  gint64 above_id = sales_deal_list_get_deal_id (to, index);
  guint found = 0;
  gint64 id, amount;
  gboolean moved;
  double start, elapsed;

  id = sales_deal_list_get_deal_id (from, (guint)g_rand_int_range (rand, 0, n_from));
  deal = sales_store_get_deal (store, id, &error);
  g_assert_no_error (error);
  amount = sales_deal_get_amount_cents (deal);

  start = bench_now_ms ();
  moved = kind == MOVE_ABOVE
          ? sales_store_move_deal_above (store, deal, stage_id, above_id, &error)
          : sales_store_move_deal (store, deal, stage_id, (int)index, &error);
  if (!moved)
    g_error ("Cannot move a deal: %s", error->message);
  /* What a column header shows after the drop. */
  sales_deal_list_get_total_cents (from);
  sales_deal_list_get_total_cents (to);
  elapsed = bench_now_ms () - start;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (from)), ==, n_from - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (to)), ==, n_to + 1);
  g_assert_cmpint (sales_deal_list_get_total_cents (from), ==, total_from - amount);
  g_assert_cmpint (sales_deal_list_get_total_cents (to), ==, total_to + amount);
  g_assert_true (sales_deal_list_find (to, id, &found));
  g_assert_cmpuint (found, ==, index);
  g_assert_false (sales_deal_list_find (from, id, NULL));

  return elapsed;
}

static GArray *
measure_moves (SalesStore *store,
               Board      *board,
               GRand      *rand,
               guint       moves,
               MoveKind    kind)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < moves; i++)
    {
      guint a = g_array_index (board->open, guint, g_rand_int_range (rand, 0, board->open->len));
      guint b = g_array_index (board->open, guint,
                               g_rand_int_range (rand, 0, board->open->len - 1));
      double ms;

      if (b >= a)
        b = g_array_index (board->open, guint, (b + 1) % board->open->len);
      if (b == a)
        b = g_array_index (board->open, guint, 0) == a ? g_array_index (board->open, guint, 1)
                                                        : g_array_index (board->open, guint, 0);

      ms = move_one (store, g_ptr_array_index (board->lists, a),
                     g_ptr_array_index (board->lists, b), rand, kind);
      g_array_append_val (samples, ms);
    }

  return samples;
}

/* The reference: the "anywhere" move as bare SQL, in one transaction. As the app does, the
 * deal is any card of its column and its place any index among the other column's cards
 * (the bottom included): its position is the midpoint of the cards above and below it, or
 * a gap beyond the one card it has at the top or the bottom of the column. Which cards and
 * places are chosen is decided before the clock starts, as the board knows its columns'
 * lengths. */
static GArray *
measure_reference (const char *path,
                   GRand      *rand,
                   guint       moves)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3 *db = NULL;
  sqlite3_stmt *count, *pick, *neighbours, *update, *history;
  g_autoptr(GArray) stages = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (int));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "SELECT s.id, (SELECT count (*) FROM deal WHERE stage_id = s.id) "
                      "FROM stage s WHERE s.kind = 'open'", -1, &count, NULL);
  while (sqlite3_step (count) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (count, 0);
      int length = sqlite3_column_int (count, 1);

      g_array_append_val (stages, id);
      g_array_append_val (lengths, length);
    }
  sqlite3_finalize (count);
  g_assert_cmpuint (stages->len, >=, 2);

  sqlite3_prepare_v2 (db, "SELECT id, created_at FROM deal WHERE stage_id = ?1 "
                      "ORDER BY position, id LIMIT 1 OFFSET ?2", -1, &pick, NULL);
  sqlite3_prepare_v2 (db, "SELECT position FROM deal WHERE stage_id = ?1 ORDER BY position, id "
                      "LIMIT ?2 OFFSET ?3", -1, &neighbours, NULL);
  sqlite3_prepare_v2 (db, "UPDATE deal SET stage_id = ?2, position = ?3, stage_changed_at = ?4 "
                      "WHERE id = ?1", -1, &update, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO deal_stage_history "
                      "(deal_id, from_stage_id, to_stage_id, changed_at) VALUES (?1, ?2, ?3, ?4)",
                      -1, &history, NULL);

  for (guint i = 0; i < moves; i++)
    {
      guint a, b;
      gint64 deal, created_at, position, now, found[2] = { 0, 0 };
      int offset, index, n = 0;
      double start, ms;

      /* A column with a card to another open column, as measure_moves() chooses them. */
      do
        a = (guint)g_rand_int_range (rand, 0, stages->len);
      while (g_array_index (lengths, int, a) == 0);
      b = (guint)g_rand_int_range (rand, 0, stages->len - 1);
      if (b >= a)
        b++;
      offset = g_rand_int_range (rand, 0, g_array_index (lengths, int, a));
      index = g_rand_int_range (rand, 0, g_array_index (lengths, int, b) + 1);

      start = bench_now_ms ();
      sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      sqlite3_bind_int64 (pick, 1, g_array_index (stages, gint64, a));
      sqlite3_bind_int (pick, 2, offset);
      g_assert_cmpint (sqlite3_step (pick), ==, SQLITE_ROW);
      deal = sqlite3_column_int64 (pick, 0);
      created_at = sqlite3_column_int64 (pick, 1);
      sqlite3_reset (pick);
      sqlite3_bind_int64 (neighbours, 1, g_array_index (stages, gint64, b));
      sqlite3_bind_int (neighbours, 2, index > 0 ? 2 : 1);
      sqlite3_bind_int (neighbours, 3, index > 0 ? index - 1 : 0);
      while (n < 2 && sqlite3_step (neighbours) == SQLITE_ROW)
        found[n++] = sqlite3_column_int64 (neighbours, 0);
      sqlite3_reset (neighbours);
      if (index > 0 && n == 2)
        position = found[0] + (found[1] - found[0]) / 2;
      else if (index > 0 && n == 1)
        position = found[0] + SALES_DEAL_POSITION_GAP;
      else if (index == 0 && n == 1)
        position = found[0] - SALES_DEAL_POSITION_GAP;
      else
        position = 0;
      /* The store's rule: a clock set back must not break CHECK (stage_changed_at >=
       * created_at). */
      now = MAX (g_get_real_time () / G_USEC_PER_SEC, created_at);
      sqlite3_bind_int64 (update, 1, deal);
      sqlite3_bind_int64 (update, 2, g_array_index (stages, gint64, b));
      sqlite3_bind_int64 (update, 3, position);
      sqlite3_bind_int64 (update, 4, now);
      g_assert_cmpint (sqlite3_step (update), ==, SQLITE_DONE);
      sqlite3_reset (update);
      sqlite3_bind_int64 (history, 1, deal);
      sqlite3_bind_int64 (history, 2, g_array_index (stages, gint64, a));
      sqlite3_bind_int64 (history, 3, g_array_index (stages, gint64, b));
      sqlite3_bind_int64 (history, 4, now);
      g_assert_cmpint (sqlite3_step (history), ==, SQLITE_DONE);
      sqlite3_reset (history);
      g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
      ms = bench_now_ms () - start;
      g_array_append_val (samples, ms);

      g_array_index (lengths, int, a)--;
      g_array_index (lengths, int, b)++;
    }

  sqlite3_finalize (pick);
  sqlite3_finalize (neighbours);
  sqlite3_finalize (update);
  sqlite3_finalize (history);
  sqlite3_close (db);

  return samples;
}

/* A list view scrolling from top to bottom: only the window is held. */
static void
scroll (SalesStore    *store,
        SalesDealList *list,
        guint          window,
        guint         *peak,
        double        *ms)
{
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  double start = bench_now_ms ();

  *peak = 0;
  for (guint first = 0; first < n; first += window)
    {
      g_ptr_array_set_size (shown, 0);
      for (guint i = first; i < MIN (first + window, n); i++)
        g_ptr_array_add (shown, g_list_model_get_item (G_LIST_MODEL (list), i));
      *peak = MAX (*peak, deals_alive (store));
    }
  *ms = bench_now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SalesDb) db = NULL;
  g_autoptr(SalesStore) store = NULL;
  g_autoptr(GListModel) stages = NULL;
  g_autoptr(GArray) anywhere = NULL;
  g_autoptr(GArray) top = NULL;
  g_autoptr(GArray) above = NULL;
  g_autoptr(GArray) reference = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autofree char *path = NULL;
  int moves = 200, window = 30, seed = 1;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &path, "The database", "FILE" },
    { "moves", 0, 0, G_OPTION_ARG_INT, &moves, "Moves of each kind", "N" },
    { "window", 0, 0, G_OPTION_ARG_INT, &window, "Rows a list view shows", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the random choices", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print JSON", NULL },
    { NULL }
  };
  Board board;
  guint open_deals = 0, biggest = 0, peak = 0, alive_after_load, alive_after_scroll;
  gint64 rss_before, rss_after;
  double load_ids_ms, load_totals_ms, scroll_ms, start;

  context = g_option_context_new ("— the pipeline board on a large database");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || path == NULL || moves < 1 ||
      window < 1)
    {
      g_printerr ("board-move: %s\n", error != NULL ? error->message : "--db FILE is required");
      return 2;
    }

  rand = g_rand_new_with_seed ((guint32)seed);
  db = sales_db_open (path, &error);
  if (db == NULL)
    {
      g_printerr ("board-move: %s\n", error->message);
      return 1;
    }
  store = sales_store_new (db);
  stages = sales_store_list_stages (store);

  board.lists = g_ptr_array_new_with_free_func (g_object_unref);
  board.open = g_array_new (FALSE, FALSE, sizeof (guint));
  rss_before = bench_rss_kib ();

  start = bench_now_ms ();
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(SalesStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (board.lists, sales_deal_list_new (store, stage, NULL));
      if (!sales_stage_is_closed (stage))
        g_array_append_val (board.open, i);
    }
  load_ids_ms = bench_now_ms () - start;

  for (guint i = 0; i < board.lists->len; i++)
    {
      while (!sales_deal_list_get_totals_known (g_ptr_array_index (board.lists, i)))
        g_main_context_iteration (NULL, TRUE);
    }
  load_totals_ms = bench_now_ms () - start;
  rss_after = bench_rss_kib ();
  alive_after_load = deals_alive (store);

  for (guint i = 0; i < board.open->len; i++)
    {
      SalesDealList *list = g_ptr_array_index (board.lists, g_array_index (board.open, guint, i));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

      open_deals += n;
      if (n > g_list_model_get_n_items (G_LIST_MODEL (g_ptr_array_index (board.lists, biggest))))
        biggest = g_array_index (board.open, guint, i);
    }
  g_assert_cmpuint (board.open->len, >=, 2);

  anywhere = measure_moves (store, &board, rand, (guint)moves, MOVE_ANYWHERE);
  top = measure_moves (store, &board, rand, (guint)moves, MOVE_TOP);
  above = measure_moves (store, &board, rand, (guint)moves, MOVE_ABOVE);

  scroll (store, g_ptr_array_index (board.lists, biggest), (guint)window, &peak, &scroll_ms);
  alive_after_scroll = deals_alive (store);

  reference = measure_reference (path, rand, (guint)moves);

  if (json)
    {
      g_print ("{\"deals\": %" G_GINT64_FORMAT ", \"open_deals\": %u, \"stages\": %u, "
               "\"load_ids_ms\": %.2f, \"load_totals_ms\": %.2f, "
               "\"rss_lists_kb\": %" G_GINT64_FORMAT ", "
               "\"alive_after_load\": %u, "
               "\"move_anywhere_median_ms\": %.3f, \"move_anywhere_p95_ms\": %.3f, "
               "\"move_anywhere_max_ms\": %.3f, "
               "\"move_top_median_ms\": %.3f, \"move_top_p95_ms\": %.3f, "
               "\"move_above_median_ms\": %.3f, \"move_above_p95_ms\": %.3f, "
               "\"reference_median_ms\": %.3f, \"reference_p95_ms\": %.3f, \"moves\": %d, "
               "\"scroll_rows\": %u, \"scroll_window\": %d, \"scroll_ms\": %.1f, "
               "\"alive_peak\": %u, \"alive_after_scroll\": %u}\n",
               sales_db_count (db, "deal"), open_deals, board.lists->len,
               load_ids_ms, load_totals_ms, rss_after - rss_before, alive_after_load,
               bench_percentile (anywhere, 0.5), bench_percentile (anywhere, 0.95),
               bench_percentile (anywhere, 1.0),
               bench_percentile (top, 0.5), bench_percentile (top, 0.95),
               bench_percentile (above, 0.5), bench_percentile (above, 0.95),
               bench_percentile (reference, 0.5), bench_percentile (reference, 0.95), moves,
               g_list_model_get_n_items (G_LIST_MODEL (g_ptr_array_index (board.lists, biggest))),
               window, scroll_ms, peak, alive_after_scroll);
    }
  else
    {
      g_print ("%" G_GINT64_FORMAT " deals, %u open, %u columns\n",
               sales_db_count (db, "deal"), open_deals, board.lists->len);
      g_print ("columns built (ids): %.1f ms; all totals known after %.1f ms; "
               "resident +%" G_GINT64_FORMAT " KiB\n",
               load_ids_ms, load_totals_ms, rss_after - rss_before);
      g_print ("move, anywhere: median %.3f ms, p95 %.3f ms, max %.3f ms (%d moves)\n",
               bench_percentile (anywhere, 0.5), bench_percentile (anywhere, 0.95),
               bench_percentile (anywhere, 1.0), moves);
      g_print ("move, top %d:   median %.3f ms, p95 %.3f ms (%d moves)\n", TOP_PLACES,
               bench_percentile (top, 0.5), bench_percentile (top, 0.95), moves);
      g_print ("move above a card, anywhere: median %.3f ms, p95 %.3f ms (%d moves)\n",
               bench_percentile (above, 0.5), bench_percentile (above, 0.95), moves);
      g_print ("reference SQL:  median %.3f ms, p95 %.3f ms\n",
               bench_percentile (reference, 0.5), bench_percentile (reference, 0.95));
      g_print ("scroll of %u rows by %d: %.0f ms; deal objects alive: peak %u, after %u\n",
               g_list_model_get_n_items (G_LIST_MODEL (g_ptr_array_index (board.lists, biggest))),
               window, scroll_ms, peak, alive_after_scroll);
    }

  g_ptr_array_unref (board.lists);
  g_array_unref (board.open);

  return 0;
}
