#include "support/office.h"

#include "core/assignment_bundles.h"

#include <gtest/gtest.h>

#include "core/cycle_store.h"
#include "core/form_loader.h"
#include "core/roster_import.h"
#include "core/schema.h"
#include "core/table_reader.h"

namespace exemplar::testing {

const char* const office_roster =
    "工号,姓名,部门,职务,负责人,状态\n"
    "A01,王主任,行署办公室,主任,是,在职\n"
    "A02,李科长,行署办公室/秘书科,科长,是,在职\n"
    "A03,张一,行署办公室/秘书科,科员,否,在职\n"
    "A04,赵二,行署办公室/秘书科,科员,否,在职\n"
    "A05,陈三,行署办公室/秘书科,科员,否,在职\n"
    "A06,周四,行署办公室/综合科,科员,否,在职\n"
    "A07,吴五,行署办公室/综合科,科员,否,在职\n"
    "A08,郑六,行署办公室/秘书科,科员,否,离职\n"
    "A09,孙七,行署办公室,副主任,否,在职\n";

Office::Office() : db((dir.path() / "office.db").string()) {}

ProcessResult Office::exemplar(std::vector<std::string> arguments, const std::string& language) const {
    arguments.insert(arguments.begin(), {"--db", db});
    return run_exemplar(arguments, language);
}

std::string Office::ok(std::vector<std::string> arguments) const {
    const auto result = exemplar(arguments);
    EXPECT_EQ(result.exit_code, 0) << (arguments.empty() ? "" : arguments[0]) << ": " << result.err.substr(0, 2000);
    return result.out;
}

std::string Office::file(const std::string& name, const std::string& text) const { return dir.write(name, text).string(); }

std::string Office::database_bytes() const { return read_file(db); }

void Office::start_cycle() const {
    ok({"roster", "import", file("roster.csv", office_roster)});
    ok({"cycle", "create", "2026年度", "--plan", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml"});
}

void import_office_roster(Database& db) {
    migrate(db);
    auto roster = csv_table("roster.csv", office_roster);
    import_roster(db, *roster);
}

void start_office_cycle(Database& db) {
    import_office_roster(db);
    create_cycle(db, "2026年度", EXEMPLAR_SOURCE_DIR "/templates/plans/annual.yaml");
}

std::vector<std::string> item_ids(const std::string& form_file) {
    const FormLoad loaded = load_form_file(form_file);
    std::vector<std::string> ids;
    if (loaded.form)
        for (const Item& item : loaded.form->items) ids.push_back(item.id);
    return ids;
}

void set_rater_status(Database& db, const Cycle& cycle, std::size_t rater, AssignmentStatus status, int limit) {
    int left = limit;
    for (const Relation relation : all_relations) {
        auto bundle = read_bundle(db, cycle.id, rater, relation);
        if (!bundle) continue;
        for (std::uint8_t& state : bundle->states)
            if (left != 0) {
                state = state_byte(status, locked_of_state(state));
                --left;
            }
        write_bundle(db, cycle.id, *bundle, "test");
    }
}

}  // namespace exemplar::testing
