/* sales-activity.c: a follow-up: a call, visit, meeting… planned or done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-enums.h"
#include "sales-record-private.h"
#include "sales-activity.h"

struct _SalesActivity
{
  SalesRecord        parent_instance;

  gint64             customer_id;
  gint64             deal_id;
  gint64             owner_id;
  SalesActivityKind  kind;
  char              *note;
  gint64             due_at;
  gint64             done_at;
  int                satisfaction;
};

G_DEFINE_FINAL_TYPE (SalesActivity, sales_activity, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  PROP_DEAL_ID,
  PROP_OWNER_ID,
  PROP_KIND,
  PROP_NOTE,
  PROP_DUE_AT,
  PROP_DONE_AT,
  PROP_SATISFACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const kind_strings[] = {
  "call", "visit", "meeting", "email", "message", "note", "service", NULL,
};

static const SalesColumn columns[] = {
  { "customer_id" },
  { "deal_id", SALES_COLUMN_NULLABLE },
  { "owner_id", SALES_COLUMN_NULLABLE },
  { "kind", SALES_COLUMN_PLAIN, kind_strings },
  { "note", SALES_COLUMN_NULLABLE },
  { "due_at", SALES_COLUMN_NULLABLE },
  { "done_at", SALES_COLUMN_NULLABLE },
  { "satisfaction", SALES_COLUMN_NULLABLE },
};

static const SalesTable table = {
  SALES_RECORD_ACTIVITY, "activity", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_activity_validate (SalesRecord  *record,
                         GError      **error)
{
  SalesActivity *self = SALES_ACTIVITY (record);

  if (self->customer_id <= 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("A follow-up needs a customer"));
      return FALSE;
    }

  if (self->due_at == 0 && self->done_at == 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("A follow-up needs a due time or a done time"));
      return FALSE;
    }

  if (self->satisfaction < 0 || self->satisfaction > 5)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("Satisfaction must be between 1 and 5"));
      return FALSE;
    }

  return TRUE;
}

static void
sales_activity_finalize (GObject *object)
{
  SalesActivity *self = (SalesActivity *)object;

  g_free (self->note);

  G_OBJECT_CLASS (sales_activity_parent_class)->finalize (object);
}

static void
sales_activity_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesActivity *self = SALES_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_DEAL_ID:
      g_value_set_int64 (value, self->deal_id);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;

    case PROP_DONE_AT:
      g_value_set_int64 (value, self->done_at);
      break;

    case PROP_SATISFACTION:
      g_value_set_int (value, self->satisfaction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_activity_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesActivity *self = SALES_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      sales_activity_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_DEAL_ID:
      sales_activity_set_deal_id (self, g_value_get_int64 (value));
      break;

    case PROP_OWNER_ID:
      sales_activity_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      sales_activity_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      sales_activity_set_note (self, g_value_get_string (value));
      break;

    case PROP_DUE_AT:
      sales_activity_set_due_at (self, g_value_get_int64 (value));
      break;

    case PROP_DONE_AT:
      sales_activity_set_done_at (self, g_value_get_int64 (value));
      break;

    case PROP_SATISFACTION:
      sales_activity_set_satisfaction (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_activity_class_init (SalesActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_activity_finalize;
  object_class->get_property = sales_activity_get_property;
  object_class->set_property = sales_activity_set_property;

  record_class->validate = sales_activity_validate;

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 = not about a deal. */
  properties[PROP_DEAL_ID] =
    g_param_spec_int64 ("deal-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 = nobody. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       SALES_TYPE_ACTIVITY_KIND, SALES_ACTIVITY_KIND_CALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; 0 = not planned. */
  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; 0 = not done yet. */
  properties[PROP_DONE_AT] =
    g_param_spec_int64 ("done-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 1–5 after a service visit; 0 = none. */
  properties[PROP_SATISFACTION] =
    g_param_spec_int ("satisfaction", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_activity_init (SalesActivity *self)
{
}

SalesActivity *
sales_activity_new (void)
{
  return g_object_new (SALES_TYPE_ACTIVITY, NULL);
}

/**
 * sales_activity_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesActivity *
sales_activity_dup (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

gint64
sales_activity_get_customer_id (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->customer_id;
}

void
sales_activity_set_customer_id (SalesActivity *self,
                               gint64 customer_id)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

gint64
sales_activity_get_deal_id (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->deal_id;
}

void
sales_activity_set_deal_id (SalesActivity *self,
                           gint64 deal_id)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->deal_id, deal_id, properties[PROP_DEAL_ID]);
}

gint64
sales_activity_get_owner_id (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->owner_id;
}

void
sales_activity_set_owner_id (SalesActivity *self,
                            gint64 owner_id)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->owner_id, owner_id,
                          properties[PROP_OWNER_ID]);
}

SalesActivityKind
sales_activity_get_kind (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->kind;
}

void
sales_activity_set_kind (SalesActivity *self,
                        SalesActivityKind kind)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
    }
}

const char *
sales_activity_get_note (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), NULL);

  return self->note;
}

void
sales_activity_set_note (SalesActivity *self,
                        const char *note)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_string (SALES_RECORD (self), &self->note, note, properties[PROP_NOTE]);
}

gint64
sales_activity_get_due_at (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->due_at;
}

void
sales_activity_set_due_at (SalesActivity *self,
                          gint64 due_at)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->due_at, due_at, properties[PROP_DUE_AT]);
}

gint64
sales_activity_get_done_at (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->done_at;
}

void
sales_activity_set_done_at (SalesActivity *self,
                           gint64 done_at)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->done_at, done_at, properties[PROP_DONE_AT]);
}

int
sales_activity_get_satisfaction (SalesActivity *self)
{
  g_return_val_if_fail (SALES_IS_ACTIVITY (self), 0);

  return self->satisfaction;
}

void
sales_activity_set_satisfaction (SalesActivity *self,
                                int satisfaction)
{
  g_return_if_fail (SALES_IS_ACTIVITY (self));

  sales_record_set_int (SALES_RECORD (self), &self->satisfaction, satisfaction,
                        properties[PROP_SATISFACTION]);
}

/**
 * sales_activity_kind_to_string:
 *
 * Returns: the text stored in activity.kind, such as "call" or "service"
 */
const char *
sales_activity_kind_to_string (SalesActivityKind kind)
{
  g_return_val_if_fail (kind <= SALES_ACTIVITY_KIND_SERVICE, NULL);

  return kind_strings[kind];
}

gboolean
sales_activity_kind_from_string (const char        *text,
                                 SalesActivityKind *kind)
{
  int v = sales_enum_from_string (kind_strings, text);

  if (v < 0)
    return FALSE;

  if (kind != NULL)
    *kind = v;
  return TRUE;
}

/**
 * sales_activity_kind_get_label:
 *
 * Returns: the translated name of @kind, for menus and lists
 */
const char *
sales_activity_kind_get_label (SalesActivityKind kind)
{
  static const char * const labels[] = {
    NC_("activity kind", "Call"),
    NC_("activity kind", "Visit"),
    NC_("activity kind", "Meeting"),
    NC_("activity kind", "Email"),
    NC_("activity kind", "Message"),
    NC_("activity kind", "Note"),
    NC_("activity kind", "Service visit"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == SALES_ACTIVITY_KIND_SERVICE + 1);
  g_return_val_if_fail (kind <= SALES_ACTIVITY_KIND_SERVICE, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "activity kind", labels[kind]);
}
