#include "core/responses_import.h"

#include <algorithm>
#include <array>
#include <iterator>

#include "core/database.h"
#include "core/error.h"
#include "core/table_columns.h"
#include "core/translate.h"

namespace exemplar {

namespace {

enum Column : std::size_t { rater_column, ratee_column, relation_column, item_column, answer_column };
constexpr ColumnSpec response_columns[] = {
    {"评价人工号", "rater_id", true}, {"被评价人工号", "ratee_id", true}, {"关系", "relation", true},
    {"题号", "item", true},           {"答案", "answer", true},
};

// A row of the table: FILE:ROW:COLUMN (or FILE:SHEET!CELL for xlsx).
class RowPlace final : public AnswerPlace {
public:
    RowPlace(const TableReader& table, const TableColumns& columns) : table_(table), columns_(columns) {}
    void set_row(std::size_t row) { row_ = row; }
    Diagnostic at(Field field, std::string message) const override {
        return table_.at(row_, *columns_.index(static_cast<std::size_t>(field)) + 1, std::move(message));
    }
    std::uint64_t mark() const override { return row_; }
    std::string describe(std::uint64_t mark) const override {
        const Diagnostic where = table_.at(static_cast<std::size_t>(mark), *columns_.index(answer_column) + 1, {});
        return where.cell.empty() ? tr({"第 {0} 行", "row {0}"}, mark) : where.cell;
    }

private:
    const TableReader& table_;
    const TableColumns& columns_;
    std::size_t row_ = 0;
};

static_assert(static_cast<std::size_t>(AnswerPlace::Field::rater) == rater_column);
static_assert(static_cast<std::size_t>(AnswerPlace::Field::answer) == answer_column);

}  // namespace

ResponsesImported import_responses(Database& db, const Cycle& cycle, TableReader& table, ProgressObserver* progress) {
    if (cycle.closed())
        throw InputRefused(table.at(1, 1, tr({"测评周期“{0}”已于 {1} 关闭，不能再导入", "the cycle '{0}' was closed on {1}: nothing can be imported into it"},
                                             cycle.name, *cycle.closed_at)));
    // The write lock from reading the stored answers to writing the merged
    // ones: a second import waits rather than merging into what is outdated.
    Transaction transaction(db);
    // The cycle is loaded while the table's thread reads the file (the header comes after).
    AnswerMerge merge(db, cycle);
    const TableColumns columns = TableColumns::read_header(table, response_columns);
    RowPlace place(table, columns);
    std::vector<Diagnostic> row_problems;
    RowBlock block;
    // Every column is required: read_header found them all (or refused the file).
    std::array<std::size_t, std::size(response_columns)> where{};
    for (std::size_t column = 0; column < where.size(); ++column) where[column] = *columns.index(column);
    // The rater, ratee and relation are the row before's when the reader saw
    // at least this many leading cells repeat (and that row was merged).
    const std::size_t key_cells = 1 + std::max({where[rater_column], where[ratee_column], where[relation_column]});
    bool merged_before = false;
    std::size_t rows_seen = 0;
    while (table.next_rows(block)) {
        for (const RowBlock::Row& row : block.rows) {
            if (++rows_seen % 65536 == 0) report_progress(progress, "responses", table.progress(), 1.0);
            const bool same_ids = merged_before && row.cells_as_before >= key_cells;
            merged_before = false;
            if (row.has_problems || merge.enough_problems()) continue;
            const std::span<const std::string_view> cells = block.cells_of(row);
            std::array<std::string_view, std::size(response_columns)> value;
            bool all_empty = true;
            for (std::size_t column = 0; column < value.size(); ++column) {
                const std::size_t at = where[column];
                value[column] = at < cells.size() ? trim_cell(cells[at]) : std::string_view();
                all_empty = all_empty && value[column].empty();
            }
            // Only a row without any of the five can be blank (the other cells are then looked at).
            if (all_empty && is_blank_row(cells)) continue;
            if (!columns.fits(cells, row.number, table, row_problems)) continue;
            place.set_row(row.number);
            merged_before = true;
            merge.add(value[rater_column], value[ratee_column], value[relation_column], value[item_column], value[answer_column],
                      place, same_ids);
        }
    }
    std::vector<Diagnostic> problems = merge.problems();
    problems.insert(problems.end(), row_problems.begin(), row_problems.end());
    const auto reading = table.problems();
    problems.insert(problems.end(), reading.begin(), reading.end());
    if (!problems.empty()) {
        sort_by_position(problems);
        throw InputRefused(problems);
    }
    const ResponsesImported imported = merge.commit(db, progress);
    transaction.commit();
    return imported;
}

}  // namespace exemplar
