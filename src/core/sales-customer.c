/* sales-customer.c: a company or person that buys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-db.h"
#include "sales-enums.h"
#include "sales-record-private.h"
#include "sales-customer.h"

struct _SalesCustomer
{
  SalesRecord  parent_instance;

  char        *name;
  char        *industry;
  SalesTier    tier;
  char        *source;
  gint64       owner_id;
  char        *phone;
  char        *email;
  char        *address;
  char        *notes;
  gint64       created_at;
  gint64       updated_at;
};

G_DEFINE_FINAL_TYPE (SalesCustomer, sales_customer, SALES_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_INDUSTRY,
  PROP_TIER,
  PROP_SOURCE,
  PROP_OWNER_ID,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const tier_strings[] = { "A", "B", "C", NULL };

static const SalesColumn columns[] = {
  { "name" },
  { "industry", SALES_COLUMN_NULLABLE },
  { "tier", SALES_COLUMN_PLAIN, tier_strings },
  { "source", SALES_COLUMN_NULLABLE },
  { "owner_id", SALES_COLUMN_NULLABLE },
  { "phone", SALES_COLUMN_NULLABLE },
  { "email", SALES_COLUMN_NULLABLE },
  { "address", SALES_COLUMN_NULLABLE },
  { "notes", SALES_COLUMN_NULLABLE },
  { "created_at" },
  { "updated_at" },
};

static const SalesTable table = {
  SALES_RECORD_CUSTOMER, "customer", columns, G_N_ELEMENTS (columns),
};

static gboolean
sales_customer_validate (SalesRecord  *record,
                         GError      **error)
{
  SalesCustomer *self = SALES_CUSTOMER (record);

  if (sales_text_is_blank (self->name))
    {
      g_set_error (error, SALES_DB_ERROR, SALES_DB_ERROR_INVALID, _("A customer needs a name"));
      return FALSE;
    }

  return sales_check_email (self->email, error);
}

static void
sales_customer_finalize (GObject *object)
{
  SalesCustomer *self = (SalesCustomer *)object;

  g_free (self->name);
  g_free (self->industry);
  g_free (self->source);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->notes);

  G_OBJECT_CLASS (sales_customer_parent_class)->finalize (object);
}

static void
sales_customer_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SalesCustomer *self = SALES_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_INDUSTRY:
      g_value_set_string (value, self->industry);
      break;

    case PROP_TIER:
      g_value_set_enum (value, self->tier);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_CREATED_AT:
      g_value_set_int64 (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SalesCustomer *self = SALES_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      sales_customer_set_name (self, g_value_get_string (value));
      break;

    case PROP_INDUSTRY:
      sales_customer_set_industry (self, g_value_get_string (value));
      break;

    case PROP_TIER:
      sales_customer_set_tier (self, g_value_get_enum (value));
      break;

    case PROP_SOURCE:
      sales_customer_set_source (self, g_value_get_string (value));
      break;

    case PROP_OWNER_ID:
      sales_customer_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_PHONE:
      sales_customer_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      sales_customer_set_email (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      sales_customer_set_address (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      sales_customer_set_notes (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      sales_customer_set_created_at (self, g_value_get_int64 (value));
      break;

    case PROP_UPDATED_AT:
      sales_customer_set_updated_at (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_customer_class_init (SalesCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SalesRecordClass *record_class = SALES_RECORD_CLASS (klass);

  object_class->finalize = sales_customer_finalize;
  object_class->get_property = sales_customer_get_property;
  object_class->set_property = sales_customer_set_property;

  record_class->validate = sales_customer_validate;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INDUSTRY] =
    g_param_spec_string ("industry", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TIER] =
    g_param_spec_enum ("tier", NULL, NULL,
                       SALES_TYPE_TIER, SALES_TIER_B,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Where the customer came from: referral, exhibition, website… */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The rep who owns the customer; 0 = the public pool. */
  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; set by the store. */
  properties[PROP_CREATED_AT] =
    g_param_spec_int64 ("created-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Unix seconds; set by the store on every update. */
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  sales_record_class_set_table (record_class, &table);
}

static void
sales_customer_init (SalesCustomer *self)
{
  self->tier = SALES_TIER_B;
}

SalesCustomer *
sales_customer_new (void)
{
  return g_object_new (SALES_TYPE_CUSTOMER, NULL);
}

/**
 * sales_customer_dup:
 *
 * Returns: (transfer full): a draft copy of @self, see sales_record_dup()
 */
SalesCustomer *
sales_customer_dup (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return sales_record_dup (SALES_RECORD (self));
}

const char *
sales_customer_get_name (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->name;
}

void
sales_customer_set_name (SalesCustomer *self,
                        const char *name)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->name, name, properties[PROP_NAME]);
}

const char *
sales_customer_get_industry (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->industry;
}

void
sales_customer_set_industry (SalesCustomer *self,
                            const char *industry)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->industry, industry,
                           properties[PROP_INDUSTRY]);
}

SalesTier
sales_customer_get_tier (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), 0);

  return self->tier;
}

void
sales_customer_set_tier (SalesCustomer *self,
                        SalesTier tier)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  if (self->tier != tier)
    {
      self->tier = tier;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIER]);
    }
}

const char *
sales_customer_get_source (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->source;
}

void
sales_customer_set_source (SalesCustomer *self,
                          const char *source)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->source, source, properties[PROP_SOURCE]);
}

gint64
sales_customer_get_owner_id (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), 0);

  return self->owner_id;
}

void
sales_customer_set_owner_id (SalesCustomer *self,
                            gint64 owner_id)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->owner_id, owner_id,
                          properties[PROP_OWNER_ID]);
}

const char *
sales_customer_get_phone (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->phone;
}

void
sales_customer_set_phone (SalesCustomer *self,
                         const char *phone)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->phone, phone, properties[PROP_PHONE]);
}

const char *
sales_customer_get_email (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->email;
}

void
sales_customer_set_email (SalesCustomer *self,
                         const char *email)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->email, email, properties[PROP_EMAIL]);
}

const char *
sales_customer_get_address (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->address;
}

void
sales_customer_set_address (SalesCustomer *self,
                           const char *address)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->address, address, properties[PROP_ADDRESS]);
}

const char *
sales_customer_get_notes (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), NULL);

  return self->notes;
}

void
sales_customer_set_notes (SalesCustomer *self,
                         const char *notes)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_string (SALES_RECORD (self), &self->notes, notes, properties[PROP_NOTES]);
}

gint64
sales_customer_get_created_at (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), 0);

  return self->created_at;
}

void
sales_customer_set_created_at (SalesCustomer *self,
                              gint64 created_at)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->created_at, created_at,
                          properties[PROP_CREATED_AT]);
}

gint64
sales_customer_get_updated_at (SalesCustomer *self)
{
  g_return_val_if_fail (SALES_IS_CUSTOMER (self), 0);

  return self->updated_at;
}

void
sales_customer_set_updated_at (SalesCustomer *self,
                              gint64 updated_at)
{
  g_return_if_fail (SALES_IS_CUSTOMER (self));

  sales_record_set_int64 (SALES_RECORD (self), &self->updated_at, updated_at,
                          properties[PROP_UPDATED_AT]);
}

/**
 * sales_tier_to_string:
 *
 * Returns: the text stored in customer.tier: "A", "B" or "C"
 */
const char *
sales_tier_to_string (SalesTier tier)
{
  g_return_val_if_fail (tier <= SALES_TIER_C, NULL);

  return tier_strings[tier];
}

gboolean
sales_tier_from_string (const char *text,
                        SalesTier  *tier)
{
  int v = sales_enum_from_string (tier_strings, text);

  if (v < 0)
    return FALSE;

  if (tier != NULL)
    *tier = v;
  return TRUE;
}
