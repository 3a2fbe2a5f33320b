/* sales-cli-import.h: --import-customers and --import-deals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import-values.h"

G_BEGIN_DECLS

/* Exit status when the import went in but some rows were rejected. */
#define SALES_CLI_IMPORT_REJECTED 2

int sales_cli_import (const char      *db_path,
                      const char      *file,
                      SalesImportKind  kind,
                      const char      *encoding,
                      const char      *on_duplicate);

G_END_DECLS
