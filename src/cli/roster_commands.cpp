#include "cli/roster_commands.h"

#include <algorithm>
#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "cli/text_table.h"
#include "core/csv_writer.h"
#include "core/name_order.h"
#include "core/roster.h"
#include "core/roster_import.h"
#include "core/translate.h"

namespace exemplar::cli {

int roster_import(const std::string& database, const std::string& file) {
    return with_new_or_existing(database, [&](Database& db) {
        auto table = open_table(file);
        ProgressBar bar;
        const RosterChanges changes = import_roster(db, *table, &bar);
        bar.finish();
        std::cout << tr({"{0}：新增 {1} 人，更新 {2} 人，未变 {3} 人；新建部门 {4} 个", "{0}: {1} added, {2} updated, {3} unchanged; {4} departments added"},
                        file, changes.added, changes.updated, changes.unchanged, changes.departments_added)
                  << '\n';
        return 0;
    });
}

int roster_list(const std::string& database, bool csv) {
    Database db = open_existing(database);
    std::vector<Person> people = load_people(db);
    const NameOrder order;
    std::stable_sort(people.begin(), people.end(), [&](const Person& a, const Person& b) {
        if (a.department != b.department) return order.less(a.department, b.department);
        if (a.is_head != b.is_head) return a.is_head;
        if (const int c = order.compare(a.name, b.name); c != 0) return c < 0;
        return a.code < b.code;
    });
    if (csv) {
        CsvWriter writer(false);
        writer.header({"id", "name", "department", "position", "head", "active"});
        for (const Person& p : people)
            writer.row({p.code, p.name, p.department, p.position, std::string(p.is_head ? "yes" : "no"), std::string(p.active ? "yes" : "no")});
        std::cout << writer.str();
        return 0;
    }
    TextTable table({tr({"工号", "id"}), tr({"姓名", "name"}), tr({"部门", "department"}), tr({"职务", "position"}),
                     tr({"负责人", "head"}), tr({"状态", "status"})});
    for (const Person& p : people)
        table.add({p.code, p.name, p.department, p.position, p.is_head ? tr({"是", "yes"}) : "",
                   p.active ? tr({"在职", "active"}) : tr({"离职", "inactive"})});
    table.print(std::cout);
    std::cout << tr({"共 {0} 人", "{0} people"}, people.size()) << '\n';
    return 0;
}

}  // namespace exemplar::cli
