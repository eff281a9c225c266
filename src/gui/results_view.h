// What the results grid shows of a cycle's results, without any widget: the
// HR导入 columns (core/results_table.h) as they come from the core, and the
// rows that the current sort, department filter and search leave, as
// indexes. The grid (results_page.cpp) is a virtual adapter over this, so a
// 10,000-person cycle costs one table and a few index vectors.
//   ResultsView view(report);
//   view.sort_by(view.column_of("total"));   // top total first
//   view.set_department("行署办公室/秘书科");
//   view.set_search("张");
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/cycle_report.h"
#include "core/results_table.h"

namespace exemplar::gui {

struct ResultsColumn {
    enum class Kind { text, collated, id, number, integer, grade };
    std::string code;    // HR导入 code or dimension id
    std::string header;  // in the user's language; a dimension's name
    Kind kind = Kind::text;
    bool descending_first = false;  // scores: the first click puts the highest first
    std::optional<std::size_t> dimension;  // index into CycleResults::dimensions
};

class ResultsView {
public:
    explicit ResultsView(const CycleReport& report);

    const CycleReport& report() const { return report_; }
    const std::vector<ResultsColumn>& columns() const { return columns_; }
    std::optional<std::size_t> column_of(std::string_view code) const;

    std::size_t rows() const { return visible_.size(); }  // after the filter and search
    std::size_t all_rows() const { return table_.rows.size(); }
    const TableCell& cell(std::size_t row, std::size_t column) const { return table_.rows[visible_[row]][column]; }
    // The PersonResult (index into results.people) shown in `row`.
    std::size_t person(std::size_t row) const { return table_.people[visible_[row]]; }
    // The row showing a person, if it is shown.
    std::optional<std::size_t> row_of_person(std::size_t person) const;

    // Sorts by a column (nullopt: the HR导入 order, rank then 姓氏笔画).
    // Undefined values always come last; ties keep the HR导入 order.
    void sort_by(std::optional<std::size_t> column, std::optional<bool> ascending = std::nullopt);
    // A second click on the same column turns the order round.
    void toggle_sort(std::size_t column);
    std::optional<std::size_t> sort_column() const { return sort_column_; }
    bool ascending() const { return ascending_; }

    // Only people of this exact department path ("" = everyone).
    void set_department(std::string department);
    const std::string& department() const { return department_; }
    // Only people whose name or 工号 contains the text (ASCII case ignored; "" = everyone).
    void set_search(std::string text);
    const std::string& search() const { return search_; }

    // The departments with people, in path order.
    std::vector<std::string> departments() const;

private:
    bool less(std::size_t column, std::size_t a, std::size_t b) const;
    // The collation keys of a collated column (1 name, 2 department, 3 position), made when first needed.
    const std::vector<std::string>& collation_keys(std::size_t column);
    void filter();

    const CycleReport& report_;
    ResultsTable table_;
    std::vector<ResultsColumn> columns_;
    std::vector<std::string> keys_[3];  // collation keys of name, department, position (per table row; empty until sorted by)
    std::vector<std::size_t> order_;    // all table rows, sorted
    std::vector<std::size_t> visible_;  // the rows of order_ that pass the filter
    std::vector<std::size_t> shown_at_; // table row → visible row (or npos)
    std::optional<std::size_t> sort_column_;
    bool ascending_ = true;
    std::string department_;
    std::string search_;
};

}  // namespace exemplar::gui
