#include "core/csv_writer.h"

#include "core/json_writer.h"

namespace exemplar {

std::string defuse_formula(std::string_view text) {
    if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' || text.front() == '@'))
        return "'" + std::string(text);
    return std::string(text);
}

CsvWriter::CsvWriter(bool byte_order_mark) {
    if (byte_order_mark) out_ = "\xEF\xBB\xBF";
}

void CsvWriter::text(std::string_view value) {
    const std::string safe = defuse_formula(value);
    if (safe.find_first_of(",\"\r\n") == std::string::npos) {
        out_ += safe;
        return;
    }
    out_ += '"';
    for (const char c : safe) {
        if (c == '"') out_ += '"';
        out_ += c;
    }
    out_ += '"';
}

void CsvWriter::header(const std::vector<std::string>& names) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out_ += ',';
        text(names[i]);
    }
    out_ += '\n';
}

void CsvWriter::row(const std::vector<TableCell>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) out_ += ',';
        const TableCell& cell = cells[i];
        if (const auto* s = std::get_if<std::string>(&cell))
            text(*s);
        else if (const auto* d = std::get_if<double>(&cell))
            out_ += shortest_number_text(*d);
        else if (const auto* n = std::get_if<long long>(&cell))
            out_ += std::to_string(*n);
    }
    out_ += '\n';
}

}  // namespace exemplar
