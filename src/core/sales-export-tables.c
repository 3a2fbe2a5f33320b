/* sales-export-tables.c: the columns of each exported table and the SQL that reads them
 *
 * Names come with the rows (the stage, owner and customer of a deal) so that a
 * sheet reads on its own, and the id stays as the first column so that rows
 * can be told apart and found again. Column titles use the words the import
 * recognises, in the user's language.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sales-collections.h"
#include "sales-export-private.h"

static const SalesExportColumn customer_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Industry"), SALES_EXPORT_TEXT },
  { NC_("export column", "Tier"), SALES_EXPORT_TEXT },
  { NC_("export column", "Source"), SALES_EXPORT_SOURCE },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Phone"), SALES_EXPORT_TEXT },
  { NC_("export column", "Email"), SALES_EXPORT_TEXT },
  { NC_("export column", "Address"), SALES_EXPORT_TEXT },
  { NC_("export column", "Tags"), SALES_EXPORT_TEXT },
  { NC_("export column", "Notes"), SALES_EXPORT_TEXT },
  { NC_("export column", "Created"), SALES_EXPORT_TIME },
  { NC_("export column", "Updated"), SALES_EXPORT_TIME },
};

static const SalesExportColumn contact_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Contact name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Job title"), SALES_EXPORT_TEXT },
  { NC_("export column", "Phone"), SALES_EXPORT_TEXT },
  { NC_("export column", "Email"), SALES_EXPORT_TEXT },
  { NC_("export column", "WeChat"), SALES_EXPORT_TEXT },
  { NC_("export column", "Primary contact"), SALES_EXPORT_YES_NO },
};

static const SalesExportColumn deal_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Deal"), SALES_EXPORT_TEXT },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Stage"), SALES_EXPORT_TEXT },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Amount"), SALES_EXPORT_CENTS },
  { NC_("export column", "Currency"), SALES_EXPORT_TEXT },
  { NC_("export column", "Expected close"), SALES_EXPORT_DATE },
  { NC_("export column", "Created"), SALES_EXPORT_TIME },
  { NC_("export column", "Closed"), SALES_EXPORT_TIME },
  { NC_("export column", "Lost reason"), SALES_EXPORT_TEXT },
  { NC_("export column", "Lost note"), SALES_EXPORT_TEXT },
};

static const SalesExportColumn followup_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Deal"), SALES_EXPORT_TEXT },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Kind"), SALES_EXPORT_KIND },
  { NC_("export column", "Note"), SALES_EXPORT_TEXT },
  { NC_("export column", "Due"), SALES_EXPORT_TIME },
  { NC_("export column", "Done"), SALES_EXPORT_TIME },
  { NC_("export column", "Satisfaction"), SALES_EXPORT_INTEGER },
};

static const SalesExportColumn contract_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Contract number"), SALES_EXPORT_TEXT },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Deal"), SALES_EXPORT_TEXT },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Amount"), SALES_EXPORT_CENTS },
  { NC_("export column", "Collected"), SALES_EXPORT_CENTS },
  { NC_("export column", "Outstanding"), SALES_EXPORT_CENTS },
  { NC_("export column", "Signed on"), SALES_EXPORT_DATE },
  { NC_("export column", "Notes"), SALES_EXPORT_TEXT },
};

static const SalesExportColumn instalment_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Contract number"), SALES_EXPORT_TEXT },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Due on"), SALES_EXPORT_DATE },
  { NC_("export column", "Amount"), SALES_EXPORT_CENTS },
  { NC_("export column", "Paid"), SALES_EXPORT_CENTS },
  { NC_("export column", "Outstanding"), SALES_EXPORT_CENTS },
};

static const SalesExportColumn payment_columns[] = {
  { NC_("export column", "ID"), SALES_EXPORT_ID },
  { NC_("export column", "Contract number"), SALES_EXPORT_TEXT },
  { NC_("export column", "Customer name"), SALES_EXPORT_TEXT },
  { NC_("export column", "Owner"), SALES_EXPORT_TEXT },
  { NC_("export column", "Received on"), SALES_EXPORT_DATE },
  { NC_("export column", "Amount"), SALES_EXPORT_CENTS },
  { NC_("export column", "Method"), SALES_EXPORT_TEXT },
  { NC_("export column", "Note"), SALES_EXPORT_TEXT },
};

#define COLUMNS(array) array, G_N_ELEMENTS (array)

/* The owner of a contract, its instalments and payments is the rep who owns its
 * customer, as in the Receivables list and the KPIs. */
static const SalesExportTableInfo tables[] = {
  [SALES_EXPORT_CUSTOMERS] = {
    "customers", N_("Customers"), "customer", "customer",
    "x.id, x.name, x.industry, x.tier, x.source, r.name, x.phone, x.email, x.address, "
    "(SELECT group_concat (name, ', ') FROM (SELECT t.name FROM customer_tag AS ct "
    " JOIN tag AS t ON t.id = ct.tag_id WHERE ct.customer_id = x.id ORDER BY t.name)), "
    "x.notes, x.created_at, x.updated_at",
    "LEFT JOIN rep AS r ON r.id = x.owner_id",
    NULL, COLUMNS (customer_columns),
  },
  [SALES_EXPORT_CONTACTS] = {
    "contacts", N_("Contacts"), "contact", "contact",
    "x.id, c.name, x.name, x.title, x.phone, x.email, x.wechat, x.is_primary",
    "JOIN customer AS c ON c.id = x.customer_id",
    NULL, COLUMNS (contact_columns),
  },
  [SALES_EXPORT_DEALS] = {
    "deals", N_("Deals"), "deal", "deal",
    "x.id, x.title, c.name, s.name, r.name, x.amount_cents, x.currency, x.expected_close, "
    "x.created_at, x.closed_at, l.name, x.lost_note",
    "JOIN customer AS c ON c.id = x.customer_id "
    "JOIN stage AS s ON s.id = x.stage_id "
    "LEFT JOIN rep AS r ON r.id = x.owner_id "
    "LEFT JOIN lost_reason AS l ON l.id = x.lost_reason_id",
    NULL, COLUMNS (deal_columns),
  },
  [SALES_EXPORT_FOLLOWUPS] = {
    "followups", N_("Follow-ups"), "activity", "activity",
    "x.id, c.name, d.title, r.name, x.kind, x.note, x.due_at, x.done_at, x.satisfaction",
    "JOIN customer AS c ON c.id = x.customer_id "
    "LEFT JOIN deal AS d ON d.id = x.deal_id "
    "LEFT JOIN rep AS r ON r.id = x.owner_id",
    NULL, COLUMNS (followup_columns),
  },
  [SALES_EXPORT_CONTRACTS] = {
    "contracts", N_("Contracts"), "contract", "contract",
    "x.id, x.number, c.name, d.title, r.name, x.amount_cents, coalesce (p.total, 0), "
    "x.amount_cents - coalesce (p.total, 0), x.signed_on, x.notes",
    "JOIN customer AS c ON c.id = x.customer_id "
    "LEFT JOIN deal AS d ON d.id = x.deal_id "
    "LEFT JOIN rep AS r ON r.id = c.owner_id "
    "LEFT JOIN paid AS p ON p.contract_id = x.id",
    "WITH paid AS (SELECT contract_id, sum (amount_cents) AS total FROM payment "
    "GROUP BY contract_id) ",
    COLUMNS (contract_columns),
  },
  [SALES_EXPORT_INSTALMENTS] = {
    /* Every payment recorded counts, also one dated in the future. */
    "instalments", N_("Instalments"), "instalment", "payment_plan",
    "x.id, t.number, c.name, r.name, x.due_on, x.amount_cents, x.paid_cents, "
    "x.amount_cents - x.paid_cents",
    "JOIN contract AS t ON t.id = x.contract_id "
    "JOIN customer AS c ON c.id = t.customer_id "
    "LEFT JOIN rep AS r ON r.id = c.owner_id",
    SALES_INSTALMENTS_WITH,
    COLUMNS (instalment_columns),
  },
  [SALES_EXPORT_PAYMENTS] = {
    "payments", N_("Payments"), "payment", "payment",
    "x.id, t.number, c.name, r.name, x.received_on, x.amount_cents, x.method, x.note",
    "JOIN contract AS t ON t.id = x.contract_id "
    "JOIN customer AS c ON c.id = t.customer_id "
    "LEFT JOIN rep AS r ON r.id = c.owner_id",
    NULL, COLUMNS (payment_columns),
  },
};

const SalesExportTableInfo *
sales_export_table_info (SalesExportTable table)
{
  g_assert (table < G_N_ELEMENTS (tables));

  return &tables[table];
}

/**
 * sales_export_table_to_string:
 *
 * Returns: the table's name in file names and on the command line, such as "deals"
 */
const char *
sales_export_table_to_string (SalesExportTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);

  return tables[table].name;
}

gboolean
sales_export_table_from_string (const char       *text,
                                SalesExportTable *table)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      if (g_str_equal (text, tables[i].name))
        {
          *table = (SalesExportTable)i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sales_export_table_get_label:
 *
 * Returns: the translated name of @table, also the name of its worksheet
 */
const char *
sales_export_table_get_label (SalesExportTable table)
{
  g_return_val_if_fail (table < G_N_ELEMENTS (tables), NULL);

  return _(tables[table].label);
}
