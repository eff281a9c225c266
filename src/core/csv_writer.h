// Writing CSV for spreadsheet programs and HR systems (SPEC §4, §6): RFC 4180
// quoting, numbers as the shortest text that reads back to the same double,
// and text beginning with = + - @ written with a leading ' so no program
// ever runs it as a formula.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace exemplar {

// A cell of an exported table: empty (undefined), text, a number or an integer.
using TableCell = std::variant<std::monostate, std::string, double, long long>;

class CsvWriter {
public:
    explicit CsvWriter(bool byte_order_mark);
    void row(const std::vector<TableCell>& cells);
    void header(const std::vector<std::string>& names);
    const std::string& str() const { return out_; }

private:
    void text(std::string_view value);
    std::string out_;
};

// "'=1+1" for "=1+1"; other text unchanged.
std::string defuse_formula(std::string_view text);

}  // namespace exemplar
