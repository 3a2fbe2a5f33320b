/* fuzz-import.c: libFuzzer targets for the import readers
 *
 * Built twice by run-fuzz.sh: as fuzz-import-csv, whose input's first byte picks the
 * encoding and the rest is the file; and with FUZZ_XLSX as fuzz-import-xlsx, whose input is
 * either a whole workbook (it starts with "PK") or, to reach the XML readers through mutations
 * that a compressed archive would hide, a shared strings part and a sheet part split at the
 * first NUL byte, which the target puts into a workbook of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "sales-import-reader.h"

#ifdef FUZZ_XLSX
#include <archive.h>
#include <archive_entry.h>
#endif

static gboolean
on_row (const SalesImportRow *row,
        gpointer              user_data,
        GError              **error)
{
  gsize *total = user_data;

  /* Touch every cell, so that a bad pointer or a missing terminator shows. */
  for (guint i = 0; i < row->n_cells; i++)
    *total += strlen (row->cells[i]);
  g_assert (row->cells[row->n_cells] == NULL);
  g_assert (row->invalid_column < (int)row->n_cells);
  return TRUE;
}

static void
read_all (SalesImportReader *reader)
{
  gsize total = 0;

  sales_import_reader_read (reader, on_row, &total, NULL, NULL);
}

#ifdef FUZZ_XLSX
static void
add_part (struct archive *archive,
          const char     *path,
          const void     *data,
          gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_write_header (archive, entry);
  archive_write_data (archive, data, size);
  archive_entry_free (entry);
}

static GBytes *
make_workbook (const uint8_t *data,
               size_t         size)
{
  static const char workbook[] =
    "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";
  static const char rels[] =
    "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
    "</Relationships>";
  const uint8_t *nul = memchr (data, '\0', size);
  gsize strings_size = nul != NULL ? (gsize)(nul - data) : 0;
  gsize buffer_size = 2 * size + 4096;
  guint8 *buffer = g_malloc (buffer_size);
  size_t used = 0;
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  archive_write_open_memory (archive, buffer, buffer_size, &used);
  add_part (archive, "xl/workbook.xml", workbook, sizeof workbook - 1);
  add_part (archive, "xl/_rels/workbook.xml.rels", rels, sizeof rels - 1);
  if (nul != NULL)
    add_part (archive, "xl/sharedStrings.xml", data, strings_size);
  add_part (archive, "xl/worksheets/sheet1.xml", data + strings_size + (nul != NULL),
            size - strings_size - (nul != NULL));
  archive_write_close (archive);
  archive_write_free (archive);

  return g_bytes_new_take (buffer, used);
}
#endif

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SalesImportReader) reader = NULL;

#ifdef FUZZ_XLSX
  if (size >= 2 && data[0] == 'P' && data[1] == 'K')
    bytes = g_bytes_new (data, size);
  else
    bytes = make_workbook (data, size);

  reader = sales_import_reader_new_for_bytes (bytes);
  read_all (reader);
  {
    g_auto(GStrv) sheets = sales_import_reader_list_sheets (reader, NULL);

    if (sheets != NULL && sheets[0] != NULL)
      {
        sales_import_reader_set_sheet (reader, sheets[0]);
        read_all (reader);
      }
  }
#else
  if (size == 0)
    return 0;

  bytes = g_bytes_new (data + 1, size - 1);
  reader = sales_import_reader_new_for_bytes (bytes);
  sales_import_reader_set_encoding (reader, data[0] % (SALES_IMPORT_ENCODING_UTF16BE + 1));
  read_all (reader);
#endif

  return 0;
}
