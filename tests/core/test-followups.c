/* test-followups.c: the Follow-ups view's sections, its store actions, the calendar export
 * and the due notifications
 *
 * Days are local days in Asia/Shanghai (UTC+8, no daylight saving), where a follow-up at
 * 00:10 is today although in UTC it is still yesterday. The week starts on Monday.
 * Every test starts from the same small company, built in set_up, with the clock at
 * Wednesday 2026-11-25 10:00 (Unix times worked out with date(1), TZ=Asia/Shanghai):
 *   reps       1 Zhang Wei, 2 Li Na
 *   customers  1 华为技术有限公司 (owner 1), 2 Globex (owner 2)
 *   deal       1 "ERP 升级" (华为)
 *   planned follow-ups
 *     a1  华为, deal 1, rep 1, call,    "报价确认",  Tue 11-24 23:30  1795534200  overdue
 *     a2  Globex,       rep 2, visit,   —,           Wed 11-25 00:10  1795536600  today
 *     a3  华为,         rep 1, meeting, —,           Wed 11-25 23:30  1795620600  today
 *     a4  Globex,       rep 2, email,   "Send the brochure", Thu 11-26 09:00  1795654800  this week
 *     a5  华为,         rep 1, message, —,           Sun 11-29 23:59  1795967940  this week
 *     a6  Globex,       rep 1, note,    —,           Mon 11-30 00:00  1795968000  later
 *     a7  华为,         rep 2, service, LONG_NOTE,   Thu 12-03 15:00  1796281200  later
 *   done follow-ups
 *     a8  华为, rep 1, call, due Fri 11-20 09:00 (1795136400), done an hour later
 *     a9  华为, rep 1, visit, done Mon 11-23 09:00 (1795395600), never planned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libical/ical.h>

#include "test-util.h"

#define WED_10_00     G_GINT64_CONSTANT (1795572000)
#define WED_00_00     G_GINT64_CONSTANT (1795536000)
#define THU_00_00     G_GINT64_CONSTANT (1795622400)
#define NEXT_MON_00   G_GINT64_CONSTANT (1795968000)
#define SUN_12_00     G_GINT64_CONSTANT (1795924800)
#define MON_09_00     G_GINT64_CONSTANT (1795395600)

#define LONG_NOTE "检查设备运行状况，更换滤芯，并与客户确认下一次保养的时间和地点，" \
                  "同时记录客户对服务的满意度和意见。"

typedef struct
{
  Fixture            f;
  SalesFollowupList *lists[4];
} Company;

static const gint64 due[] = {
  0, 1795534200, 1795536600, 1795620600, 1795654800, 1795967940, 1795968000, 1796281200,
};

static gint64
add_followup (Fixture           *f,
              gint64             customer_id,
              gint64             deal_id,
              gint64             owner_id,
              SalesActivityKind  kind,
              const char        *note,
              gint64             due_at,
              gint64             done_at)
{
  g_autoptr(SalesActivity) draft = sales_activity_new ();
  g_autoptr(SalesActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  sales_activity_set_customer_id (draft, customer_id);
  sales_activity_set_deal_id (draft, deal_id);
  sales_activity_set_owner_id (draft, owner_id);
  sales_activity_set_kind (draft, kind);
  sales_activity_set_note (draft, note);
  sales_activity_set_due_at (draft, due_at);
  sales_activity_set_done_at (draft, done_at);
  activity = sales_store_create (f->store, SALES_RECORD (draft), &error);
  g_assert_no_error (error);

  return sales_record_get_id (SALES_RECORD (activity));
}

static void
company_set_up (Company       *c,
                gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesRep) zhang = NULL, li = NULL;
  g_autoptr(SalesCustomer) huawei = NULL, globex = NULL;
  g_autoptr(SalesDeal) erp = NULL;

  fixture_set_up (f, data);
  f->now = WED_10_00;

  zhang = test_add_rep (f, "Zhang Wei");
  li = test_add_rep (f, "Li Na");
  huawei = test_add_customer (f, "华为技术有限公司", 1);
  globex = test_add_customer (f, "Globex", 2);
  erp = test_add_deal (f, 1, 1, "ERP 升级", 12000000);

  g_assert_cmpint (add_followup (f, 1, 1, 1, SALES_ACTIVITY_KIND_CALL, "报价确认", due[1], 0),
                   ==, 1);
  add_followup (f, 2, 0, 2, SALES_ACTIVITY_KIND_VISIT, NULL, due[2], 0);
  add_followup (f, 1, 0, 1, SALES_ACTIVITY_KIND_MEETING, NULL, due[3], 0);
  add_followup (f, 2, 0, 2, SALES_ACTIVITY_KIND_EMAIL, "Send the brochure", due[4], 0);
  add_followup (f, 1, 0, 1, SALES_ACTIVITY_KIND_MESSAGE, NULL, due[5], 0);
  add_followup (f, 2, 0, 1, SALES_ACTIVITY_KIND_NOTE, NULL, due[6], 0);
  add_followup (f, 1, 0, 2, SALES_ACTIVITY_KIND_SERVICE, LONG_NOTE, due[7], 0);
  add_followup (f, 1, 0, 1, SALES_ACTIVITY_KIND_CALL, NULL, 1795136400, 1795140000);
  g_assert_cmpint (add_followup (f, 1, 0, 1, SALES_ACTIVITY_KIND_VISIT, NULL, 0, MON_09_00), ==,
                   9);

  for (guint i = 0; i < 4; i++)
    c->lists[i] = sales_followup_list_new (f->store, i, 0);
}

static void
company_tear_down (Company       *c,
                   gconstpointer  data)
{
  for (guint i = 0; i < 4; i++)
    g_assert_finalize_object (c->lists[i]);
  fixture_tear_down (&c->f, data);
}

/* The ids of @list as "1 2 3". */
static char *
list_ids (SalesFollowupList *list)
{
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SalesActivity) activity = g_list_model_get_item (model, i);

      g_assert_cmpint (sales_followup_list_get_activity_id (list, i), ==,
                       sales_record_get_id (SALES_RECORD (activity)));
      g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                              sales_record_get_id (SALES_RECORD (activity)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_lists (Company    *c,
              const char *overdue,
              const char *today,
              const char *this_week,
              const char *later)
{
  const char *expected[] = { overdue, today, this_week, later };

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *ids = list_ids (c->lists[i]);

      g_assert_cmpstr (ids, ==, expected[i]);
    }
}

static void
set_owner (Company *c,
           gint64   owner_id)
{
  for (guint i = 0; i < 4; i++)
    sales_followup_list_set_owner_id (c->lists[i], owner_id);
}

static void
refresh (Company *c)
{
  for (guint i = 0; i < 4; i++)
    sales_followup_list_refresh (c->lists[i]);
}

static void
test_ranges (Company       *c,
             gconstpointer  data)
{
  gint64 from = 0, to = 0;

  sales_followup_group_get_range (SALES_FOLLOWUP_GROUP_OVERDUE, WED_10_00, &from, &to);
  g_assert_cmpint (from, ==, G_MININT64);
  g_assert_cmpint (to, ==, WED_00_00);
  sales_followup_group_get_range (SALES_FOLLOWUP_GROUP_TODAY, WED_10_00, &from, &to);
  g_assert_cmpint (from, ==, WED_00_00);
  g_assert_cmpint (to, ==, THU_00_00);
  sales_followup_group_get_range (SALES_FOLLOWUP_GROUP_THIS_WEEK, WED_10_00, &from, &to);
  g_assert_cmpint (from, ==, THU_00_00);
  g_assert_cmpint (to, ==, NEXT_MON_00);
  sales_followup_group_get_range (SALES_FOLLOWUP_GROUP_LATER, WED_10_00, &from, &to);
  g_assert_cmpint (from, ==, NEXT_MON_00);
  g_assert_cmpint (to, ==, G_MAXINT64);

  /* On a Sunday the rest of the week is empty: tomorrow is next week. */
  sales_followup_group_get_range (SALES_FOLLOWUP_GROUP_THIS_WEEK, SUN_12_00, &from, &to);
  g_assert_cmpint (from, ==, NEXT_MON_00);
  g_assert_cmpint (to, ==, NEXT_MON_00);

  g_assert_cmpint (sales_followup_group_for_time (due[2], WED_10_00), ==,
                   SALES_FOLLOWUP_GROUP_TODAY);
  g_assert_cmpint (sales_followup_group_for_time (due[5], WED_10_00), ==,
                   SALES_FOLLOWUP_GROUP_THIS_WEEK);
  g_assert_cmpint (sales_followup_group_for_time (due[6], WED_10_00), ==,
                   SALES_FOLLOWUP_GROUP_LATER);
  g_assert_cmpint (sales_followup_next_day_start (WED_10_00), ==, THU_00_00);
}

static void
test_format_due (Company       *c,
                 gconstpointer  data)
{
  static const struct {
    gint64      due_at;
    const char *text;
    gboolean    overdue;
  } cases[] = {
    { 1795534200, "1 day overdue", TRUE },          /* Tue 23:30, ten and a half hours ago */
    { 1795136400, "5 days overdue", TRUE },         /* Fri 11-20 */
    { 1795536600, "today 00:10", FALSE },           /* past, but today */
    { 1795620600, "today 23:30", FALSE },
    { 1795654800, "tomorrow 09:00", FALSE },
    { 1795967940, "Sunday 23:59", FALSE },
    { 1796281200, "Dec 3, 15:00", FALSE },
    { 1799110800, "Jan 5 2027, 09:00", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = NULL;
      gboolean overdue = !cases[i].overdue;

      text = sales_followup_format_due (cases[i].due_at, WED_10_00, &overdue);
      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_cmpint (overdue, ==, cases[i].overdue);
    }
}

static void
test_groups (Company       *c,
             gconstpointer  data)
{
  /* 00:10 is today in Shanghai (16:10 yesterday in UTC); Sunday 23:59 is this week,
   * Monday 00:00 next week. Done follow-ups are nowhere. */
  assert_lists (c, "1", "2 3", "4 5", "6 7");
  g_assert_cmpint (sales_followup_list_get_group (c->lists[2]), ==,
                   SALES_FOLLOWUP_GROUP_THIS_WEEK);

  set_owner (c, 1);
  assert_lists (c, "1", "3", "5", "6");
  set_owner (c, 2);
  assert_lists (c, "", "2", "4", "7");
  set_owner (c, 3);
  assert_lists (c, "", "", "", "");
  set_owner (c, 0);
  assert_lists (c, "1", "2 3", "4 5", "6 7");
}

static void
test_groups_on_other_days (Company       *c,
                           gconstpointer  data)
{
  /* Sunday noon: everything before Sunday is overdue; Monday starts Later. */
  c->f.now = SUN_12_00;
  refresh (c);
  assert_lists (c, "1 2 3 4", "5", "", "6 7");

  /* Monday 09:00 of the same week: nothing is due yet, Tuesday to Sunday is this week. */
  c->f.now = MON_09_00;
  refresh (c);
  assert_lists (c, "", "", "1 2 3 4 5", "6 7");
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *log)
{
  log->position = position;
  log->removed = removed;
  log->added = added;
  log->count++;
}

static void
test_refresh_after_midnight (Company       *c,
                             gconstpointer  data)
{
  ItemsChanged log = { 0 };

  g_signal_connect (c->lists[2], "items-changed", G_CALLBACK (on_items_changed), &log);

  /* Still Wednesday: nothing moves, nobody is told. */
  c->f.now = WED_10_00 + 3600;
  refresh (c);
  g_assert_cmpuint (log.count, ==, 0);

  /* Thursday 08:00: Wednesday's follow-ups are overdue, Thursday's are today. Every row of
   * a section whose days changed is reported, as their relative due times changed. */
  c->f.now = THU_00_00 + 8 * 3600;
  refresh (c);
  assert_lists (c, "1 2 3", "4", "5", "6 7");
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpuint (log.position, ==, 0);
  g_assert_cmpuint (log.removed, ==, 2);
  g_assert_cmpuint (log.added, ==, 1);

  g_signal_handlers_disconnect_by_data (c->lists[2], &log);
}

static void
test_complete (Company       *c,
               gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesActivity) a1 = sales_store_get_activity (f->store, 1, NULL);
  g_autoptr(SalesActivity) a3 = sales_store_get_activity (f->store, 3, NULL);
  g_autoptr(SalesActivity) a8 = sales_store_get_activity (f->store, 8, NULL);
  g_autoptr(GError) error = NULL;
  ItemsChanged log = { 0 };

  g_signal_connect (c->lists[1], "items-changed", G_CALLBACK (on_items_changed), &log);

  f->now = WED_10_00 + 60;
  g_assert_true (sales_store_complete_followup (f->store, a3, "谈妥了", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_activity_get_done_at (a3), ==, WED_10_00 + 60);
  g_assert_cmpstr (sales_activity_get_note (a3), ==, "谈妥了");
  g_assert_cmpint (sales_activity_get_due_at (a3), ==, due[3]);
  g_assert_cmpint (test_query_int (f->db, "SELECT done_at FROM activity WHERE id = 3"), ==,
                   WED_10_00 + 60);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==,
                   "Follow-up with “华为技术有限公司” done");
  assert_lists (c, "1", "2", "4 5", "6 7");
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpuint (log.position, ==, 1);
  g_assert_cmpuint (log.removed, ==, 1);
  g_assert_cmpuint (log.added, ==, 0);

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_activity_get_done_at (a3), ==, 0);
  g_assert_null (sales_activity_get_note (a3));
  g_assert_cmpint (test_query_int (f->db, "SELECT count (*) FROM activity WHERE id = 3 "
                                          "AND done_at IS NULL AND note IS NULL"), ==, 1);
  assert_lists (c, "1", "2 3", "4 5", "6 7");

  /* A note of what came of it goes below what was planned. */
  g_assert_true (sales_store_complete_followup (f->store, a1, "Agreed on the price", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sales_activity_get_note (a1), ==, "报价确认\nAgreed on the price");
  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_cmpstr (sales_activity_get_note (a1), ==, "报价确认");

  /* A blank note keeps the planned one. */
  g_assert_true (sales_store_complete_followup (f->store, a1, "  ", &error));
  g_assert_cmpstr (sales_activity_get_note (a1), ==, "报价确认");

  /* Done is done: a second completion changes nothing. */
  g_assert_false (sales_store_complete_followup (f->store, a8, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpint (test_query_int (f->db, "SELECT done_at FROM activity WHERE id = 8"), ==,
                   1795140000);

  g_signal_handlers_disconnect_by_data (c->lists[1], &log);
}

static void
test_reschedule (Company       *c,
                 gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesActivity) a2 = sales_store_get_activity (f->store, 2, NULL);
  g_autoptr(GError) error = NULL;

  /* To Thursday 12-03 16:00, an hour after a7. */
  g_assert_true (sales_store_reschedule_followup (f->store, a2, due[7] + 3600, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_activity_get_due_at (a2), ==, due[7] + 3600);
  g_assert_cmpint (sales_activity_get_done_at (a2), ==, 0);
  g_assert_cmpstr (sales_store_get_undo_label (f->store), ==,
                   "Follow-up with “Globex” rescheduled");
  assert_lists (c, "1", "3", "4 5", "6 7 2");

  g_assert_true (sales_store_undo (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_activity_get_due_at (a2), ==, due[2]);
  assert_lists (c, "1", "2 3", "4 5", "6 7");

  g_assert_true (sales_store_redo (f->store, &error));
  g_assert_no_error (error);
  assert_lists (c, "1", "3", "4 5", "6 7 2");

  g_assert_false (sales_store_reschedule_followup (f->store, a2, 0, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID);
  g_assert_cmpint (sales_activity_get_due_at (a2), ==, due[7] + 3600);
}

static icalcomponent *
parse_file (const char *path,
            char      **text)
{
  icalcomponent *calendar;

  *text = test_read_file (path, NULL);
  calendar = icalparser_parse_string (*text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);

  return calendar;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      if (g_strcmp0 (icalcomponent_get_uid (event), uid) == 0)
        return event;
    }

  return NULL;
}

static gint64
event_start (icalcomponent *event)
{
  struct icaltimetype start = icalcomponent_get_dtstart (event);

  g_assert_true (icaltime_is_utc (start));
  return icaltime_as_timet_with_zone (start, icaltimezone_get_utc_timezone ());
}

static void
test_ics_export (Company       *c,
                 gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autofree char *path = g_build_filename (f->dir, "follow-ups.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *event;
  struct icaldurationtype duration;
  guint n = 0;

  g_assert_true (sales_followup_ics_export (f->store, 0, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 7);

  calendar = parse_file (path, &text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nVERSION:2.0\r\n"));
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 7);

  for (guint i = 1; i <= 7; i++)
    {
      g_autofree char *uid = g_strdup_printf ("activity-%u@sales-desk", i);

      event = find_event (calendar, uid);
      g_assert_nonnull (event);
      g_assert_cmpint (event_start (event), ==, due[i]);
      g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstamp (event)), ==, WED_10_00);
    }

  /* Tuesday 23:30 in Shanghai is 15:30 UTC. */
  g_assert_nonnull (strstr (text, "\r\nDTSTART:20261124T153000Z\r\n"));
  event = find_event (calendar, "activity-1@sales-desk");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Call: 华为技术有限公司");
  g_assert_cmpstr (icalcomponent_get_description (event), ==, "报价确认\nDeal: ERP 升级");
  duration = icalcomponent_get_duration (event);
  g_assert_cmpint (icaldurationtype_as_int (duration), ==, 30 * 60);

  event = find_event (calendar, "activity-2@sales-desk");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Visit: Globex");
  g_assert_null (icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY));

  /* A long Chinese note is folded over several lines and comes back whole. */
  event = find_event (calendar, "activity-7@sales-desk");
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Service visit: 华为技术有限公司");
  g_assert_cmpstr (icalcomponent_get_description (event), ==, LONG_NOTE);
  g_assert_null (strstr (text, LONG_NOTE));
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);

  /* One rep's: a2, a4 and a7. */
  g_assert_true (sales_followup_ics_export (f->store, 2, file, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);
  calendar = parse_file (path, &text);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 3);
  g_assert_nonnull (find_event (calendar, "activity-2@sales-desk"));
  g_assert_nonnull (find_event (calendar, "activity-4@sales-desk"));
  g_assert_nonnull (find_event (calendar, "activity-7@sales-desk"));
  icalcomponent_free (calendar);
  g_clear_pointer (&text, g_free);
}

static void
test_ics_failures (Company       *c,
                   gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autofree char *path = g_build_filename (f->dir, "old.ics", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "no-such-folder", "follow-ups.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, "old contents", -1, &error));

  /* Rep 3 does not exist and has nothing planned: no calendar, the old file stays. */
  g_assert_false (sales_followup_ics_export (f->store, 3, file, NULL, NULL, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_error (&error);
  text = test_read_file (path, NULL);
  g_assert_cmpstr (text, ==, "old contents");

  g_assert_false (sales_followup_ics_export (f->store, 0, missing_file, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The worker thread lets go of the task, and so of the store, a moment after the result
 * is in: the fixture's store must be free before it is torn down. */
static void
release_task (GAsyncResult **result)
{
  gpointer task = *result;

  g_object_add_weak_pointer (G_OBJECT (task), &task);
  g_clear_object (result);
  while (task != NULL)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_ics_export_async (Company       *c,
                       gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autofree char *path = g_build_filename (f->dir, "async.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  guint n = 0;

  /* Rep 1's: a1, a3, a5 and a6, written by a worker thread on its own connection. */
  sales_followup_ics_export_async (f->store, 1, file, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (sales_followup_ics_export_finish (f->store, result, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  calendar = parse_file (path, &text);
  g_assert_cmpint (icalcomponent_count_components (calendar, ICAL_VEVENT_COMPONENT), ==, 4);
  g_assert_cmpint (event_start (find_event (calendar, "activity-5@sales-desk")), ==, due[5]);
  g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstamp (
                     find_event (calendar, "activity-6@sales-desk"))), ==, WED_10_00);
  g_assert_null (find_event (calendar, "activity-2@sales-desk"));
  icalcomponent_free (calendar);
  release_task (&result);

  /* Nothing planned: an error, and the file stays as it was. */
  sales_followup_ics_export_async (f->store, 3, file, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (sales_followup_ics_export_finish (f->store, result, &n, &error));
  g_assert_error (error, SALES_DB_ERROR, SALES_DB_ERROR_NOT_FOUND);
  g_clear_pointer (&text, g_free);
  text = test_read_file (path, NULL);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  release_task (&result);
}

static void
test_notifier (Company       *c,
               gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesFollowupNotifier) notifier = sales_followup_notifier_new (f->store, NULL);
  g_autoptr(SalesActivity) a3 = sales_store_get_activity (f->store, 3, NULL);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_auto(SalesFollowupAlert) alert = { 0 };

  /* At start-up everything due and open is news: a1 and a2, in due order. */
  g_assert_true (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpuint (alert.n_due, ==, 2);
  g_assert_cmpstr (alert.title, ==, "2 follow-ups are due");
  g_assert_cmpstr (alert.body, ==, "华为技术有限公司, Globex");
  notification = sales_followup_alert_to_notification (&alert, &id);
  g_assert_cmpstr (id, ==, "follow-ups-due");
  g_clear_object (&notification);
  g_clear_pointer (&id, g_free);
  sales_followup_alert_clear (&alert);

  /* Not twice. */
  g_assert_false (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpint (sales_followup_notifier_get_next_due (notifier), ==, due[3]);

  f->now = due[3];
  g_assert_true (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpuint (alert.n_due, ==, 1);
  g_assert_cmpstr (alert.title, ==, "Follow-up due: 华为技术有限公司");
  g_assert_cmpstr (alert.body, ==, "Meeting");
  g_assert_cmpint (alert.activity_id, ==, 3);
  g_assert_cmpint (alert.customer_id, ==, 1);
  notification = sales_followup_alert_to_notification (&alert, &id);
  g_assert_cmpstr (id, ==, "follow-up-3");
  sales_followup_alert_clear (&alert);

  f->now = due[3] + 600;
  g_assert_false (sales_followup_notifier_check (notifier, &alert));

  /* Moved to later, it is a new appointment, announced when that comes. */
  g_assert_true (sales_store_reschedule_followup (f->store, a3, due[3] + 900, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sales_followup_notifier_get_next_due (notifier), ==, due[3] + 900);
  f->now = due[3] + 900;
  g_assert_true (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpint (alert.activity_id, ==, 3);
  sales_followup_alert_clear (&alert);

  /* Thursday 09:00: a4, with its note. */
  f->now = due[4];
  g_assert_true (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpstr (alert.title, ==, "Follow-up due: Globex");
  g_assert_cmpstr (alert.body, ==, "Email: Send the brochure");
  sales_followup_alert_clear (&alert);
}

static void
test_notifier_owner (Company       *c,
                     gconstpointer  data)
{
  Fixture *f = &c->f;
  g_autoptr(SalesFollowupNotifier) notifier = sales_followup_notifier_new (f->store, NULL);
  g_auto(SalesFollowupAlert) alert = { 0 };

  sales_followup_notifier_set_owner_id (notifier, 2);
  g_assert_true (sales_followup_notifier_check (notifier, &alert));
  g_assert_cmpuint (alert.n_due, ==, 1);
  g_assert_cmpstr (alert.title, ==, "Follow-up due: Globex");
  g_assert_cmpstr (alert.body, ==, "Visit");
  g_assert_cmpint (sales_followup_notifier_get_next_due (notifier), ==, due[4]);
}

int
main (int   argc,
      char *argv[])
{
  /* Before GLib reads the local time zone, which it does once. */
  g_setenv ("TZ", "Asia/Shanghai", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Company, NULL, company_set_up, func, company_tear_down)
  ADD ("/followups/ranges", test_ranges);
  ADD ("/followups/groups", test_groups);
  ADD ("/followups/format-due", test_format_due);
  ADD ("/followups/groups-on-other-days", test_groups_on_other_days);
  ADD ("/followups/refresh-after-midnight", test_refresh_after_midnight);
  ADD ("/followups/complete", test_complete);
  ADD ("/followups/reschedule", test_reschedule);
  ADD ("/followups/ics-export", test_ics_export);
  ADD ("/followups/ics-failures", test_ics_failures);
  ADD ("/followups/ics-export-async", test_ics_export_async);
  ADD ("/followups/notifier", test_notifier);
  ADD ("/followups/notifier-owner", test_notifier_owner);
#undef ADD

  return g_test_run ();
}
