#include "cli/results_commands.h"

#include <iostream>

#include <fmt/format.h>

#include "cli/database_option.h"
#include "cli/text_table.h"
#include "core/cycle_scoring.h"
#include "core/cycle_store.h"
#include "core/results_table.h"
#include "core/translate.h"

namespace exemplar::cli {

namespace {
std::string shown(const TableCell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    if (const auto* d = std::get_if<double>(&cell)) return fmt::format("{:.2f}", *d);
    if (const auto* n = std::get_if<long long>(&cell)) return std::to_string(*n);
    return {};
}
}  // namespace

int results(const std::string& database, const std::string& cycle_name, bool csv) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    const AssignmentSet assignments = load_assignments(db, cycle);
    const ScoringInput input = scoring_input(cycle, assignments);
    const CycleResults computed = compute_results(input);
    const ResultsTable table = hr_import_table(input, computed);
    if (csv) {
        CsvWriter writer(false);
        writer.header(table.columns);
        for (const auto& row : table.rows) writer.row(row);
        std::cout << writer.str();
        return 0;
    }
    std::vector<std::string> header{tr({"工号", "id"}), tr({"姓名", "name"}), tr({"部门", "department"}), tr({"职务", "position"})};
    for (const DimensionColumn& d : computed.dimensions) header.push_back(current_language() == Language::chinese ? d.name : d.id);
    for (const Text& t : {Text{"总分", "total"}, Text{"单位排名", "rank"}, Text{"部门排名", "dept rank"}, Text{"等次", "grade"},
                          Text{"自评", "self"}, Text{"上级", "head"}, Text{"同事", "peer"}, Text{"同事份数", "peers"}, Text{"标记", "flags"}})
        header.push_back(tr(t));
    std::vector<bool> right(header.size(), true);
    for (const std::size_t c : {0u, 1u, 2u, 3u}) right[c] = false;
    right[header.size() - 1] = false;
    right[header.size() - 6] = false;  // grade
    TextTable text(header, right);
    for (const auto& row : table.rows) {
        std::vector<std::string> cells;
        for (const TableCell& cell : row) cells.push_back(shown(cell));
        text.add(std::move(cells));
    }
    std::cout << tr({"测评周期“{0}”结果（{1} 人）", "results of the cycle '{0}' ({1} people)"}, cycle.name, table.rows.size()) << '\n';
    text.print(std::cout);
    return 0;
}

}  // namespace exemplar::cli
