/* sales-import-assistant-private.h: what the assistant's three files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sales-import-assistant.h"

G_BEGIN_DECLS

/* One of the preview's rows. */
typedef struct
{
  guint  number;
  int    invalid_column;
  GStrv  cells;
} SalesImportPreviewRow;

struct _SalesImportAssistant
{
  AdwWindow            parent_instance;

  SalesStore          *store;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *back_button;
  GtkButton           *next_button;
  GtkStack            *stack;
  GtkCheckButton      *customers_check;
  GtkCheckButton      *deals_check;
  GtkLabel            *file_error;
  AdwActionRow        *file_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *sheet_row;
  GtkLabel            *invalid_label;
  GtkGrid             *preview_grid;
  AdwPreferencesGroup *mapping_group;
  GtkLabel            *mapping_error;
  GtkLabel            *matching_label;
  GtkWidget           *stages_group;
  AdwActionRow        *stages_row;
  GtkSwitch           *stages_switch;
  GtkWidget           *reps_group;
  AdwActionRow        *reps_row;
  GtkSwitch           *reps_switch;
  GtkCheckButton      *skip_check;
  GtkCheckButton      *merge_check;
  GtkCheckButton      *create_check;
  GtkLabel            *policy_message;
  AdwStatusPage       *progress_page;
  GtkProgressBar      *progress_bar;
  AdwPreferencesGroup *counts_group;
  GtkLabel            *imported_label;
  GtkLabel            *merged_label;
  GtkLabel            *skipped_label;
  GtkLabel            *rejected_label;
  GtkWidget           *rejected_group;
  GtkListBox          *rejected_list;

  char                *path;
  SalesImport         *job;
  /* the first rows: GStrv each, and the row numbers and invalid columns beside them */
  GPtrArray           *preview;
  /* AdwComboRow of each column, and the fields its items stand for */
  GPtrArray           *mapping_rows;
  GArray              *offered;
  gboolean             updating;

  GtkNativeDialog     *chooser;
  /* cancelled when the window goes; run_cancellable by Cancel Import */
  GCancellable        *cancellable;
  GCancellable        *run_cancellable;
  gboolean             close_after_run;
  gboolean             scanning;
  gboolean             running;
  gboolean             imported;
  int                  progress_permille;
  guint                progress_source;
};

/* sales-import-assistant.c */
void     sales_import_assistant_show_page        (SalesImportAssistant *self,
                                                  const char           *page);
void     sales_import_assistant_update_buttons   (SalesImportAssistant *self);
SalesImportKind
         sales_import_assistant_chosen_kind      (SalesImportAssistant *self);

/* sales-import-assistant-file.c */
void     sales_import_assistant_choose_file      (SalesImportAssistant *self);
void     sales_import_assistant_on_encoding_selected
                                                 (SalesImportAssistant *self);
void     sales_import_assistant_on_sheet_selected
                                                 (SalesImportAssistant *self);

/* sales-import-assistant-run.c */
void     sales_import_assistant_scan_names       (SalesImportAssistant *self);
void     sales_import_assistant_run              (SalesImportAssistant *self);
void     sales_import_assistant_cancel           (SalesImportAssistant *self);
void     sales_import_assistant_save_rejected    (SalesImportAssistant *self);
void     sales_import_assistant_post_undo_toast  (SalesImportAssistant *self);

G_END_DECLS
