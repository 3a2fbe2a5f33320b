/* sales-import-reader.h: rows of a CSV, TSV or .xlsx file, streamed, as UTF-8 text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How the bytes of a CSV or TSV file are text; an .xlsx file is always XML. */
typedef enum
{
  SALES_IMPORT_ENCODING_AUTO,
  SALES_IMPORT_ENCODING_UTF8,
  SALES_IMPORT_ENCODING_GB18030,
  /* UTF-16 with its byte order from the BOM, little-endian without one. */
  SALES_IMPORT_ENCODING_UTF16,
  SALES_IMPORT_ENCODING_UTF16LE,
  SALES_IMPORT_ENCODING_UTF16BE,
} SalesImportEncoding;

#define SALES_IMPORT_ERROR (sales_import_error_quark ())

typedef enum
{
  SALES_IMPORT_ERROR_FORMAT,     /* not a file the reader understands */
  SALES_IMPORT_ERROR_NO_SHEET,   /* the chosen sheet is not in the workbook */
  SALES_IMPORT_ERROR_MAPPING,    /* no column gives what an import needs */
} SalesImportError;

GQuark sales_import_error_quark (void);

typedef enum
{
  SALES_IMPORT_FORMAT_TEXT,
  SALES_IMPORT_FORMAT_XLSX,
} SalesImportFormat;

/* One row as the file has it. */
typedef struct
{
  /* 1-based, as a spreadsheet numbers it: blank lines count, a quoted line break does not. */
  guint        number;
  guint        n_cells;
  /* UTF-8, never NULL; the cell of invalid_column is "" */
  char       **cells;
  /* The first cell, from 0, whose bytes are not text in the encoding; -1 when all are. */
  int          invalid_column;
} SalesImportRow;

/* Return FALSE to stop reading: with @error set to fail, without to end early. */
typedef gboolean (*SalesImportRowFunc) (const SalesImportRow *row,
                                        gpointer              user_data,
                                        GError              **error);

#define SALES_TYPE_IMPORT_READER (sales_import_reader_get_type ())

G_DECLARE_FINAL_TYPE (SalesImportReader, sales_import_reader, SALES, IMPORT_READER, GObject)

SalesImportReader  *sales_import_reader_new_for_path     (const char          *path,
                                                          GError             **error);
SalesImportReader  *sales_import_reader_new_for_bytes    (GBytes              *bytes);
SalesImportFormat   sales_import_reader_get_format       (SalesImportReader   *self);
SalesImportEncoding sales_import_reader_get_encoding     (SalesImportReader   *self);
void                sales_import_reader_set_encoding     (SalesImportReader   *self,
                                                          SalesImportEncoding  encoding);
SalesImportEncoding sales_import_reader_get_detected_encoding (SalesImportReader *self);
char                sales_import_reader_get_delimiter    (SalesImportReader   *self);
const char         *sales_import_reader_get_sheet        (SalesImportReader   *self);
void                sales_import_reader_set_sheet        (SalesImportReader   *self,
                                                          const char          *sheet);
char              **sales_import_reader_list_sheets      (SalesImportReader   *self,
                                                          GError             **error);
goffset             sales_import_reader_get_size         (SalesImportReader   *self);
goffset             sales_import_reader_get_offset       (SalesImportReader   *self);
gboolean            sales_import_reader_read             (SalesImportReader   *self,
                                                          SalesImportRowFunc   func,
                                                          gpointer             user_data,
                                                          GCancellable        *cancellable,
                                                          GError             **error);

gboolean            sales_import_encoding_parse          (const char          *name,
                                                          SalesImportEncoding *encoding);
const char         *sales_import_encoding_to_string      (SalesImportEncoding  encoding);
const char         *sales_import_encoding_describe       (SalesImportEncoding  encoding);

G_END_DECLS
