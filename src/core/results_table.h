// The HR导入 table (SPEC §6): one row a person, machine-readable codes as the
// header, rows by unit rank, then name 按姓氏笔画, then person_id; people
// without a total last, by name then person_id. Undefined values are empty.
#pragma once

#include <string>
#include <vector>

#include "core/csv_writer.h"
#include "core/scoring.h"

namespace exemplar {

struct ResultsTable {
    std::vector<std::string> columns;  // person_id, name, department, position, <dimension ids>, total, …, flags
    std::vector<std::vector<TableCell>> rows;
    std::vector<std::size_t> people;   // the PersonResult index of each row
};

// Person results in HR导入 row order (indexes into results.people).
std::vector<std::size_t> order_people(const ScoringInput& input, const CycleResults& results);

// Person results by name 按姓氏笔画, then person_id (indexes into results.people).
std::vector<std::size_t> people_by_name(const ScoringInput& input, const CycleResults& results);

ResultsTable hr_import_table(const ScoringInput& input, const CycleResults& results);

}  // namespace exemplar
