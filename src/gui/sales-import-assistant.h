/* sales-import-assistant.h: "Import…": file, preview, columns, names, duplicates, run, summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sales-store.h"

G_BEGIN_DECLS

#define SALES_TYPE_IMPORT_ASSISTANT (sales_import_assistant_get_type ())

G_DECLARE_FINAL_TYPE (SalesImportAssistant, sales_import_assistant,
                      SALES, IMPORT_ASSISTANT, AdwWindow)

GtkWidget   *sales_import_assistant_new        (GtkWindow            *parent,
                                                SalesStore           *store);
/* What "Choose File…" does once a file is chosen; also for tests. */
gboolean     sales_import_assistant_open_path  (SalesImportAssistant *self,
                                                const char           *path);
/* The page shown: "file", "preview", "mapping", "matching", "policy", "progress", "summary". */
const char  *sales_import_assistant_get_page   (SalesImportAssistant *self);
/* The import being set up; NULL before a file is open. */
SalesImport *sales_import_assistant_get_import (SalesImportAssistant *self);

G_END_DECLS
