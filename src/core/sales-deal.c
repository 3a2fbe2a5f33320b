/* sales-deal.c: a sales opportunity on the pipeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-record-private.h"
#include "sales-deal.h"

struct _SalesDeal
{
  SalesRecord  parent_instance;

  char        *title;
  gint64       customer_id;
  gint64       owner_id;
  gint64       stage_id;
  gint64       amount_cents;
  char        *currency;
  char        *expected_close;
  gint64       position;
  gint64       created_at;
  gint64       stage_changed_at;
  gint64       closed_at;
  gint64       lost_reason_id;
  char        *lost_note;
};

G_DEFINE_FINAL_TYPE (SalesDeal, sales_deal, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CUSTOMER_ID,
  PROP_OWNER_ID,
  PROP_STAGE_ID,
  PROP_AMOUNT_CENTS,
  PROP_CURRENCY,
  PROP_EXPECTED_CLOSE,
  PROP_POSITION,
  PROP_CREATED_AT,
  PROP_STAGE_CHANGED_AT,
  PROP_CLOSED_AT,
  PROP_LOST_REASON_ID,
  PROP_LOST_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const SalesColumn columns[] = {
  { "title" },
  { "customer_id" },
  { "owner_id", SALES_COLUMN_NULLABLE },
  { "stage_id" },
  { "amount_cents" },
  { "currency" },
  { "expected_close", SALES_COLUMN_NULLABLE },
  { "position" },
  { "created_at" },
  { "stage_changed_at" },
  { "closed_at", SALES_COLUMN_NULLABLE },
  { "lost_reason_id", SALES_COLUMN_NULLABLE },
  { "lost_note", SALES_COLUMN_NULLABLE },
};

static const SalesTable table = {
  SALES_RECORD_DEAL, "deal", columns, G_N_ELEMENTS (columns),
};

/* ISO 4217: three capital letters. */
static gboolean
is_currency_code (const char *text)
{
  if (text == NULL || strlen (text) != 3)
    return FALSE;

  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isupper (text[i]))
      return FALSE;

  return TRUE;
}

static gboolean
sales_deal_validate (SalesRecord  *record,
                     GError      **error)
{
  SalesDeal *self = SALES_DEAL (record);

  if (sales_text_is_blank (self->title))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A deal needs a title"));
      return FALSE;
    }

  if (self->customer_id <= 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A deal needs a customer"));
      return FALSE;
    }

  if (self->stage_id <= 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A deal needs a stage"));
      return FALSE;
    }

  if (self->amount_cents < 0)
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("The amount cannot be negative"));
      return FALSE;
    }

  if (!is_currency_code (self->currency))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a currency code such as CNY or USD"),
                   self->currency != NULL ? self->currency : "");
      return FALSE;
    }

  if (!sales_text_is_blank (self->expected_close) &&
      !sales_iso_date_is_valid (self->expected_close))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID,
                   _("“%s” is not a valid date"), self->expected_close);
      return FALSE;
    }

  return TRUE;
}

static void
sales_deal_finalize (GObject *object)
{
  SalesDeal *self = (SalesDeal *)object;

  g_free (self->title);
  g_free (self->currency);
  g_free (self->expected_close);
  g_free (self->lost_note);

  G_OBJECT_CLASS (sales_deal_parent_class)->finalize (object);
}

static void
sales_deal_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SalesDeal *self = SALES_DEAL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_STAGE_ID:
      g_value_set_int64 (value, self->stage_id);
      break;

    case PROP_AMOUNT_CENTS:
      g_value_set_int64 (value, self->amount_cents);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_EXPECTED_CLOSE:
      g_value_set_string (value, self->expected_close);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_STAGE_CHANGED_AT:
      g_value_set_int64 (value, self->stage_changed_at);
      break;

    case PROP_CLOSED_AT:
      g_value_set_int64 (value, self->closed_at);
      break;

    case PROP_LOST_REASON_ID:
      g_value_set_int64 (value, self->lost_reason_id);
      break;

    case PROP_LOST_NOTE:
      g_value_set_string (value, self->lost_note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SalesDeal *self = SALES_DEAL (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      sales_deal_set_title (self, g_value_get_string (value));
      break;

    case PROP_CUSTOMER_ID:
      sales_deal_set_customer_id (self, g_value_get_int64 (value));
      break;

    case PROP_OWNER_ID:
      sales_deal_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE_ID:
      sales_deal_set_stage_id (self, g_value_get_int64 (value));
      break;

    case PROP_AMOUNT_CENTS:
      sales_deal_set_amount_cents (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      sales_deal_set_currency (self, g_value_get_string (value));
      break;

    case PROP_EXPECTED_CLOSE:
      sales_deal_set_expected_close (self, g_value_get_string (value));
      break;

    case PROP_POSITION:
      sales_deal_set_position (self, g_value_get_int64 (value));
      break;

    case PROP_CREATED_AT:
      sales_deal_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_STAGE_CHANGED_AT:
      sales_deal_set_stage_changed_at (self, g_value_get_int64 (value));
      break;

    case PROP_CLOSED_AT:
      sales_deal_set_closed_at (self, g_value_get_int64 (value));
      break;

    case PROP_LOST_REASON_ID:
      sales_deal_set_lost_reason_id (self, g_value_get_int64 (value));
      break;

    case PROP_LOST_NOTE:
      sales_deal_set_lost_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_deal_class_init (SalesDealClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_deal_finalize;
  object_class->get_property = sales_deal_get_property;
  object_class->set_property = sales_deal_set_property;

  record_class->validate = sales_deal_validate;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The rep who owns the deal; 0 = nobody. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE_ID] =
    g_param_spec_int64 ("stage-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* In minor units of the currency; never negative. */
  properties[PROP_AMOUNT_CENTS] =
    g_param_spec_int64 ("amount-cents", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* ISO 4217 code. */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         "CNY",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* YYYY-MM-DD or NULL. */
  properties[PROP_EXPECTED_CLOSE] =
    g_param_spec_string ("expected-close", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Order of the cards within a stage, ascending; set by the store. */
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; set by the store. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds of the last stage change; set by the store. */
  properties[PROP_STAGE_CHANGED_AT] =
    g_param_spec_int64 ("stage-changed-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds the deal entered a won or lost stage; 0 while open. Set by the store. */
  properties[PROP_CLOSED_AT] =
    g_param_spec_int64 ("closed-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* 0 = none; only kept while the deal is in a lost stage. */
  properties[PROP_LOST_REASON_ID] =
    g_param_spec_int64 ("lost-reason-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Only kept while the deal is in a lost stage. */
  properties[PROP_LOST_NOTE] =
    g_param_spec_string ("lost-note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_deal_init (SalesDeal *self)
{
  self->currency = g_strdup ("CNY");
}

SalesDeal *
sales_deal_new (void)
{
  return g_object_new (SALES_TYPE_DEAL, NULL);
}

/**
 * sales_deal_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesDeal *
sales_deal_dup (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

const char *
sales_deal_get_title (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), NULL);

  return self->title;
}

void
sales_deal_set_title (SalesDeal *self,
                     const char *title)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_string (SALES_RECORD (self), &self->title, title, properties[PROP_TITLE]);
}

gint64
sales_deal_get_customer_id (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->customer_id;
}

void
sales_deal_set_customer_id (SalesDeal *self,
                           gint64 customer_id)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->customer_id, customer_id,
                          properties[PROP_CUSTOMER_ID]);
}

gint64
sales_deal_get_owner_id (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->owner_id;
}

void
sales_deal_set_owner_id (SalesDeal *self,
                        gint64 owner_id)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->owner_id, owner_id,
                          properties[PROP_OWNER_ID]);
}

gint64
sales_deal_get_stage_id (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->stage_id;
}

void
sales_deal_set_stage_id (SalesDeal *self,
                        gint64 stage_id)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->stage_id, stage_id,
                          properties[PROP_STAGE_ID]);
}

gint64
sales_deal_get_amount_cents (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->amount_cents;
}

void
sales_deal_set_amount_cents (SalesDeal *self,
                            gint64 amount_cents)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->amount_cents, amount_cents,
                          properties[PROP_AMOUNT_CENTS]);
}

const char *
sales_deal_get_currency (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), NULL);

  return self->currency;
}

void
sales_deal_set_currency (SalesDeal *self,
                        const char *currency)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_string (SALES_RECORD (self), &self->currency, currency,
                           properties[PROP_CURRENCY]);
}

const char *
sales_deal_get_expected_close (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), NULL);

  return self->expected_close;
}

void
sales_deal_set_expected_close (SalesDeal *self,
                              const char *expected_close)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_string (SALES_RECORD (self), &self->expected_close, expected_close,
                           properties[PROP_EXPECTED_CLOSE]);
}

gint64
sales_deal_get_position (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->position;
}

void
sales_deal_set_position (SalesDeal *self,
                        gint64 position)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->position, position,
                          properties[PROP_POSITION]);
}

gint64
sales_deal_get_created_at (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->created_at;
}

void
sales_deal_set_created_at (SalesDeal *self,
                          gint64 created_at)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->created_at, created_at,
                          properties[PROP_CREATED_AT]);
}

gint64
sales_deal_get_stage_changed_at (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->stage_changed_at;
}

void
sales_deal_set_stage_changed_at (SalesDeal *self,
                                gint64 stage_changed_at)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->stage_changed_at, stage_changed_at,
                          properties[PROP_STAGE_CHANGED_AT]);
}

gint64
sales_deal_get_closed_at (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->closed_at;
}

void
sales_deal_set_closed_at (SalesDeal *self,
                         gint64 closed_at)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->closed_at, closed_at,
                          properties[PROP_CLOSED_AT]);
}

gint64
sales_deal_get_lost_reason_id (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), 0);

  return self->lost_reason_id;
}

void
sales_deal_set_lost_reason_id (SalesDeal *self,
                              gint64 lost_reason_id)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->lost_reason_id, lost_reason_id,
                          properties[PROP_LOST_REASON_ID]);
}

const char *
sales_deal_get_lost_note (SalesDeal *self)
{
  g_return_val_if_fail (SALES_IS_DEAL (self), NULL);

  return self->lost_note;
}

void
sales_deal_set_lost_note (SalesDeal *self,
                         const char *lost_note)
{
  g_return_if_fail (SALES_IS_DEAL (self));

  sales_record_set_string (SALES_RECORD (self), &self->lost_note, lost_note,
                           properties[PROP_LOST_NOTE]);
}
