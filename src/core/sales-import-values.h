/* sales-import-values.h: cells of an imported sheet as amounts, dates and fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sales-types.h"

G_BEGIN_DECLS

/* What an import makes of a sheet: one customer (with a contact) or one deal a row. */
typedef enum
{
  SALES_IMPORT_CUSTOMERS,
  SALES_IMPORT_DEALS,
} SalesImportKind;

/* What a column holds. The customer fields and the contact fields go with
 * both kinds; a deals import finds (or creates) the customer by its name. */
typedef enum
{
  SALES_IMPORT_FIELD_NONE,
  SALES_IMPORT_FIELD_CUSTOMER_NAME,
  SALES_IMPORT_FIELD_INDUSTRY,
  SALES_IMPORT_FIELD_TIER,
  SALES_IMPORT_FIELD_SOURCE,
  SALES_IMPORT_FIELD_OWNER,
  SALES_IMPORT_FIELD_PHONE,
  SALES_IMPORT_FIELD_EMAIL,
  SALES_IMPORT_FIELD_ADDRESS,
  SALES_IMPORT_FIELD_NOTES,
  SALES_IMPORT_FIELD_CONTACT_NAME,
  SALES_IMPORT_FIELD_CONTACT_TITLE,
  SALES_IMPORT_FIELD_CONTACT_PHONE,
  SALES_IMPORT_FIELD_CONTACT_EMAIL,
  SALES_IMPORT_FIELD_CONTACT_WECHAT,
  SALES_IMPORT_FIELD_DEAL_TITLE,
  SALES_IMPORT_FIELD_STAGE,
  SALES_IMPORT_FIELD_AMOUNT,
  SALES_IMPORT_FIELD_CURRENCY,
  SALES_IMPORT_FIELD_EXPECTED_CLOSE,
  SALES_IMPORT_FIELD_FOLLOWUP_NOTE,
  SALES_IMPORT_FIELD_FOLLOWUP_DATE,
  SALES_IMPORT_FIELD_LOST_REASON,
  SALES_IMPORT_FIELD_LOST_NOTE,
} SalesImportField;

#define SALES_IMPORT_N_FIELDS (SALES_IMPORT_FIELD_LOST_NOTE + 1)

gboolean         sales_import_parse_amount      (const char       *text,
                                                 gint64           *cents);
gboolean         sales_import_parse_date        (const char       *text,
                                                 GDate            *date);
gboolean         sales_import_parse_tier        (const char       *text,
                                                 SalesTier        *tier);
const char      *sales_import_source_code       (const char       *text);
void             sales_import_unneutralize      (char             *text);

SalesImportField sales_import_field_for_header  (SalesImportKind   kind,
                                                 const char       *header);
gboolean         sales_import_field_applies     (SalesImportKind   kind,
                                                 SalesImportField  field);
const char      *sales_import_field_describe    (SalesImportField  field);
void             sales_import_map_headers       (SalesImportKind   kind,
                                                 const char *const *headers,
                                                 guint             n_headers,
                                                 SalesImportField *fields);

G_END_DECLS
