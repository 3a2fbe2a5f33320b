/* sales-import-xlsx.c: the rows of one sheet of an .xlsx workbook, streamed
 *
 * The workbook is a zip archive (libarchive) of XML parts (libxml2's
 * xmlTextReader, which pulls one node at a time, so a sheet of a million
 * rows is never a tree in memory). Reading a sheet takes three passes over
 * the archive, as its parts may come in any order: the workbook and its
 * relationships (which part is the sheet of that name), the shared strings
 * (the one part kept in memory: cells refer to them by index), then the
 * sheet itself.
 *
 * Cells are given as text: shared and inline strings as they are, numbers
 * as written (a date is a serial number; the value parsers know them),
 * booleans as TRUE/FALSE, and errors such as #N/A as written. Missing cells
 * are "", and missing rows are left out, so row numbers are the sheet's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "sales-import-reader-private.h"

/* Parts bigger than this (uncompressed) are not a sheet a person made. */
#define MAX_SMALL_PART (64 * 1024 * 1024)

typedef struct
{
  SalesImportInput *input;
  GCancellable     *cancellable;
  guchar            buffer[64 * 1024];
  GError           *error;
} ArchiveSource;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextReader, xmlFreeTextReader)

static la_ssize_t
archive_read_cb (struct archive  *archive,
                 void            *data,
                 const void     **buffer)
{
  ArchiveSource *source = data;
  gssize n;

  n = sales_import_input_read (source->input, source->buffer, sizeof source->buffer,
                               source->cancellable, source->error == NULL ? &source->error : NULL);
  *buffer = source->buffer;
  return n;
}

static la_int64_t
archive_seek_cb (struct archive *archive,
                 void           *data,
                 la_int64_t      offset,
                 int             whence)
{
  ArchiveSource *source = data;
  GSeekType type = whence == SEEK_SET ? G_SEEK_SET : whence == SEEK_CUR ? G_SEEK_CUR : G_SEEK_END;
  GSeekable *seekable = G_SEEKABLE (source->input->stream);

  if (!g_seekable_seek (seekable, offset, type, source->cancellable, NULL))
    return ARCHIVE_FATAL;

  source->input->offset = g_seekable_tell (seekable);
  return source->input->offset;
}

static la_int64_t
archive_skip_cb (struct archive *archive,
                 void           *data,
                 la_int64_t      request)
{
  ArchiveSource *source = data;
  goffset before = source->input->offset;

  if (archive_seek_cb (archive, data, request, SEEK_CUR) < 0)
    return 0;

  return source->input->offset - before;
}

static void
set_format_error (GError     **error,
                  const char  *detail)
{
  g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_FORMAT,
               _("The file is not a workbook that can be read: %s"), detail);
}

/* Opens the archive and moves to its part @path. Returns %NULL with @error
 * set when the part is not there and @required. */
static struct archive *
open_part (ArchiveSource  *source,
           const char     *path,
           gboolean        required,
           GError        **error)
{
  struct archive *archive;
  struct archive_entry *entry;
  int rc;

  if (!sales_import_input_rewind (source->input, source->cancellable, error))
    return NULL;

  archive = archive_read_new ();
  archive_read_support_format_zip_seekable (archive);
  archive_read_set_callback_data (archive, source);
  archive_read_set_read_callback (archive, archive_read_cb);
  archive_read_set_seek_callback (archive, archive_seek_cb);
  archive_read_set_skip_callback (archive, archive_skip_cb);

  rc = archive_read_open1 (archive);
  while (rc == ARCHIVE_OK && (rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname (entry);

      /* Some writers put a slash in front. */
      if (name != NULL && g_str_equal (name + (name[0] == '/'), path))
        return archive;
    }

  if (source->error != NULL)
    g_propagate_error (error, g_steal_pointer (&source->error));
  else if (rc != ARCHIVE_EOF)
    set_format_error (error, archive_error_string (archive) != NULL
                             ? archive_error_string (archive) : path);
  else if (required)
    set_format_error (error, path);

  archive_read_free (archive);
  return NULL;
}

static int
xml_read_cb (void *context,
             char *buffer,
             int   size)
{
  la_ssize_t n = archive_read_data (context, buffer, size);

  return n < 0 ? -1 : (int)n;
}

static xmlTextReader *
part_reader (struct archive *archive,
             const char     *path)
{
  /* No network, no entities expanded, no DTD loaded: a sheet needs none. */
  return xmlReaderForIO (xml_read_cb, NULL, archive, path, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

static gboolean
is_element (xmlTextReader *reader,
            const char    *name)
{
  const xmlChar *local = xmlTextReaderConstLocalName (reader);

  return local != NULL && strcmp ((const char *)local, name) == 0;
}

static char *
get_attribute (xmlTextReader *reader,
               const char    *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *)name);
  char *copy = value != NULL ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

/* A relationship id is in the r: namespace, whatever its prefix. */
static char *
get_relationship_id (xmlTextReader *reader)
{
  xmlChar *value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *)"id",
    (const xmlChar *)"http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  char *copy;

  if (value == NULL)
    value = xmlTextReaderGetAttributeNs (reader, (const xmlChar *)"id",
      (const xmlChar *)"http://purl.oclc.org/ooxml/officeDocument/relationships");
  copy = value != NULL ? g_strdup ((const char *)value) : NULL;
  xmlFree (value);
  return copy;
}

static gboolean
finish_part (ArchiveSource  *source,
             struct archive *archive,
             xmlTextReader  *reader,
             int             rc,
             const char     *path,
             GError        **error)
{
  gboolean ok = TRUE;

  if (source->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&source->error));
      ok = FALSE;
    }
  else if (g_cancellable_set_error_if_cancelled (source->cancellable, error))
    ok = FALSE;
  else if (rc < 0)
    {
      set_format_error (error, path);
      ok = FALSE;
    }

  xmlFreeTextReader (reader);
  archive_read_free (archive);
  return ok;
}

/* Sheets: names in order, with the part of each */

typedef struct
{
  GPtrArray *names;
  GPtrArray *ids;
} SheetList;

static gboolean
read_sheet_list (ArchiveSource  *source,
                 SheetList      *list,
                 GError        **error)
{
  struct archive *archive = open_part (source, "xl/workbook.xml", TRUE, error);
  xmlTextReader *reader;
  int rc;

  if (archive == NULL)
    return FALSE;

  reader = part_reader (archive, "xl/workbook.xml");
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_ELEMENT && is_element (reader, "sheet"))
        {
          char *name = get_attribute (reader, "name");

          g_ptr_array_add (list->names, name != NULL ? name : g_strdup (""));
          g_ptr_array_add (list->ids, get_relationship_id (reader));
        }
    }

  return finish_part (source, archive, reader, rc, "xl/workbook.xml", error);
}

/* The path in the archive of the part with relationship @id. */
static char *
find_sheet_part (ArchiveSource  *source,
                 const char     *id,
                 GError        **error)
{
  const char *path = "xl/_rels/workbook.xml.rels";
  struct archive *archive = open_part (source, path, TRUE, error);
  g_autofree char *target = NULL;
  xmlTextReader *reader;
  int rc;

  if (archive == NULL)
    return NULL;

  reader = part_reader (archive, path);
  while ((rc = xmlTextReaderRead (reader)) == 1 && target == NULL)
    {
      g_autofree char *rel_id = NULL;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT ||
          !is_element (reader, "Relationship"))
        continue;

      rel_id = get_attribute (reader, "Id");
      if (g_strcmp0 (rel_id, id) == 0)
        target = get_attribute (reader, "Target");
    }

  if (!finish_part (source, archive, reader, rc == 1 ? 0 : rc, path, error))
    return NULL;

  if (target == NULL)
    {
      set_format_error (error, path);
      return NULL;
    }

  /* Relative to xl/, or absolute from the root of the package. */
  if (target[0] == '/')
    return g_strdup (target + 1);
  return g_strconcat ("xl/", target, NULL);
}

char **
sales_import_xlsx_list_sheets (SalesImportInput  *input,
                               GCancellable      *cancellable,
                               GError           **error)
{
  g_autofree ArchiveSource *source = g_new0 (ArchiveSource, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  SheetList list = { names, ids };

  source->input = input;
  source->cancellable = cancellable;
  if (!read_sheet_list (source, &list, error))
    return NULL;

  g_ptr_array_add (names, NULL);
  return (char **)g_ptr_array_steal (names, NULL);
}

/* Text of <t> elements, leaving out phonetic runs (<rPh>), until the end of @end. */
static int
read_text (xmlTextReader *reader,
           const char    *end,
           GString       *text)
{
  int depth = xmlTextReaderDepth (reader);
  gboolean in_t = FALSE;
  int phonetic = 0;
  int rc;

  if (xmlTextReaderIsEmptyElement (reader))
    return 1;

  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth &&
          is_element (reader, end))
        break;

      if (type == XML_READER_TYPE_ELEMENT && is_element (reader, "rPh") &&
          !xmlTextReaderIsEmptyElement (reader))
        phonetic++;
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, "rPh"))
        phonetic--;
      else if (type == XML_READER_TYPE_ELEMENT && is_element (reader, "t"))
        in_t = !xmlTextReaderIsEmptyElement (reader);
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (reader, "t"))
        in_t = FALSE;
      else if (in_t && phonetic == 0 &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
                type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE))
        g_string_append (text, (const char *)xmlTextReaderConstValue (reader));
    }

  return rc;
}

static GPtrArray *
read_shared_strings (ArchiveSource  *source,
                     GError        **error)
{
  const char *path = "xl/sharedStrings.xml";
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  struct archive *archive = open_part (source, path, FALSE, &local_error);
  g_autoptr(GString) text = g_string_new (NULL);
  xmlTextReader *reader;
  gsize total = 0;
  int rc;

  /* A workbook of numbers only has none. */
  if (archive == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&strings);
    }

  reader = part_reader (archive, path);
  while ((rc = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || !is_element (reader, "si"))
        continue;

      g_string_truncate (text, 0);
      rc = read_text (reader, "si", text);
      if (rc < 0)
        break;
      total += text->len;
      if (total > MAX_SMALL_PART)
        {
          rc = -1;
          break;
        }
      g_ptr_array_add (strings, g_strndup (text->str, text->len));
    }

  if (!finish_part (source, archive, reader, rc, path, error))
    return NULL;

  return g_steal_pointer (&strings);
}

/* The column of a reference such as "AB12", from 0; -1 when there is none. */
static int
column_of (const char *ref)
{
  int column = 0;
  const char *p;

  if (ref == NULL)
    return -1;

  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (column > SALES_IMPORT_MAX_COLUMNS)
        return SALES_IMPORT_MAX_COLUMNS;
    }

  return p == ref ? -1 : column - 1;
}

typedef struct
{
  GPtrArray *strings;
  GPtrArray *cells;
  guint      number;
  int        column;
} SheetRow;

static void
put_cell (SheetRow *row,
          char     *text)
{
  if (row->column < 0 || row->column >= SALES_IMPORT_MAX_COLUMNS)
    {
      g_free (text);
      return;
    }

  while ((int)row->cells->len < row->column)
    g_ptr_array_add (row->cells, g_strdup (""));

  if ((int)row->cells->len == row->column)
    g_ptr_array_add (row->cells, text);
  else
    {
      g_free (row->cells->pdata[row->column]);
      row->cells->pdata[row->column] = text;
    }
}

static char *
cell_value (SheetRow   *row,
            const char *type,
            GString    *value,
            GString    *inline_text)
{
  if (g_strcmp0 (type, "inlineStr") == 0)
    return g_strndup (inline_text->str, inline_text->len);

  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index = 0;

      if (!g_ascii_string_to_unsigned (value->str, 10, 0, G_MAXUINT, &index, NULL) ||
          index >= row->strings->len)
        return g_strdup ("");
      return g_strdup (g_ptr_array_index (row->strings, index));
    }

  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (value->str, "1") ? "TRUE" : "FALSE");

  return g_strndup (value->str, value->len);
}

/* One <c> element: its value from <v>, or from <is> for an inline string. */
static int
read_cell (xmlTextReader *reader,
           SheetRow      *row,
           GString       *value,
           GString       *inline_text)
{
  g_autofree char *ref = get_attribute (reader, "r");
  g_autofree char *type = get_attribute (reader, "t");
  int depth = xmlTextReaderDepth (reader);
  int column = column_of (ref);
  int rc = 1;

  row->column = column >= 0 ? column : row->column + 1;
  g_string_truncate (value, 0);
  g_string_truncate (inline_text, 0);

  if (!xmlTextReaderIsEmptyElement (reader))
    {
      while ((rc = xmlTextReaderRead (reader)) == 1)
        {
          int type_of_node = xmlTextReaderNodeType (reader);

          if (type_of_node == XML_READER_TYPE_END_ELEMENT &&
              xmlTextReaderDepth (reader) == depth)
            break;
          if (type_of_node != XML_READER_TYPE_ELEMENT)
            continue;

          if (is_element (reader, "v"))
            {
              g_autofree xmlChar *text = xmlTextReaderReadString (reader);

              if (text != NULL)
                g_string_assign (value, (const char *)text);
            }
          else if (is_element (reader, "is"))
            rc = read_text (reader, "is", inline_text);

          if (rc != 1)
            break;
        }
    }

  put_cell (row, cell_value (row, type, value, inline_text));
  return rc;
}

static gboolean
emit_row (SheetRow            *row,
          SalesImportRowFunc   func,
          gpointer             user_data,
          GError             **error)
{
  SalesImportRow out;

  out.number = row->number;
  out.n_cells = row->cells->len;
  g_ptr_array_add (row->cells, NULL);
  out.cells = (char **)row->cells->pdata;
  out.invalid_column = -1;

  return func (&out, user_data, error);
}

static gboolean
read_sheet (ArchiveSource       *source,
            const char          *path,
            GPtrArray           *strings,
            SalesImportRowFunc   func,
            gpointer             user_data,
            GError             **error)
{
  struct archive *archive = open_part (source, path, TRUE, error);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) value = g_string_new (NULL);
  g_autoptr(GString) inline_text = g_string_new (NULL);
  SheetRow row = { strings, cells, 0, -1 };
  GError *stop_error = NULL;
  gboolean stopped = FALSE;
  xmlTextReader *reader;
  int rc;

  if (archive == NULL)
    return FALSE;

  reader = part_reader (archive, path);
  while (!stopped && (rc = xmlTextReaderRead (reader)) == 1)
    {
      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;

      if (is_element (reader, "row"))
        {
          g_autofree char *r = get_attribute (reader, "r");
          guint64 number = 0;

          if (r == NULL || !g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &number, NULL))
            number = row.number + 1;
          row.number = (guint)number;
          row.column = -1;
          g_ptr_array_set_size (cells, 0);

          if (xmlTextReaderIsEmptyElement (reader))
            continue;

          {
            int depth = xmlTextReaderDepth (reader);

            while ((rc = xmlTextReaderRead (reader)) == 1)
              {
                int type = xmlTextReaderNodeType (reader);

                if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (reader) == depth)
                  break;
                if (type == XML_READER_TYPE_ELEMENT && is_element (reader, "c") &&
                    (rc = read_cell (reader, &row, value, inline_text)) != 1)
                  break;
              }
          }
          if (rc != 1)
            break;

          if (!emit_row (&row, func, user_data, &stop_error))
            stopped = TRUE;
          g_ptr_array_set_size (cells, 0);
        }

      if (g_cancellable_is_cancelled (source->cancellable))
        break;
    }

  if (stop_error != NULL)
    {
      g_propagate_error (error, stop_error);
      xmlFreeTextReader (reader);
      archive_read_free (archive);
      return FALSE;
    }

  return finish_part (source, archive, reader, stopped ? 0 : rc, path, error);
}

gboolean
sales_import_xlsx_read (SalesImportInput    *input,
                        const char          *sheet,
                        SalesImportRowFunc   func,
                        gpointer             user_data,
                        GCancellable        *cancellable,
                        GError             **error)
{
  g_autofree ArchiveSource *source = g_new0 (ArchiveSource, 1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) strings = NULL;
  g_autofree char *path = NULL;
  SheetList list = { names, ids };
  guint index = 0;

  source->input = input;
  source->cancellable = cancellable;

  if (!read_sheet_list (source, &list, error))
    return FALSE;

  if (sheet != NULL && !g_ptr_array_find_with_equal_func (names, sheet, g_str_equal, &index))
    {
      g_set_error (error, SALES_IMPORT_ERROR, SALES_IMPORT_ERROR_NO_SHEET,
                   _("The workbook has no sheet “%s”"), sheet);
      return FALSE;
    }
  if (names->len == 0 || g_ptr_array_index (ids, index) == NULL)
    {
      set_format_error (error, "xl/workbook.xml");
      return FALSE;
    }

  path = find_sheet_part (source, g_ptr_array_index (ids, index), error);
  if (path == NULL)
    return FALSE;

  strings = read_shared_strings (source, error);
  if (strings == NULL)
    return FALSE;

  return read_sheet (source, path, strings, func, user_data, error);
}
