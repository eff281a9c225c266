// An .xlsx file as the imports read it (`roster import`, `responses import`):
// XlsxWorkbook::open, then every worksheet streamed row by row (the
// questionnaire import reads several sheets by name), then the first sheet
// again as a table through open_table, and the roster preview over it.
// Hostile files — damaged zips, zip bombs, entities, bad XML — must be
// refused with a located message, never crash or hang.
#include "core/error.h"
#include "core/roster_import.h"
#include "core/table_reader.h"
#include "core/xlsx_reader.h"
#include "fuzz_office.h"
#include "fuzz_target.h"

using namespace exemplar;
using namespace exemplar::fuzz;

namespace {

constexpr std::uint32_t max_rows = 1'048'576;
constexpr std::uint32_t max_columns = 16'384;

// Every sheet, every row; returns the cells read.
std::size_t read_every_sheet(const XlsxWorkbook& book) {
    std::size_t cells_read = 0;
    for (std::size_t s = 0; s < book.sheet_count(); ++s) {
        const std::string& name = book.sheet_name(s);
        const auto found = book.sheet_index(name);
        fuzz_check(found.has_value(), "a sheet is found by its own name");
        (void)book.sheet_hidden(s);
        try {
            auto sheet = book.sheet(s);
            std::vector<XlsxCell> cells;
            std::uint32_t last_row = 0;
            while (sheet.next_row(cells)) {
                fuzz_check(!cells.empty(), "a row read has cells");
                fuzz_check(cells.front().row > last_row, "rows come in order");
                last_row = cells.front().row;
                std::uint32_t last_column = 0;
                for (const XlsxCell& cell : cells) {
                    fuzz_check(cell.row == last_row, "a row's cells are in that row");
                    fuzz_check(cell.row >= 1 && cell.row <= max_rows, "a cell's row lies in 1..1048576");
                    fuzz_check(cell.column > last_column && cell.column <= max_columns, "a row's cells are ordered, within XFD");
                    last_column = cell.column;
                    fuzz_check(!cell_reference(cell.row, cell.column).empty(), "a cell has a reference");
                }
                cells_read += cells.size();
                const double progress = sheet.progress();
                fuzz_check(progress >= 0 && progress <= 1, "progress lies in 0..1");
            }
            fuzz_check(!sheet.next_row(cells), "a sheet read to its end stays at its end");
        } catch (const InputRefused& refused) {
            check_located(refused.diagnostics(), book.name());
        }
        const Diagnostic at = book.at(s, max_rows + 7, max_columns + 7, "x");
        fuzz_check(at.file == book.name() && !at.cell.empty(), "a workbook locates a message at a cell");
    }
    return cells_read;
}

}  // namespace

EXEMPLAR_FUZZ_TARGET_WITH_INIT(xlsx_reader, make_fuzz_office) {
    const auto path = write_input("book.xlsx", input);
    try {
        const XlsxWorkbook book = XlsxWorkbook::open(path);
        read_every_sheet(book);
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
        return Outcome::refused;
    }
    try {
        auto table = open_table(path);
        drain_table(*table);
        auto again = open_table(path);
        const RosterPreview preview = preview_roster(fuzz_office(false).db, *again);
        if (!preview.importable()) check_located(preview.problems, path.string());
    } catch (const InputRefused& refused) {
        check_located(refused.diagnostics(), path.string());
    }
    return Outcome::accepted;
}
