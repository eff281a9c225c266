#include "cli/audit_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/text_table.h"
#include "core/audit_log.h"
#include "core/csv_writer.h"
#include "core/cycle_store.h"
#include "core/translate.h"

namespace exemplar::cli {

int audit_list(const std::string& database, const std::string& cycle, bool csv) {
    Database db = open_existing(database);
    std::optional<std::string> only;
    if (!cycle.empty()) {
        load_cycle(db, cycle);  // refuses an unknown name
        only = cycle;
    }
    const std::vector<AuditEntry> entries = read_audit_log(db, only);
    if (csv) {
        CsvWriter writer(false);
        writer.header({"at", "user", "program", "action", "cycle", "counts"});
        for (const AuditEntry& e : entries) {
            std::vector<TableCell> row;
            for (const std::string* text : {&e.at, &e.user, &e.program, &e.action, &e.cycle, &e.counts}) row.emplace_back(*text);
            writer.row(row);
        }
        std::cout << writer.str();
        return 0;
    }
    TextTable table({tr({"时间", "time"}), tr({"用户", "user"}), tr({"程序", "program"}), tr({"操作", "action"}),
                     tr({"周期", "cycle"}), tr({"数量", "counts"})});
    for (const AuditEntry& e : entries) table.add({e.at, e.user, e.program, e.action, e.cycle, e.counts});
    std::cout << tr({"审计日志：{0} 条", "audit log: {0} entries"}, entries.size()) << '\n';
    table.print(std::cout);
    return 0;
}

}  // namespace exemplar::cli
