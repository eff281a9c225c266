#include "gui/results_view.h"

#include <algorithm>
#include <numeric>

#include "core/name_order.h"
#include "core/report_template.h"

namespace exemplar::gui {
namespace {

constexpr std::size_t npos = static_cast<std::size_t>(-1);

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

std::string trimmed(std::string text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && space(text.back())) text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && space(text[start])) ++start;
    return text.substr(start);
}

double number_of(const TableCell& cell) {
    if (const auto* d = std::get_if<double>(&cell)) return *d;
    if (const auto* i = std::get_if<long long>(&cell)) return static_cast<double>(*i);
    return 0;
}

const std::string& text_of(const TableCell& cell) {
    static const std::string empty;
    const auto* s = std::get_if<std::string>(&cell);
    return s ? *s : empty;
}

// 工号 compared as people read them: all-digit ids by value, others by bytes.
int compare_ids(const std::string& a, const std::string& b) {
    const auto digits = [](const std::string& s) {
        return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (digits(a) && digits(b) && a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    return a.compare(b);
}

}  // namespace

ResultsView::ResultsView(const CycleReport& report)
    : report_(report), table_(hr_import_table(report.input, report.results)) {
    const auto& dimensions = report.results.dimensions;
    for (const std::string& code : table_.columns) {
        ResultsColumn column;
        column.code = code;
        column.header = summary_header_of(code);
        if (code == "person_id") {
            column.kind = ResultsColumn::Kind::id;
        } else if (code == "name" || code == "department" || code == "position") {
            column.kind = ResultsColumn::Kind::collated;
        } else if (code == "rank_unit" || code == "rank_department") {
            column.kind = ResultsColumn::Kind::integer;
        } else if (code == "peer_count") {
            column.kind = ResultsColumn::Kind::integer;
            column.descending_first = true;
        } else if (code == "grade") {
            column.kind = ResultsColumn::Kind::grade;
        } else if (code == "flags") {
            column.kind = ResultsColumn::Kind::text;
        } else {
            column.kind = ResultsColumn::Kind::number;  // dimensions and the totals
            column.descending_first = true;
            for (std::size_t d = 0; d < dimensions.size(); ++d)
                if (dimensions[d].id == code && column.header.empty()) {
                    column.dimension = d;
                    column.header = dimensions[d].name;
                }
        }
        if (column.header.empty()) column.header = code;
        columns_.push_back(std::move(column));
    }

    order_.resize(table_.rows.size());
    std::iota(order_.begin(), order_.end(), 0);
    filter();
}

std::optional<std::size_t> ResultsView::column_of(std::string_view code) const {
    for (std::size_t c = 0; c < columns_.size(); ++c)
        if (columns_[c].code == code) return c;
    return std::nullopt;
}

std::optional<std::size_t> ResultsView::row_of_person(std::size_t person) const {
    for (std::size_t r = 0; r < table_.people.size(); ++r)
        if (table_.people[r] == person) return shown_at_[r] == npos ? std::nullopt : std::optional(shown_at_[r]);
    return std::nullopt;
}

bool ResultsView::less(std::size_t column, std::size_t a, std::size_t b) const {
    const TableCell& x = table_.rows[a][column];
    const TableCell& y = table_.rows[b][column];
    const bool x_empty = std::holds_alternative<std::monostate>(x);
    const bool y_empty = std::holds_alternative<std::monostate>(y);
    if (x_empty || y_empty) return false;  // handled by the caller: undefined last
    int order = 0;
    switch (columns_[column].kind) {
    case ResultsColumn::Kind::number:
    case ResultsColumn::Kind::integer: {
        const double u = number_of(x), v = number_of(y);
        order = u < v ? -1 : u > v ? 1 : 0;
        break;
    }
    case ResultsColumn::Kind::collated: order = keys_[column - 1][a].compare(keys_[column - 1][b]); break;
    case ResultsColumn::Kind::id: order = compare_ids(text_of(x), text_of(y)); break;
    case ResultsColumn::Kind::grade: {
        const auto& grades = report_.cycle.plan.grades;
        const auto index = [&](const std::string& name) {
            const auto it = std::find_if(grades.begin(), grades.end(), [&](const Grade& g) { return g.name == name; });
            return static_cast<std::size_t>(it - grades.begin());
        };
        const std::size_t u = index(text_of(x)), v = index(text_of(y));
        order = u < v ? -1 : u > v ? 1 : 0;
        break;
    }
    case ResultsColumn::Kind::text: order = text_of(x).compare(text_of(y)); break;
    }
    return ascending_ ? order < 0 : order > 0;
}

void ResultsView::sort_by(std::optional<std::size_t> column, std::optional<bool> ascending) {
    if (column && *column >= columns_.size()) column.reset();
    sort_column_ = column;
    ascending_ = ascending.value_or(column ? !columns_[*column].descending_first : true);
    std::iota(order_.begin(), order_.end(), 0);  // the HR导入 order breaks ties
    if (column) {
        const std::size_t c = *column;
        if (columns_[c].kind == ResultsColumn::Kind::collated) collation_keys(c);
        std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
            const bool a_empty = std::holds_alternative<std::monostate>(table_.rows[a][c]);
            const bool b_empty = std::holds_alternative<std::monostate>(table_.rows[b][c]);
            if (a_empty != b_empty) return b_empty;
            return less(c, a, b);
        });
    }
    filter();
}

// Collation keys the first time a column is sorted by (not when the page opens),
// once, so sorting 10,000 names compares bytes only.
const std::vector<std::string>& ResultsView::collation_keys(std::size_t column) {
    std::vector<std::string>& keys = keys_[column - 1];
    if (keys.size() != table_.rows.size()) {
        const NameOrder names;
        keys.clear();
        keys.reserve(table_.rows.size());
        for (const auto& row : table_.rows) keys.push_back(names.sort_key(text_of(row[column])));
    }
    return keys;
}

void ResultsView::toggle_sort(std::size_t column) {
    if (sort_column_ == column)
        sort_by(column, !ascending_);
    else
        sort_by(column);
}

void ResultsView::set_department(std::string department) {
    department_ = std::move(department);
    filter();
}

void ResultsView::set_search(std::string text) {
    search_ = trimmed(std::move(text));
    filter();
}

std::vector<std::string> ResultsView::departments() const {
    std::vector<std::string> list;
    for (const DepartmentResult& department : report_.results.departments) list.push_back(department.department);
    return list;
}

void ResultsView::filter() {
    const std::string needle = ascii_lower(search_);
    visible_.clear();
    shown_at_.assign(table_.rows.size(), npos);
    for (const std::size_t row : order_) {
        const auto& cells = table_.rows[row];
        if (!department_.empty() && text_of(cells[2]) != department_) continue;
        if (!needle.empty() && ascii_lower(text_of(cells[0])).find(needle) == std::string::npos &&
            text_of(cells[1]).find(search_) == std::string::npos)
            continue;
        shown_at_[row] = visible_.size();
        visible_.push_back(row);
    }
}

}  // namespace exemplar::gui
