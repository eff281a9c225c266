// Finishing a workbook libxlsxwriter has written: the sheets whose cells
// Exemplar kept (CellTable) get their <dimension>, <sheetData> and
// <mergeCells> spliced into the frame libxlsxwriter wrote for them, the
// noted cells of the other sheets get their exact numbers, and the file is
// rewritten as a zip of its own: the entries left alone copied as they are
// (already deflated), the rest deflated fast on worker threads.
//
// A table's rows are queued as soon as the sheet is complete and its formats
// have their style numbers (queue_table), so their XML is made while the next
// sheets are written; finish_package() adds the frames, waits, and has the
// parts compressed side by side.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "core/parallel_deflate.h"
#include "core/xlsx_cell_table.h"
#include "core/xlsx_exact_numbers.h"

namespace exemplar::xlsx {

struct TableSheet {
    std::string part;  // "xl/worksheets/sheet2.xml"
    const CellTable* table = nullptr;
    std::vector<DeflatePool::Ticket> rows;    // queue_table()
    std::vector<DeflatePool::Ticket> merges;  // queue_table()
    // libxlsxwriter's own dimensions of the sheet (lxw_worksheet dim_*).
    lxw_row_t rowmin = LXW_ROW_MAX, rowmax = 0;
    lxw_col_t colmin = LXW_COL_MAX, colmax = 0;
};

// Queues the <row> and <mergeCell> pieces of a finished table (CellTable::finish()).
// `styles`: the s="…" of table.formats_in_order(). Both must outlive the pool's wait().
void queue_table(DeflatePool& pool, TableSheet& sheet, const CellTable& table, const std::vector<int>& styles);

// Rewrites `file` in place; nothing to do when both lists are empty. Throws
// Refused when the file cannot be read or written, Error when a sheet's
// frame is not what libxlsxwriter writes.
void finish_package(const std::filesystem::path& file, const std::vector<TableSheet>& sheets, const ExactNumbers& exact,
                    DeflatePool& pool);

}  // namespace exemplar::xlsx
