#include "cli/access_commands.h"

#include <iostream>

#include "cli/database_option.h"
#include "cli/progress_bar.h"
#include "core/access_codes.h"
#include "core/cycle_store.h"
#include "core/error.h"
#include "core/translate.h"

namespace exemplar::cli {

int access_codes(const std::string& database, const std::string& cycle_name, const std::string& out, const std::string& rater) {
    Database db = open_existing(database);
    const Cycle cycle = load_cycle(db, cycle_name);
    const std::optional<std::size_t> only = optional_member(cycle, rater);
    ProgressBar bar;
    const auto codes = issue_access_codes(db, cycle, only, &bar);
    bar.finish();
    write_access_slips(out, cycle, codes);
    std::cout << tr({"已生成 {0} 个登录码（旧码作废），登录条：{1}", "{0} access codes issued (earlier ones no longer work); slips: {1}"}, codes.size(), out)
              << '\n';
    return 0;
}

}  // namespace exemplar::cli
