/* sales-import-reader.c: rows of a CSV, TSV or .xlsx file, streamed, as UTF-8 text
 *
 * The format is told by the content, not the name: an .xlsx file is a zip
 * archive ("PK\3\4"); anything else is read as delimited text. Nothing is
 * loaded whole: a read goes through the file once (twice for text of unknown
 * encoding, whose first pass only checks for UTF-8), handing out one row at
 * a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sales-enums.h"
#include "sales-import-reader-private.h"

struct _SalesImportReader
{
  GObject             parent_instance;

  SalesImportInput    input;
  goffset             size;
  SalesImportFormat   format;
  SalesImportEncoding encoding;
  SalesImportEncoding detected;
  char                delimiter;
  char               *sheet;
};

G_DEFINE_FINAL_TYPE (SalesImportReader, sales_import_reader, G_TYPE_OBJECT)
G_DEFINE_QUARK (sales-import-error-quark, sales_import_error)

enum {
  PROP_0,
  PROP_ENCODING,
  PROP_DETECTED_ENCODING,
  PROP_SHEET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
sales_import_reader_finalize (GObject *object)
{
  SalesImportReader *self = SALES_IMPORT_READER (object);

  g_clear_object (&self->input.stream);
  g_free (self->sheet);

  G_OBJECT_CLASS (sales_import_reader_parent_class)->finalize (object);
}

static void
sales_import_reader_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SalesImportReader *self = SALES_IMPORT_READER (object);

  switch (prop_id)
    {
    case PROP_ENCODING:
      g_value_set_enum (value, self->encoding);
      break;

    case PROP_DETECTED_ENCODING:
      g_value_set_enum (value, self->detected);
      break;

    case PROP_SHEET:
      g_value_set_string (value, self->sheet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_import_reader_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SalesImportReader *self = SALES_IMPORT_READER (object);

  switch (prop_id)
    {
    case PROP_ENCODING:
      sales_import_reader_set_encoding (self, g_value_get_enum (value));
      break;

    case PROP_SHEET:
      sales_import_reader_set_sheet (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sales_import_reader_class_init (SalesImportReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sales_import_reader_finalize;
  object_class->get_property = sales_import_reader_get_property;
  object_class->set_property = sales_import_reader_set_property;

  properties[PROP_ENCODING] =
    g_param_spec_enum ("encoding", NULL, NULL,
                       SALES_TYPE_IMPORT_ENCODING, SALES_IMPORT_ENCODING_AUTO,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* What AUTO found at the last read; AUTO before the first. */
  properties[PROP_DETECTED_ENCODING] =
    g_param_spec_enum ("detected-encoding", NULL, NULL,
                       SALES_TYPE_IMPORT_ENCODING, SALES_IMPORT_ENCODING_AUTO,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /* The sheet of a workbook to read; NULL for the first one. */
  properties[PROP_SHEET] =
    g_param_spec_string ("sheet", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sales_import_reader_init (SalesImportReader *self)
{
  self->size = -1;
}

static SalesImportReader *
reader_new (GInputStream *stream)
{
  SalesImportReader *self = g_object_new (SALES_TYPE_IMPORT_READER, NULL);
  guchar magic[4] = { 0 };
  gssize n;

  self->input.stream = stream;
  n = sales_import_input_read (&self->input, magic, sizeof magic, NULL, NULL);
  self->format = n == 4 && memcmp (magic, "PK\3\4", 4) == 0
                 ? SALES_IMPORT_FORMAT_XLSX : SALES_IMPORT_FORMAT_TEXT;
  sales_import_input_rewind (&self->input, NULL, NULL);

  return self;
}

/**
 * sales_import_reader_new_for_path:
 *
 * Returns: (transfer full): a reader of the file, or %NULL with @error set
 *   when it cannot be opened
 */
SalesImportReader *
sales_import_reader_new_for_path (const char  *path,
                                  GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  SalesImportReader *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  self = reader_new (G_INPUT_STREAM (g_steal_pointer (&stream)));
  if (info != NULL)
    self->size = g_file_info_get_size (info);

  return self;
}

/**
 * sales_import_reader_new_for_bytes:
 *
 * Returns: (transfer full): a reader of @bytes, the content of a file
 */
SalesImportReader *
sales_import_reader_new_for_bytes (GBytes *bytes)
{
  SalesImportReader *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = reader_new (g_memory_input_stream_new_from_bytes (bytes));
  self->size = g_bytes_get_size (bytes);
  return self;
}

SalesImportFormat
sales_import_reader_get_format (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), SALES_IMPORT_FORMAT_TEXT);

  return self->format;
}

SalesImportEncoding
sales_import_reader_get_encoding (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), SALES_IMPORT_ENCODING_AUTO);

  return self->encoding;
}

void
sales_import_reader_set_encoding (SalesImportReader   *self,
                                  SalesImportEncoding  encoding)
{
  g_return_if_fail (SALES_IS_IMPORT_READER (self));
  g_return_if_fail (encoding <= SALES_IMPORT_ENCODING_UTF16BE);

  if (self->encoding == encoding)
    return;

  self->encoding = encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

SalesImportEncoding
sales_import_reader_get_detected_encoding (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), SALES_IMPORT_ENCODING_AUTO);

  return self->detected;
}

/* The delimiter of the last read of a text file; 0 before. */
char
sales_import_reader_get_delimiter (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), 0);

  return self->delimiter;
}

const char *
sales_import_reader_get_sheet (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), NULL);

  return self->sheet;
}

void
sales_import_reader_set_sheet (SalesImportReader *self,
                               const char        *sheet)
{
  g_return_if_fail (SALES_IS_IMPORT_READER (self));

  if (g_strcmp0 (self->sheet, sheet) == 0)
    return;

  g_free (self->sheet);
  self->sheet = g_strdup (sheet);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

/**
 * sales_import_reader_list_sheets:
 *
 * Returns: (transfer full): the names of the sheets of a workbook in their
 *   order, none for a text file; %NULL with @error set
 */
char **
sales_import_reader_list_sheets (SalesImportReader  *self,
                                 GError            **error)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->format == SALES_IMPORT_FORMAT_TEXT)
    return g_new0 (char *, 1);

  return sales_import_xlsx_list_sheets (&self->input, NULL, error);
}

/* The size of the file in bytes, -1 when unknown. */
goffset
sales_import_reader_get_size (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), -1);

  return self->size;
}

/* How far a read is in the file, in bytes: for progress, from any thread. */
goffset
sales_import_reader_get_offset (SalesImportReader *self)
{
  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), 0);

  return self->input.offset;
}

static void
set_detected (SalesImportReader   *self,
              SalesImportEncoding  detected)
{
  if (self->detected == detected)
    return;

  self->detected = detected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DETECTED_ENCODING]);
}

/**
 * sales_import_reader_read:
 * @func: called for every row, the header too, in order
 *
 * Reads the file from its start. Rows of a text file are in the encoding
 * set, or detected; a cell that is not text in it is "" and named by the
 * row's invalid_column.
 *
 * Returns: %TRUE when the whole file was read or @func stopped without an
 *   error; %FALSE with @error set
 */
gboolean
sales_import_reader_read (SalesImportReader   *self,
                          SalesImportRowFunc   func,
                          gpointer             user_data,
                          GCancellable        *cancellable,
                          GError             **error)
{
  SalesImportEncoding encoding = self->encoding;
  SalesImportEncoding bom = SALES_IMPORT_ENCODING_AUTO;

  g_return_val_if_fail (SALES_IS_IMPORT_READER (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->format == SALES_IMPORT_FORMAT_XLSX)
    {
      if (!sales_import_input_rewind (&self->input, cancellable, error))
        return FALSE;
      return sales_import_xlsx_read (&self->input, self->sheet, func, user_data, cancellable,
                                     error);
    }

  if (encoding == SALES_IMPORT_ENCODING_AUTO)
    {
      if (!sales_import_detect_encoding (&self->input, &encoding, cancellable, error))
        return FALSE;
      set_detected (self, encoding);
    }

  /* Also skips the byte order mark, which is no part of the first cell. */
  if (!sales_import_read_bom (&self->input, &bom, cancellable, error))
    return FALSE;

  if (encoding == SALES_IMPORT_ENCODING_UTF16 &&
      (bom == SALES_IMPORT_ENCODING_UTF16LE || bom == SALES_IMPORT_ENCODING_UTF16BE))
    encoding = bom;

  self->delimiter = 0;
  return sales_import_csv_read (&self->input, encoding, &self->delimiter, func, user_data,
                                cancellable, error);
}
