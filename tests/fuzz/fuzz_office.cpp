#include "fuzz_office.h"

#include "core/cycle_store.h"
#include "core/demo_answers.h"
#include "core/responses_import.h"
#include "core/table_reader.h"
#include "support/office.h"

namespace exemplar::fuzz {

namespace {

// 32 bytes; any key works, as long as it never changes (see fuzz_office.h).
constexpr char fuzz_seal_key_hex[] = "6578656d706c61722d66757a7a2d636f727075732d7365616c2d6b65792d3031";

FuzzOffice make_office(bool answers) {
    Database db = Database::in_memory();
    testing::start_office_cycle(db);
    db.execute(std::string("UPDATE cycles SET secret = x'") + fuzz_seal_key_hex + "'");
    Cycle cycle = load_cycle(db, "2026年度");
    if (answers) {
        auto table = csv_table("answers.csv", simulate_answers_csv(cycle, 20261130));
        import_responses(db, cycle, *table);
        cycle = load_cycle(db, "2026年度");
    }
    return FuzzOffice{std::move(db), std::move(cycle)};
}

}  // namespace

FuzzOffice& fuzz_office(bool answers) {
    if (answers) {
        static FuzzOffice with_answers = make_office(true);
        return with_answers;
    }
    static FuzzOffice without_answers = make_office(false);
    return without_answers;
}

}  // namespace exemplar::fuzz
